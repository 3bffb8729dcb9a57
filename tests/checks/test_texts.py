"""common.Texts: one search of the joined text tells which passages (or table cells) a wording
rule's pattern can match in.  A hint must never leave out a text the rule would flag: each hint
is context-free (no look-around, anchor or word boundary), every text its rule's pattern matches
in holds a match of the hint, and each rule finds the same with the hints as when it tries every
text."""

from __future__ import annotations

import random
import re
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from cnbudget.checks import (
    check_disclosure,
    common,
    definitions,
    institutions,
    reasons,
    repeats,
    sentences,
    typography,
    wording,
    years,
)
from cnbudget.checks.common import Texts
from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, W

# (the rule's patterns, the hint it searches the joined text for: one pattern or several)
HINTS: list[tuple[str, tuple[re.Pattern[str], ...], common.Hint]] = [
    ("malformed_number", (typography.MALFORMED_NUMBER_RE,), typography._MALFORMED_HINT),
    ("doubled_unit", (typography.DOUBLED_UNIT_RE,), typography._DOUBLED_UNIT_HINT),
    ("rate_without_percent", (typography.RATE_NO_PERCENT_RE,), typography._RATE_HINT),
    ("zero_change", (typography.ZERO_CHANGE_RE,), typography._ZERO_CHANGE_HINT),
    ("punctuation", (typography.DOUBLED_PUNCT_RE, typography.STOP_BETWEEN_WORDS_RE), typography._PUNCTUATION_HINT),
    ("money_unit", (typography.BARE_WAN_RE,), typography._BARE_WAN_HINT),
    ("doubled_word", (typography.DOUBLED_WORD_RE,), typography._DOUBLED_WORD_HINT),
    ("year_without_nian", (typography.YEAR_BASE_RE,), typography._YEAR_BASE_HINT),
    ("year_without_nian_du", (typography.YEAR_DU_RE,), typography._YEAR_DU_HINT),
    ("placeholder", (wording.PLACEHOLDER_FIGURE_RE, wording.PLACEHOLDER_NAME_RE, wording.FILL_IN_RE,
                     wording.CHOICE_RE, wording.UNFILLED_RE), wording._PLACEHOLDER_HINT),
    ("drafting_note", (wording.DRAFTING_NOTE_RE,), wording._DRAFTING_NOTE_HINT),
    ("empty_reason", (wording.EMPTY_REASON_RE,), wording._EMPTY_REASON_HINT),
    ("obsolete_name", (wording._obsolete_re(2024),), wording._obsolete_hint(2024)),
    ("stray_year", (wording.STRAY_YEAR_RE,), wording._STRAY_YEAR_HINT),
    ("count_listed", (wording.LIST_COUNT_RE,), wording._LIST_COUNT_HINT),
    ("count_listed.zero", (wording.ZERO_LISTED_RE,), wording.ZERO_LISTED_RE),
    ("clipped_phrase", (wording.CLIPPED_RE,), wording._CLIPPED_HINT),
    ("doubled_phrase", (repeats.DOUBLED_PHRASE_RE,), repeats._DOUBLED_PHRASE_HINT),
    ("doubled_run", (repeats.DOUBLED_RUN_RE, repeats.DOUBLED_PAIR_RE), repeats._DOUBLED_HINT),
    ("reason_copula_twice", (reasons.REASON_COPULA_TWICE_RE,), reasons._COPULA_TWICE_HINT),
    ("repeated_item_number", (repeats.REPEATED_ITEM_RE,), repeats._REPEATED_ITEM_HINT),
    ("reason_of_other_item", (reasons.SUBJECT_RE,), reasons._ITEM_HINT),
    ("zero_reason", (reasons.ZERO_REASON_RE,), reasons._ZERO_REASON_HINT),
    ("reason_of_income", (reasons.SPENDING_CHANGE_RE,), reasons.SPENDING_CHANGE_RE),
    ("heading_amount", (sentences.HEADING_AMOUNT_RE,), sentences._HEADING_AMOUNT_HINT),
    ("plan_period", (years.PLAN_FRAME_RE,), years._PLAN_HINT),
    ("past_plan", (years.PAST_PLAN_RE,), years._PAST_PLAN_HINT),
    ("no_such_date", (years.DATE_RE,), years._DATE_HINT),
    ("yuan_among_wan", (re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?<![万亿])元"),), typography._YUAN_HINT),
    ("definition", (definitions.DEFINITION_RE,), definitions._DEFINITION_HINT),
    ("institution_count", (institutions.COUNT_RE,), institutions._COUNT_HINT),
    ("reason_lead_direction", (reasons.REASON_LEAD_RE,), reasons._REASON_LEAD_HINT),
    ("bare_reason_lead", (reasons.BARE_LEAD_RE,), reasons._REASON_LEAD_HINT),
    ("year_scope", (years.SCOPE_YEAR_RE,), years._SCOPE_HINT),
    ("blank_target", (wording.BLANK_TARGET_RE,), wording._BLANK_TARGET_HINT),
    ("year_kind", (typography.YEAR_KIND_RE,), typography._YEAR_KIND_HINT),
    ("clipped_vehicle", (wording.CLIPPED_VEHICLE_RE,), wording._VEHICLE_HINT),
    ("japanese_form", (typography.JAPANESE_FORM_RE,), typography.JAPANESE_FORM_RE),
    ("dash_for_one", (typography.DASH_FOR_ONE_RE,), typography.DASH_FOR_ONE_RE),
    # an item after the first (the one ``numbered_twice`` reports)
    ("decree_number", (typography.DECREE_NUMBER_RE,), typography._DECREE_HINT),
    ("list_item_twice", (re.compile(r"(?<=[;。:])\s*\d{1,2}[.、](?=[\u4e00-\u9fff])"),), repeats._LIST_ITEM_HINT),
]

_CONTEXT = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}


