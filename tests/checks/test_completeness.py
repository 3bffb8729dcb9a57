"""completeness.* rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.model import Source
from tests.checks.conftest import D, T, run

ALL_BUDGET = ("summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
              "three_public", "gov_fund", "state_capital")


def tables(*kinds):
    return [T(k, "total", ("total", "1.00")) for k in kinds]


def test_missing_three_public_is_an_error():
    # 宿州 2024 (seed 004) publishes no 三公 table
    d = D(*tables(*[k for k in ALL_BUDGET if k != "three_public"]))
    f = run(d, "completeness.missing_table")
    assert [(x.table, x.severity) for x in f] == [("three_public", "error")]
    assert "143号" in f[0].message


def test_all_tables_present():
    assert not run(D(*tables(*ALL_BUDGET)), "completeness.missing_table")


def test_missing_state_capital_is_a_warning_for_finals():
    f = run(D(*tables(*ALL_BUDGET[:-1]), kind="final"), "completeness.missing_table")
    assert [(x.table, x.severity) for x in f] == [("state_capital", "warning")]


def test_empty_table_needs_a_note():
    empty = T("gov_fund", "total basic project", ("total", None, None, None))
    f = run(D(empty), "completeness.empty_table_note")
    assert [(x.table, x.severity) for x in f] == [("gov_fund", "warning")]
    noted = T("gov_fund", "total basic project", ("total", None, None, None),
              notes=("说明：我部门无政府性基金预算支出。",))
    assert not run(D(noted), "completeness.empty_table_note")


def test_listed_missing():
    d = D(*tables("summary"), sections=["七、2024 年支出经济分类汇总表"])
    f = run(d, "completeness.listed_missing")
    assert [x.table for x in f] == ["economic_summary"]
    assert not run(D(*tables("summary", "economic_summary"), sections=["七、2024 年支出经济分类汇总表"]),
                   "completeness.listed_missing")
    # a section of the 情况说明 named for its topic is no table (上海: "二、机关运行经费预算" / 本单位无…)
    assert not run(D(*tables("summary"), sections=["二、机关运行经费预算"]), "completeness.listed_missing")


SECTIONS = ["一、主要职责", "二、部门预算单位构成", "一、收入支出预算总体情况说明", "四、财政拨款收支总体情况",
            "五、一般公共预算支出预算情况说明", "七、一般公共预算“三公”经费支出预算情况说明", "（一）机关运行经费",
            "（二）政府采购支出情况", "（四）国有资产占用情况", "（三）绩效目标设置情况", "第三部分 名词解释"]


def test_missing_section():
    assert not run(D(*tables("summary"), sections=SECTIONS), "completeness.missing_section")
    f = run(D(*tables("summary"), sections=[s for s in SECTIONS if "三公" not in s]), "completeness.missing_section")
    assert len(f) == 1 and "三公" in f[0].message and f[0].severity == "warning"


def test_empty_table_notes_in_local_wordings():
    from dataclasses import replace

    from cnbudget.checks import check_disclosure

    for note in ("注：本表本年无发生额。", "（注：2026年没有使用政府性基金预算拨款安排的支出。）", "本部门无相关收支，故本表为空",
                 "本单位无政府性基金预算"):
        t = replace(T("gov_fund", "total", ("total", "0.00")), notes=(note,))
        got = [f for f in check_disclosure(D(t)).findings if f.rule == "completeness.empty_table_note"]
        assert not got, note


def test_a_section_run_into_its_paragraph_is_there():
    from dataclasses import replace

    from cnbudget.checks import check_disclosure
    from cnbudget.document import Source
    from cnbudget.model import Section, TextBlock

    d = D(T("general_expenditure", "total", ("total", "1.00")))
    heads = ("一、部门主要职责", "二、部门预算单位构成", "三、收支预算总体情况", "四、财政拨款收支预算情况",
             "五、一般公共预算支出预算情况", "六、“三公”经费预算情况", "八、政府采购情况", "九、国有资产占用情况",
             "十、预算绩效情况", "名词解释")
    d = replace(d, sections=tuple(Section(h, Source(line=i)) for i, h in enumerate(heads)))
    missing = {f.message for f in check_disclosure(d).findings if f.rule == "completeness.missing_section"}
    assert any("机关运行经费" in m for m in missing)
    run_in = TextBlock("（一）机关运行经费：2026年机关运行经费预算为12.00万元。", ((0, Source(line=20)),), part="narrative")
    d2 = replace(d, text=(run_in,))
    missing2 = {f.message for f in check_disclosure(d2).findings if f.rule == "completeness.missing_section"}
    assert not any("机关运行经费" in m for m in missing2)


def test_an_empty_table_explained_in_the_narrative_needs_no_note_of_its_own():
    from dataclasses import replace

    from cnbudget.checks import check_disclosure
    from cnbudget.document import Source
    from cnbudget.model import TextBlock

    t = T("gov_fund", "total", ("total", "0.00"))
    said = TextBlock("2026年政府性基金拨款支出预算为0万元。", ((0, Source(line=3)),), part="narrative")
    d = replace(D(t), text=(said,))
    assert not [f for f in check_disclosure(d).findings if f.rule == "completeness.empty_table_note"]
    assert [f for f in check_disclosure(D(t)).findings if f.rule == "completeness.empty_table_note"]


def test_empty_general_budget_tables_explained_by_a_zero_general_budget():
    # 上海 units funded wholly by 政府性基金: "一般公共预算拨款支出预算为0" explains the empty
    # 一般公共预算支出表 and its 基本支出表; a sentence naming 一般公共预算 without saying there
    # is none explains nothing
    from dataclasses import replace

    from cnbudget.checks import check_disclosure
    from cnbudget.document import Source
    from cnbudget.model import TextBlock

    empty = (T("general_expenditure", "total", ("total", "0.00")), T("basic_expenditure", "total", ("total", "0.00")))

    def flagged(sentence: str) -> list[str]:
        said = TextBlock(sentence, ((0, Source(line=3)),), part="narrative")
        d = replace(D(*empty), text=(said,))
        return sorted(f.table for f in check_disclosure(d).findings if f.rule == "completeness.empty_table_note")

    assert flagged("2026年一般公共预算拨款支出预算为0，政府性基金预算拨款支出预算为120.00万元。") == []
    assert flagged("一般公共预算拨款收入120.00万元，比上年增加8.00万元。") == ["basic_expenditure", "general_expenditure"]


def test_another_funds_zero_in_the_next_clause_explains_no_empty_table():
    # 上海 (corpus c007 p6): all spending is project spending, the 基本支出表 empty; the narrative
    # names 一般公共预算 with its amount and the next clause 政府性基金's 0 — no word on the empty table
    from tests.checks.conftest import W

    text = ("一、收入支出预算总体情况说明\n\n财政拨款支出预算中，一般公共预算拨款支出预算11,885万元，比2025年预算增加256万元；"
            "政府性基金拨款支出预算0万元，与2025年预算持平。\n")
    d = W(text, year=2026, tables=(T("basic_expenditure", "total", ("total", "0.00")),))
    assert [f.severity for f in run(d, "completeness.empty_table_note")] == ["warning"]


def test_an_empty_table_the_documents_own_list_marks_empty_with_a_reason():
    from cnbudget.document import Source
    from cnbudget.model import Column, Row, Table

    listing = Table(kind="other", title="", unit=None, columns=(), rows=(), source=Source(page=1),
                    header=(("报表", "报表名称", "是否空表", "公开空表理由"),
                            ("表 9", "2022 年部门综合预算政府性基金收支表", "是", "不涉及")))
    empty = Table(kind="gov_fund", title="政府性基金收支表", unit="万元", number="表9",
                  columns=(Column("total", "合计"),),
                  rows=(Row(code=None, name="合计", values={}, source=Source(page=2), item="total"),),
                  source=Source(page=2))
    assert not [f for f in run(D(listing, empty), "completeness.empty_table_note") if f.severity != "info"]
    assert [f for f in run(D(empty), "completeness.empty_table_note") if f.severity == "warning"]


def test_an_amount_of_zero_and_an_explained_absence():
    from dataclasses import replace

    from cnbudget.checks import check_disclosure
    from cnbudget.document import Source
    from cnbudget.model import TextBlock

    # "预算0万元" without 为 explains an empty table too
    t = T("gov_fund", "total", ("total", "0.00"))
    zero = TextBlock("2026年政府性基金拨款支出预算0万元。", ((0, Source(line=3)),), part="narrative")
    assert not [f for f in check_disclosure(replace(D(t), text=(zero,))).findings
                if f.rule == "completeness.empty_table_note"]
    # a table not printed whose absence the narrative explains is said, as info
    none = TextBlock("本部门无当年国有资本经营预算拨款收支，并在财政拨款收支总体情况表中列示。", ((0, Source(line=4)),),
                     part="narrative")
    missing = [f for f in check_disclosure(replace(D(t), text=(none,))).findings
               if f.rule == "completeness.missing_table" and f.table == "state_capital"]
    assert [f.severity for f in missing] == ["info"]
    silent = [f for f in check_disclosure(D(t)).findings
              if f.rule == "completeness.missing_table" and f.table == "state_capital"]
    assert [f.severity for f in silent] != ["info"]


def _missing_sections(sections):
    return {f.message.split("《")[1].split("》")[0]
            for f in run(D(sections=sections), "completeness.missing_section") if f.severity == "warning"}


def test_sections_that_cover_a_required_one_together():
    base = ["一、部门主要职责", "二、部门预算单位构成", "五、一般公共预算支出情况说明", "六、“三公”经费支出情况说明",
            "七、机关运行经费情况说明", "八、政府采购情况说明", "九、国有资产占用情况说明", "十、预算绩效目标情况说明"]
    # separate income and expenditure sections are the overall one (烟台)
    got = _missing_sections([*base, "三、收入预算情况说明", "四、支出预算情况说明", "财政拨款收支情况说明"])
    assert "收支预算总体情况说明" not in got
    # 一般公共预算拨款支出 + 政府性基金预算支出 sections give the 财政拨款 spending (长沙)
    got = _missing_sections([*base, "三、部门收支总体情况", "四、一般公共预算拨款支出", "五、政府性基金预算支出"])
    assert "财政拨款收支情况说明" not in got
    # one of them alone does not
    got = _missing_sections([*base, "三、部门收支总体情况", "四、一般公共预算拨款支出"])
    assert "财政拨款收支情况说明" in got
    # 机构编制 stating there are no subordinate units is the 单位构成 (深圳)
    got = _missing_sections(["一、部门主要职责", "二、机构编制", "三、收支预算总体情况"])
    assert "部门预算单位构成" not in got


def test_tables_published_as_an_attachment_are_not_missing():
    from dataclasses import replace

    from cnbudget.checks import check_disclosure
    from cnbudget.document import Source
    from cnbudget.model import TextBlock

    note = TextBlock("附件：示例市交通委员会 2026 年度部门预算报表", ((0, Source(page=11)),), part="narrative")
    perf = T("performance_targets", "total", ("项目", "10.00"))
    d = replace(D(perf), text=(note,))
    got = [f for f in check_disclosure(d).findings if f.rule in ("completeness.missing_table", "verify.could_not_verify")]
    assert not [f for f in got if f.rule == "completeness.missing_table"]
    assert any("另行公开" in f.message for f in got)
    # without the attachment named, the tables are missing
    assert [f for f in check_disclosure(D(perf)).findings if f.rule == "completeness.missing_table"]
    # a file titled the 说明 of the disclosure is its narrative (西安 2019, corpus c155: "…2019年部门综合
    # 预算说明"); a title naming the disclosure whole is not
    for title, missing in (("示例市发展和改革委员会2019年部门综合预算说明", False), ("示例市发展和改革委员会2019年部门预算", True)):
        d = replace(D(perf), meta=replace(D(perf).meta, title=title))
        got = [f for f in check_disclosure(d).findings if f.rule == "completeness.missing_table"]
        assert bool(got) is missing, title
    # the 项目支出绩效目标表 published as a file of its own (广州, corpus c095)
    d = replace(D(perf), meta=replace(D(perf).meta, title="示例市生态环境局2026年项目支出绩效目标表（含转移支付项目）"))
    got = [f for f in check_disclosure(d).findings if f.rule in ("completeness.missing_table", "verify.could_not_verify")]
    assert not [f for f in got if f.rule == "completeness.missing_table"]
    assert any("只公开绩效目标表" in f.message for f in got)


def test_a_file_of_the_tables_alone_is_not_told_its_narrative_sections_are_missing():
    # 西安 附件2 公开报表: cover, 目录 and tables, the 情况说明 published as another file
    from dataclasses import replace

    from cnbudget.checks import check_disclosure
    from cnbudget.document import Source
    from cnbudget.model import Section, TextBlock

    d = D(T("general_expenditure", "total", ("total", "1.00")))
    annex = tuple(TextBlock(t, ((0, Source(line=i)),), part="annex") for i, t in enumerate(("附件2", "表1 收支总表")))
    d = replace(d, sections=(Section("附件2", Source(line=0)),), text=annex)
    got = [f for f in check_disclosure(d).findings if f.rule.startswith(("completeness.missing_section", "verify."))]
    assert not [f for f in got if f.rule == "completeness.missing_section"]
    assert any("只含公开报表" in f.message for f in got)
    narrative = replace(d, text=(*annex[:1], TextBlock("一、部门主要职责", ((0, Source(line=5)),), part="narrative")))
    assert [f for f in check_disclosure(narrative).findings if f.rule == "completeness.missing_section"]


@given(st.text(alphabet=st.sampled_from(list("一二三预算说明 \n\t。：:；;ab")), max_size=400))
def test_a_passage_opening_is_read_off_its_head(text):
    from cnbudget.checks.completeness import _opening

    whole = re.sub(r"\s+", "", text)
    m = re.search(r"[。：:；;]", whole)
    assert _opening(text) == (whole[: m.start()] if m else whole)[:40]


def _paged(*items):
    """A disclosure of text blocks and tables laid out on pages: ("text", page, top) or
    ("table", page, top)."""
    from dataclasses import replace

    from cnbudget.model import TextBlock

    blocks, tables = [], []
    for what, page, top in items:
        src = Source(page=page, box=(60.0, top, 520.0, top + 20.0))
        if what == "table":
            tables.append(replace(T("performance_targets", "total", ("合计", "10")), source=src))
        else:
            blocks.append(TextBlock(text=what, pieces=((0, src),), part="narrative", heading=what[0] in "(第"))
    return replace(D(*tables), text=tuple(blocks))


INTRO = "本部门2026年项目支出全面实施绩效目标管理，涉及预算项目10个。"


def test_a_heading_announcing_a_table_with_nothing_under_it():
    # 烟台 2026 (corpus c172 p30–31, c176, c184 …): (二) is followed at once by (三) and its table
    d = _paged((INTRO, 30, 100), ("(二)部门主管专项资金的绩效目标表", 30, 300),
               ("(三)部门预算项目绩效目标表", 31, 40), ("table", 31, 80))
    f = run(d, "completeness.empty_table_section")
    assert [(x.rule, x.severity) for x in f] == [("completeness.empty_table_section", "warning")]
    assert "部门主管专项资金的绩效目标表" in f[0].message
    # …or by the next part of the document
    d = _paged((INTRO, 40, 100), ("(二)部门主管专项资金的绩效目标表", 40, 300), ("第四部分 名词解释", 41, 40))
    assert run(d, "completeness.empty_table_section")


@pytest.mark.parametrize("items", [
    # the table under its heading
    [(INTRO, 30, 100), ("(二)部门主管专项资金的绩效目标表", 30, 300), ("table", 31, 40),
     ("(三)部门预算项目绩效目标表", 32, 40), ("table", 32, 80)],
    # a sentence saying there is none
    [(INTRO, 29, 100), ("(二)部门主管专项资金的绩效目标表", 29, 300), ("本部门无部门主管专项资金，不涉及绩效目标。", 29, 340),
     ("(三)部门预算项目绩效目标表", 30, 40), ("table", 30, 80)],
    # a list of the tables the document publishes (a 目录), not sections
    [("(一)部门收支预算总表", 3, 100), ("(二)部门收入预算总表", 3, 130), ("(三)部门支出预算总表", 3, 160),
     ("第二部分 情况说明", 4, 40)],
])
def test_a_table_heading_with_its_table_a_note_or_in_a_list_is_no_empty_section(items):
    assert not run(_paged(*items), "completeness.empty_table_section")