def _context_free(items) -> bool:  # noqa: ANN001 - re's parse tree
    for op, av in items:
        if op in _CONTEXT:
            return False
        if op is sre_c.SUBPATTERN and not _context_free(av[-1]):
            return False
        if op is sre_c.BRANCH and not all(_context_free(b) for b in av[1]):
            return False
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT) and not _context_free(av[2]):
            return False
        if op is sre_c.ATOMIC_GROUP and not _context_free(av):
            return False
    return True


def context_free(rx: re.Pattern[str]) -> bool:
    """Whether a match of ``rx`` depends only on the characters it matches (no look-around,
    anchor or word boundary): then a match inside one text is a match inside the joined text."""
    return _context_free(sre_parse.parse(rx.pattern, rx.flags))


def test_the_checker_tells_context_from_characters():
    assert context_free(re.compile(r"(?:亿元|万元|%)\s*(?:亿元|万元|元|%)"))
    assert context_free(re.compile(r"(用于|主要)\s*\1"))  # a back-reference looks only inside
    assert not context_free(re.compile(r"元(?![旦月])"))
    assert not context_free(re.compile(r"(?<=[。;])\d"))
    assert not context_free(re.compile(r"^\d|x"))
    assert not context_free(re.compile(r"(?:a|(?:b\b))+"))


@pytest.mark.parametrize("name, patterns, hint", HINTS, ids=[h[0] for h in HINTS])
def test_every_hint_is_context_free(name, patterns, hint):
    assert all(context_free(h) for h in _patterns(hint)), name


def _patterns(hint: common.Hint) -> tuple[re.Pattern[str], ...]:
    return (hint,) if isinstance(hint, re.Pattern) else hint


# Pieces of the texts the patterns look for, put together at random below.
_PIECES = (
    "万元", "亿元", "元", "万", "%", "。", ",", ";", ":", "、", "(", ")", "/", " ", "“", "”", "【", "】",
    "x", "X", "×", "0", "1", "2", "5", "9", ".", "0.00", "12.5", "3,468.18", "2,318.40.00", "2025", "2026",
    "年", "年度", "与", "比", "较", "同", "增长", "下降", "增加", "减少", "持平", "为", "了", "幅度", "约",
    "主要原因", "主要", "原因", "是", "系", "包括", "其中", "如下", "分别为", "用于", "要用于", "要原因",
    "请", "填写", "此处填写", "核实", "是否", "若无", "则", "写", "删除", "公开时", "此",
    "等", "大", "六", "十", "二", "家", "个", "项", "行动", "单位", "共有", "共",
    "因", "因因", "及", "和", "和和", "对", "原", "费", "公务接待费", "因公出国", "培训费", "会议",
    "(一)", "一、", "围绕", "十四五", "十六五", "工作任务", "医疗卫生与计划生育支出", "新农具", "新技术",
    "安排", "预算", "支出", "决算", "合计", "车辆", "辆", "购置", "收入", "政府性基金预算收入", "人员",
    "(2)", "住房公积金", "163.4", "158.20", "\n", "编制范围", "部门", "年年度", "费费", "合格率", "达到", "不低于", "部门预算", "单位决算",
)


def _random_texts(n: int, seed: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(2, 14))) for _ in range(n)]


# Texts each rule is known to flag (from its own tests and the corpus).
_EXAMPLES = (
    "收入2,318.40.00万元。", "支出314.25万元万元。", "比上年增长12.5,主要是人员增加。", "增加0万元。",
    "收入。。支出", "新农具.新技术", "其他农业农村支出15.00万,服务", "主要原因是因因人员减少。",
    "与2025持平。", "XX局", "x,xxx.xx万元", "增加(减少)", "【请填写】", "收入预算:2026年。",
    "(注:上年3,468.18万元,公开时请删除注释)", "主要原因是。", "包括:。", "医疗卫生与计划生育支出",
    "其中:2026机要通讯用车1辆", "A、B、C等2家单位", "队伍大融合等六大行动", "二级预算单位共有0个,包括:",
    "预算准备金20.40万元,要用于", "主要用于用于本级", "(一)(一)提升", "公务接待费2万元,主要是因公出国计划。",
    "计划购置车辆0辆、0万元,主要是车辆购置计划。",
    "支出预算515313.35万元,比上年减少10087.38万元,主要是政府性基金预算收入较上年下降45.9%。",
    "(3)住房公积金163.4万元。2025年安排158.20万元,主要用于", "紧紧围绕“十四五”工作任务",
    "(一)(一)", "二、 二、", "(12) (12)", "请删除此段", "若无涉密项目,则填写无", "请核实单位是否有", "公开前须去掉",
    "具体如下:。", "分别是:;", "原因是其中:", "1.5亿元,要包括", "共计:2025年", "单位、2026年", "其中,2024年",
    "下降/增长", "增加(减少)", "2026 度收入预算", "2026年9月31日前完成", "2月30日",
    "1.事业收入 5 万元。", "2.附属单位上缴收入 0 元。", "3.其他收入 8 万元。", "专用资料及一般设备购置费",
    "转化为实现生产力", "按照工作责职", "公路养护(项):指反映除上述项目以外其他用于公路水路运输方面的支出。",
    "应急管理(项):反应用于应急管理方面的支出。", "某中心设6个内设机构,包括:办公室、财务科、信息科。",
    "财政拨款收入比上年增加156万元。", "财政拨款收入减少的主要原因是项目调整。", "主要是辆保险费", "从严从紧圧减一般性支出", "1.负责统计;2.负责普查;2.负责发布。", "(广州市人民政府令 148号)",
    "较上年增加9.49万元,减少的主要原因是压缩。", "纳入某局2025年部门预算编制范围的单位", "二、2021 年年度部门工作任务",
    "公务接待费费6.51万元", "考核合格率达,形成", "委员会2026部门预算情况的说明", "主要原因是 一是压缩,二是",
    "调整价格价格,提供", ",保障保障工信", "退休“—件事”", "－次性", "2025年计划投入100万元", "2024 年 拟组织",
)


@pytest.mark.parametrize("name, patterns, hint", HINTS, ids=[h[0] for h in HINTS])
def test_a_text_a_pattern_matches_in_holds_its_hint(name, patterns, hint):
    found = 0
    for text in (*_EXAMPLES, *_random_texts(4000)):
        if any(p.search(text) for p in patterns):
            found += 1
            assert any(h.search(text) for h in _patterns(hint)), (name, text)
    assert found, f"no text exercised {name}"


def test_holding_finds_each_text_a_hint_matches_in():
    blocks = ["收入100万元。", "支出314.25万元万元。", "", "无", "收入50万元万元", "增长5%%"]
    t = Texts.of(blocks, blocks)
    assert t.holding(typography._DOUBLED_UNIT_HINT) == ["支出314.25万元万元。", "收入50万元万元", "增长5%%"]
    assert t.where(re.compile("收入")) == [0, 4]
    assert t.holding(re.compile("没有")) == []
    # several patterns: the texts holding any of them, in order, each once
    assert t.where((re.compile("增长"), re.compile("收入"), re.compile("万元万"))) == [0, 1, 4, 5]
    # a match running over the joins (from text 1 into text 4) adds a text to try: 1 holds none
    assert t.where(re.compile(r"万元。\s*无?\s*收")) == [1]


def _every_text(self: Texts, hint: re.Pattern[str]) -> list[int]:
    return list(range(len(self.items)))


_RULES = (
    "wording.malformed_number", "wording.doubled_unit", "wording.rate_without_percent", "wording.zero_change",
    "wording.punctuation", "wording.money_unit", "wording.doubled_word", "wording.year_without_nian",
    "wording.placeholder", "wording.drafting_note", "wording.empty_reason", "wording.obsolete_name",
    "wording.stray_year", "wording.count_listed", "wording.clipped_phrase", "wording.doubled_phrase",
    "wording.repeated_item_number", "wording.reason_of_other_item", "wording.zero_reason",
    "wording.reason_of_income", "sentence.heading_amount", "year.plan_period", "wording.department_name",
    "year.no_such_date", "wording.yuan_among_wan", "wording.reason_without_copula", "wording.reason_no_change",
    "wording.change_without_amount", "wording.repeated_text", "wording.definition_of_other_item",
    "wording.definition_verb", "wording.institution_count", "claim.reason_lead_direction", "wording.brackets",
    "wording.japanese_form", "wording.repeated_item_number", "wording.decree_number", "year.scope",
    "wording.blank_target",
)


def _with_and_without_hints(d, monkeypatch):  # noqa: ANN001, ANN202
    hinted = check_disclosure(d, only=set(_RULES))
    with monkeypatch.context() as m:
        m.setattr(common.Texts, "where", _every_text)
        plain = check_disclosure(d, only=set(_RULES))
    return hinted, plain


def test_the_rules_find_the_same_with_hints_as_trying_every_passage(monkeypatch):
    lines = [*_EXAMPLES, *_random_texts(300, seed=5)]
    d = W("一、收入支出预算总体情况说明\n\n" + "\n".join(x.replace("\n", "") or "无" for x in lines) + "\n", year=2026)
    hinted, plain = _with_and_without_hints(d, monkeypatch)
    assert hinted.findings == plain.findings
    assert hinted.coverage.by_rule == plain.coverage.by_rule
    assert len({f.rule for f in hinted.findings}) >= 15  # the examples reach most of the rules


def test_the_cell_rules_find_the_same_with_hints_as_trying_every_cell(monkeypatch):
    cells = ["实现基础设施集约化和和政府协同性发展。", "完成培训、宣传、督查等六大模块工作内容。", "高端装备（工业母机、机器人集群等。",
             "紧紧围绕“十四五”规划目标。", "2026年9月31日前完成验收。", *_random_texts(200, seed=7)]
    rows = tuple(Row(code=None, name=f"项目{i}", values={}, source=Source(page=26), texts={"绩效目标": c})
                 for i, c in enumerate(cells))
    d = D(Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "总计"),), rows=rows,
                source=Source(page=26)), year=2026)
    hinted, plain = _with_and_without_hints(d, monkeypatch)
    assert hinted.findings == plain.findings
    assert hinted.coverage.by_rule == plain.coverage.by_rule
    assert {"wording.doubled_word", "year.plan_period", "year.no_such_date", "wording.brackets"} <= {
        f.rule for f in hinted.findings}


def test_the_required_sections_are_sought_with_context_free_patterns():
    # completeness.missing_section tries a section's pattern only on the titles ``Texts`` names
    from cnbudget.checks.completeness import REQUIRED_SECTIONS

    patterns = [p if isinstance(p, str) else p[0] for sections in REQUIRED_SECTIONS.values() for _, p, *_ in sections]
    assert patterns and all(context_free(re.compile(p)) for p in patterns)


@pytest.mark.parametrize("text", [
    "实现基础设施集约化，政府协同性发展：（一）１２３．５万元；", "Ａ\u0301ｂｃ　ｄ", "①②㈠℃㎡…ﬁ", "e\u0301\u0323ｅ\u0323\u0301",
    "ｶﾞｷﾞ", "", "plain ascii", "\uff5e\uff5f\uff01\u3000x", *_random_texts(200, seed=3),
])
def test_cells_are_folded_as_nfkc_folds_them(text):
    import unicodedata

    assert common.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_random_text_with_wide_forms_and_marks_is_folded_as_nfkc_folds_it():
    import unicodedata

    rnd = random.Random(9)
    ranges = [(0xFF00, 0xFFEF), (0x0300, 0x036F), (0x3000, 0x303F), (0xF900, 0xFAFF), (0x2460, 0x24FF),
              (0x0020, 0x007E), (0x4E00, 0x4E40), (0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xAC40)]
    for _ in range(2000):
        text = "".join(chr(rnd.randint(*rnd.choice(ranges))) for _ in range(rnd.randint(1, 12)))
        assert common.nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)


def test_ending_finds_the_texts_that_end_with_a_pattern_first_middle_or_last():
    t = Texts.of(["打造新 IP,", "完成任务。", "≤3次 ", "满意度≥90%", "达到5次"], ["打造新 IP,", "完成任务。", "≤3次 ", "满意度≥90%", "达到5次"])
    assert t.ending(",") == [0]
    assert t.ending("次") == [2, 4]
    assert t.ending("%|。") == [1, 3]
