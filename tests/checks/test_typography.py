"""wording.malformed_number, wording.doubled_unit, wording.rate_without_percent, wording.zero_change,
wording.punctuation, wording.brackets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.checks.typography import (
    _WORD_ENDING_WITH,
    BARE_WAN_RE,
    DOUBLED_WORD_RE,
    MALFORMED_NUMBER_RE,
    REPEAT_MIN_CHARS,
    repeated_run,
)
from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, W, run, texts

HEAD = "一、收入支出预算总体情况说明\n\n"


def one(sentence: str, rule: str, **kw):
    return run(W(HEAD + sentence + "\n", **kw), rule)


def test_malformed_number():
    f = one("2024年收入总计2,318.40.00万元。", "wording.malformed_number")
    assert texts(f) == [("wording.malformed_number", "warning")]
    assert "2,318.40.00" in f[0].message
    assert not one("2024年收入总计2,318.40万元，依据2024.1.1发布的办法。", "wording.malformed_number")


def test_doubled_unit():
    # 宁波 2022 (corpus c153 p22)
    f = one("机关运行经费预算总额为1703.46万元，较上年增加314.25万元万元。", "wording.doubled_unit")
    assert texts(f) == [("wording.doubled_unit", "warning")]
    assert not one("慰问经费1.20万元元旦前发放。", "wording.doubled_unit")


@pytest.mark.parametrize("sentence,bad", [
    ("收入总计320.50万元，比上年增长12.5，主要原因是人员增加。", True),
    ("支出下降幅度为3.2。", True),
    ("收入总计320.50万元，比上年增长12.5%。", False),
    ("支出比上年下降0.5个百分点。", False),
    ("收入增长1倍。", False),
    ("比上年增长3个项目。", False),
])
def test_rate_without_percent(sentence, bad):
    f = one(sentence, "wording.rate_without_percent")
    assert texts(f) == ([("wording.rate_without_percent", "warning")] if bad else [])


def test_zero_change_wording_is_info():
    # 濮阳 2024 (seed 001): "预算数比 2023 年增加 0.00 万元"
    f = one("公务接待费预算数比2023年增加0.00万元，增长0%。", "wording.zero_change")
    assert texts(f) == [("wording.zero_change", "info")] * 2
    # a rate of 0 % beside a real change is not a zero change (the rate is what is wrong)
    assert not one("支出1668.14万元，比年初预算数增加1668.14万元，增长0%。", "wording.zero_change")
    assert not one("公务接待费与上年持平。", "wording.zero_change")


@pytest.mark.parametrize("sentence,marks", [
    ("会议费预算18万元，人数800人，；培训费预算163.46万元。", "，；"),  # corpus c132 p10
    ("收入总计320.50万元。。", "。。"),
    ("部门预算包括：。", "：。"),
])
def test_doubled_punctuation(sentence, marks):
    f = one(sentence, "wording.punctuation")
    assert texts(f) == [("wording.punctuation", "info")]
    assert marks in f[0].message


def test_ellipsis_is_no_doubled_punctuation():
    assert not one("包括办公费、印刷费……等支出。", "wording.punctuation")


def test_unmatched_brackets():
    # 广州 2026 (corpus c093 p44): "…无增减变化）；"
    f = one("因公出国（境）费24万元，比上年增加0万元，主要原因是与上年持平，无增减变化）；公务接待费8.3万元。",
            "wording.brackets")
    assert texts(f) == [("wording.brackets", "info")]
    assert "右括号" in f[0].message
    f = one("公务用车购置费（含更新0万元。", "wording.brackets")
    assert "没有闭合" in f[0].message


def test_brackets_closed_on_the_next_line_or_ordinals_are_clean():
    # a paragraph broken over lines: the bracket closes in the next piece
    assert not run(W(HEAD + "七、机关运行经费：是指行政单位（含参照公务员法管\n理事业单位）使用的经费。\n"), "wording.brackets")
    assert not one("主要用于：1）办公费；2）印刷费。评价等级为“良”（见表 2）。", "wording.brackets")


def test_a_bracket_pair_printed_in_two_widths():
    # 深圳 (corpus c110 p3): "督查处（交易管理处)"
    f = one("内设综合管理处、督查处（交易管理处)、机关党委（人事处）。", "wording.brackets")
    assert texts(f) == [("wording.brackets", "info")]
    assert "全角半角混用" in f[0].message and "交易管理处" in f[0].message
    # one width throughout, either one, and a pair split over two lines in the same widths: clean
    assert not one("督查处(交易管理处)、机关党委(人事处)。", "wording.brackets")
    assert not one("督查处（交易管理处）、机关党委（人事处）。", "wording.brackets")
    assert not run(W(HEAD + "机关运行经费是指行政单位（含参照公务员法管\n理事业单位）使用的经费。\n"), "wording.brackets")
    f = run(W(HEAD + "机关运行经费是指行政单位（含参照公务员法管\n理事业单位)使用的经费。\n"), "wording.brackets")
    assert texts(f) == [("wording.brackets", "info")]


def test_a_year_compared_with_printed_without_nian():
    # 重庆 2026 (corpus c079 p4): "与 2025 持平" beside "与 2025 年持平"
    s = "公务接待费10万元，与2025持平；公务用车购置费0万元，与2025年持平。"
    f = run(W(HEAD + s + "\n"), "wording.year_without_nian")
    assert texts(f) == [("wording.year_without_nian", "info")] and "2025年" in f[0].message


def test_a_year_of_a_budget_printed_without_nian_before_du():
    # 北京 2026 (corpus c028 p2): "2026 度收入预算" for 2026年度
    f = run(W(HEAD + "2026 度收入预算 520,000.00 万元。\n"), "wording.year_without_nian")
    assert texts(f) == [("wording.year_without_nian", "info")] and "2026年度" in f[0].message


def test_the_year_of_the_budget_itself_printed_without_nian():
    # 北京 2026 (corpus c028 p1): the title line of the 说明
    f = run(W("北京市人民政府国有资产监督管理委员会2026部门预算情况的说明\n\n" + HEAD + "收入100万元。\n"),
            "wording.year_without_nian")
    assert texts(f) == [("wording.year_without_nian", "info")] and "2026年" in f[0].message


@pytest.mark.parametrize("sentence", [
    "公务接待费10万元，与2025年持平。",
    "北京市财政局2026年部门预算情况的说明。",
    "全年节约用电2000度电，节水500吨。",
    "2026年度收入预算520,000.00万元。",
    "较2025年度减少2.48万元。",
    "比2025-2027年规划增加3个项目。",
    "比2025万元增加10万元。",
])
def test_years_with_nian_and_other_figures_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.year_without_nian")


@pytest.mark.parametrize("sentence", ["主要原因是因因人员减少费用减少。", "负责地理信息安全和和市场秩序。",
                                      "结转到本年仍按按规定用途继续使用的资金。",
                                      # 西安 2021 (corpus c158 p11): the 费 of an expense's name twice
                                      "公务接待费费6.51万元，较上年减少1.49万元。"])
def test_a_function_word_printed_twice(sentence):
    f = run(W(HEAD + sentence + "\n"), "wording.doubled_word")
    assert [x.severity for x in f] == ["info"]


@pytest.mark.parametrize("sentence", ["变动原因因公出国经费减少。", "以及及时完成应急修缮任务。",
                                      "实实在在为群众办事，等等。", "年年增长，总和和平均数均列示。",
                                      # a word ending in 费 before 费率 / 费基 / 费用
                                      "按规定收费费率执行。", "单位缴费费基为工资总额。", "居民消费费用上涨。"])
def test_a_word_ending_where_the_next_begins_is_no_doubling(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.doubled_word")


@given(st.text(alphabet="因及和与于将由其已较对从按原起以关总参即理尤而比针服费收缴甲乙", max_size=14))
def test_doubled_words_are_found_where_the_look_behind_first_pattern_finds_them(text):
    # the rule's pattern opens each branch with its character (scanned fast); the plain
    # "not after one of these characters" pattern is what it stands for
    plain = re.compile("|".join(
        (f"(?<![{before}]){ch}{ch}" if before else f"{ch}{ch}") for ch, before in _WORD_ENDING_WITH.items()))
    assert [m.span() for m in DOUBLED_WORD_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _repeated_run_plain(text: str) -> tuple[int, int] | None:
    """repeated_run without its probe: every position tried."""
    n = REPEAT_MIN_CHARS
    for i in range(len(text) - 2 * n + 1):
        j = text.find(text[i:i + n], i + n)
        while j != -1 and j - i <= len(text) - j:
            run = text[i:j]
            if text.startswith(run, j) and any(ch.isdigit() for ch in run) \
                    and sum(1 for ch in run if "\u4e00" <= ch <= "\u9fff") >= 4:
                return i, j - i
            j = text.find(text[i:i + n], j + 1)
    return None


@given(st.text(alphabet="预算1元万增减5", max_size=30), st.integers(0, 30), st.text(alphabet="预算1元万增减5", min_size=8, max_size=30))
def test_a_repeated_run_is_found_as_by_trying_every_position(text, at, run):
    doubled = text[:at] + run + run + text[at:]
    assert repeated_run(doubled) == _repeated_run_plain(doubled)
    assert repeated_run(text) == _repeated_run_plain(text)


def test_a_clause_pasted_twice_in_a_row():
    # c074 p71: "…报废更新，其中：使用财政拨款预算购置车辆8辆，144万元、使用单位资金购置车辆1辆，18万元" twice
    clause = "其中：使用财政拨款预算购置车辆8辆，144万元、使用单位资金购置车辆1辆，18万元报废更新，"
    f = run(W(HEAD + "2026年计划购置车辆9辆、162万元，报废更新，" + clause + clause + "用于执法。\n"),
            "wording.repeated_text")
    assert [x.severity for x in f] == ["info"]
    fine = "2025年支出100.00万元，2026年支出100.00万元；一般公共预算100.00万元，政府性基金0.00万元。"
    assert not run(W(HEAD + fine + "\n"), "wording.repeated_text")


def test_a_full_stop_between_two_words_of_a_list():
    # corpus c010 p6: "新农具．新技术" among items set apart by 、
    f = run(W(HEAD + "主要用于农业新品种、新农具．新技术引进、试验、示范等方面的支出。\n"), "wording.punctuation")
    assert texts(f) == [("wording.punctuation", "info")]
    assert "新农具.新技术" in f[0].message
    assert not run(W(HEAD + "1.部门收入合计12.50万元。2.支出合计12.50万元。\n"), "wording.punctuation")


def test_a_sentence_closed_by_a_half_width_stop():
    # 烟台 2026 (corpus c188 p44): a 绩效目标 cell "…免费提供科技文献下载2万篇以上."; and a paragraph
    f = run(_projects("免费提供科技文献下载2万篇以上.", "完成养护任务。"), "wording.punctuation")
    assert [(x.severity, x.row) for x in f] == [("info", "项目0")] and "以上." in f[0].message
    f = run(W(HEAD + "严肃整治文化市场和新闻出版行业秩序.\n"), "wording.punctuation")
    assert texts(f) == [("wording.punctuation", "info")] and "应为“。”" in f[0].message
    # a heading's number alone, an amount's decimal, a unit's middle dot inside a text: not a closing stop
    for fine in ("支出12.50万元。", "完成率100%。"):
        assert not run(W(HEAD + fine + "\n"), "wording.punctuation"), fine
    from cnbudget.checks.typography import _stop_at_end

    assert _stop_at_end("三.") is None and _stop_at_end("提升满意度.") is not None


def test_an_amount_with_wan_alone_among_amounts_in_wan_yuan():
    # corpus c204 p10
    text = ("1.住房公积金（项）2018.58万元，主要用于人员住房公积金缴纳。\n"
            "2.其他农业农村支出（项）15.00万，主要用于职业技能竞赛。\n")
    f = run(W(HEAD + text), "wording.money_unit")
    assert texts(f) == [("wording.money_unit", "info")]
    assert "15.00万" in f[0].message
    # counts and a text that writes 万 throughout are no finding
    assert not run(W(HEAD + "2.其他农业农村支出15.00万，服务5万人。\n"), "wording.money_unit")
    assert not run(W(HEAD + text.replace("15.00万，", "15.00万元，").replace("培训", "") + "惠及5.00万人。\n"),
                   "wording.money_unit")


def _projects(*cells: str):
    rows = tuple(Row(code=None, name=f"项目{i}", values={}, source=Source(page=26), texts={"绩效目标": c})
                 for i, c in enumerate(cells))
    return D(Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "总计"),),
                   rows=rows, source=Source(page=26)))


def test_a_function_word_printed_twice_in_a_table_cell():
    # corpus c093 p26: a 绩效目标 cell "…实现基础设施集约化和和政府协同性发展。" — one finding per cell
    f = run(_projects("促进业务数据共享，实现基础设施集约化和和政府协同性发展，因因地制宜。",
                      "推动政务服务能力持续提升。"), "wording.doubled_word")
    assert [(x.severity, x.table, x.row, x.column) for x in f] == [("info", "projects", "项目0", "绩效目标")]
    assert "和和" in f[0].message


@pytest.mark.parametrize("cell", ["建设和和美美的幸福家园。", "以及及时完成应急修缮任务。", "了解了解群众需求，常常走访。",
                                  "总和和平均数均列示。"])
def test_reduplication_and_word_joins_in_a_cell_are_no_doubling(cell):
    assert not run(_projects(cell), "wording.doubled_word")


def test_a_quotation_mark_printed_the_wrong_way_round():
    # 杭州 2026 (corpus c115 p39): "为“十五五“期间建设…" in a 绩效目标 cell; 广州 2026 (c107 p60): a
    # closing mark after a pair already closed
    f = run(_projects("结合我市定位，为“十五五“期间建设国际性综合交通枢纽城市奠定坚实基础。",
                      "打造“文商旅教+环境健康”商业综合体和某某公司”“全过程管理企业”创新案例。",
                      "为“十五五”期间建设奠定基础，打造“一网统管”。"), "wording.quotes")
    assert [(x.severity, x.row, x.column) for x in f] == [("info", "项目0", "绩效目标"), ("info", "项目1", "绩效目标")]
    assert "十五五“期间" in f[0].message
    assert texts(one("推进“1+N“体系建设，落实“放管服”改革。", "wording.quotes")) == [("wording.quotes", "info")]
    assert not one("推进“1+N”体系建设，落实“放管服”改革。", "wording.quotes")


def test_a_quotation_opened_and_never_closed():
    # 广州 2026 (corpus c100 p50): a 绩效目标 cell's last sentence opens a quotation and ends
    f = run(_projects("提升教育改造质量，实现监狱教育改造与社会安置帮教的“无缝衔接。",
                      "完成“天网工程(四期)”项目建设及验收。"), "wording.quotes")
    assert [(x.severity, x.row) for x in f] == [("info", "项目0")]
    assert "未闭合" in f[0].message and "“无缝衔接。" in f[0].message
    assert texts(one("落实“放管服”改革。完成“天网工程(四期)项目建设及验收，做好系统运行维护工作。", "wording.quotes")) == [
        ("wording.quotes", "info")]
    # a quotation of several sentences closes after its last; a wrong-way pair is one slip, not two
    assert not one("有关“推动高排放车辆深度治理。按照政府引导、企业负责的原则推进。”的要求。", "wording.quotes")
    f = one("落实“放管服”改革。为“十五五“期间建设国际性综合交通枢纽城市奠定坚实基础。", "wording.quotes")
    assert len(f) == 1 and "方向印错" in f[0].message


def test_quotes_read_with_one_glyph_for_both_marks_are_not_judged():
    # a text whose reader gave both marks the same glyph says nothing of their direction
    assert not run(_projects("落实“放管服“改革，推进“一网通办“。"), "wording.quotes")


def test_a_clause_printed_twice_in_one_sentence():
    # 深圳 2026 (corpus c075 p13): a 绩效目标 cell prints its last clause twice, not back to back
    f = run(_projects("促进科研仪器开放。打造科技成果专业化验证、中试平台，以评估促进建设发展，打造科技成果专业化验证、中试平台。"),
            "wording.repeated_clause")
    assert [(x.severity, x.row, x.column) for x in f] == [("info", "项目0", "绩效目标")]
    assert "打造科技成果专业化验证、中试平台" in f[0].message
    s = "本年度完成全市重点污染源在线监控，以评估促进建设发展，本年度完成全市重点污染源在线监控。"
    assert texts(one(s, "wording.repeated_clause")) == [("wording.repeated_clause", "info")]
    # within one labelled field the clause is still printed twice
    s = "年度指标值：本年度完成全市重点污染源在线监控，以评估促进建设发展，本年度完成全市重点污染源在线监控。"
    assert texts(one(s, "wording.repeated_clause")) == [("wording.repeated_clause", "info")]


@pytest.mark.parametrize("sentence", [
    # the same reason for two items, in two statements joined by ";"
    "收入增加100万元，主要原因是落实零基预算和过紧日子要求；支出增加100万元，主要原因是落实零基预算和过紧日子要求。",
    # a short clause repeated in parallel
    "会议费0.24万元，较上年无变化，培训费0.71万元，较上年无变化。",
    "开展版权保护宣传活动，促进版权产业发展，对版权登记进行资助，促进版权产业发展。",
    # 广州 项目支出绩效目标表 (c095): the period's and the year's target values are the same
    "1、1-产出指标，11-数量指标，编制规划；实施周期指标值：按合同要求通过专家验收，年度指标值：按合同要求通过专家验收；",
    "实施周期指标值：市重点排污单位每半年一次，其他排污单位每年一次，年度指标值：市重点排污单位每半年一次，其他排污单位每年一次；",
])
def test_parallel_statements_are_no_repeated_clause(sentence):
    assert not one(sentence, "wording.repeated_clause")
    assert not run(_projects(sentence), "wording.repeated_clause")


def _titled(title: str, header_title: str = ""):
    rows = (Row(code=None, name="年度目标", values={}, source=Source(page=27), texts={"c1": "开展科普活动20场。"}),)
    header = ((header_title, "", ""), ("项目名称", "科学普及活动项目", "")) if header_title else ()
    return D(Table(kind="performance_targets", title=title, unit="万元", columns=(Column("total", "金额"),),
                   rows=rows, source=Source(page=27), header=header))


def test_a_word_printed_twice_in_a_tables_title():
    # 福州 2026 (corpus c142 p27): the project's name ends in 项目 and the template adds 项目绩效目标表
    f = run(_titled("1.项目支出绩效目标表", "科学普及活动项目项目绩效目标表"), "wording.doubled_word")
    assert [(x.severity, x.table) for x in f] == [("info", "performance_targets")]
    assert "项目项目" in f[0].message
    assert texts(run(_titled("示例局支出预算预算表"), "wording.doubled_word")) == [("wording.doubled_word", "info")]


@pytest.mark.parametrize("title", ["科学普及活动项目绩效目标表", "部门收支预算总表", "2026年“三公”经费预算表（续）",
                                   "项目支出绩效目标表"])
def test_titles_without_a_doubled_word(title):
    assert not run(_titled(title, title), "wording.doubled_word")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,万元亿% ;。a")), max_size=40))
def test_figure_patterns_opening_with_the_digit_find_what_a_look_behind_first_finds(text):
    # the same patterns written look-behind first (slow: tried at every position)
    malformed = re.compile(r"(?<![\d.])\d[\d,]*\.\d+\.\d+(?:\.\d+)*\s*(?=亿元|万元|元|%)")
    bare_wan = re.compile(r"(?<![\d.])\d[\d,]*\.\d{2}\s*万(?=[,;。])")
    for fast, slow in ((MALFORMED_NUMBER_RE, malformed), (BARE_WAN_RE, bare_wan)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_an_amount_in_yuan_between_amounts_in_wan():
    # 深圳 2026 (corpus c074 p11): a project's figure printed in 元 among its items' 万元
    s = ("（五）项目支出 54,693.88 万元。\n"
         "2.污染防治项目 18,686.86 元，主要包括：水生态环境管理工作 3,953.30 万元，主要用于水生态调查。\n")
    f = run(W(HEAD + s), "wording.yuan_among_wan")
    assert texts(f) == [("wording.yuan_among_wan", "warning")] and "18,686.86 万元" in f[0].message
    # 北京 2026 (corpus c027 p5): a nil item of a list in 元, the others in 万元 — the unit only
    lst = "6.上级补助收入 0 万元。\n7.附属单位上缴收入 0 元。\n8.事业单位经营收入 0 万元。\n"
    assert texts(run(W(HEAD + lst), "wording.yuan_among_wan")) == [("wording.yuan_among_wan", "info")]


@pytest.mark.parametrize("text", [
    # a price of one thing, a threshold, a text in 元 throughout, 元 with no 万元 on both sides
    "会议费 12.00 万元，按每人每天 300 元标准安排，培训费 8.00 万元。\n",
    "公务接待费 2.00 万元，人均 150 元，差旅费 5.00 万元。\n",
    "购置设备 20.00 万元，单价 5000 元以上的 3 台，合计 6.00 万元。\n",
    "收入 1,200,000.00 元，支出 1,150,000.00 元，结余 50,000.00 元。\n",
    "收入 120.00 万元。\n事业收入 3,000 元。\n",
])
def test_yuan_that_is_no_slip_is_left_alone(text):
    assert not run(W(HEAD + text), "wording.yuan_among_wan")


def test_a_sentence_that_repeats_the_end_of_the_one_before():
    # 无锡 2026 (corpus c121 p3): the end of a duty printed again as a sentence of its own
    s = "制定国有土地上房屋征收、房屋安全鉴定、白蚁防治等规章制度并监督执行。房屋征收、房屋安全鉴定、白蚁防治等规章制度并监督执行。"
    f = run(W(HEAD + s + "\n"), "wording.repeated_text")
    assert texts(f) == [("wording.repeated_text", "info")] and "前一句的结尾" in f[0].message
    # a short tail repeated, or two sentences ending alike, are statements of their own
    assert not run(W(HEAD + "公务接待费与上年持平。与上年持平。\n"), "wording.repeated_text")
    assert not run(W(HEAD + "一是加强预算管理，确保资金安全。二是加强资产管理，确保资金安全。\n"), "wording.repeated_text")


def test_a_paragraph_pasted_twice_in_a_table_cell():
    # 重庆 2026 (corpus c085 p29): a 项目概况 cell whose third part is printed again after itself
    part = "三是主要用于开展永久基本农田保护管理、落实占补平衡改革要求，完成耕地保护责任目标考核；开展全域土地综合整治等国土空间生态修复工作。"
    f = run(_projects("一是开展测绘行业质量检查。二是统筹开展地质灾害防治基础建设工作。" + part + part,
                      "一是开展测绘行业质量检查。二是统筹开展地质灾害防治基础建设工作。" + part), "wording.repeated_text")
    assert [(x.severity, x.table, x.row, x.column) for x in f] == [("info", "projects", "项目0", "绩效目标")]
    assert "三是主要用于开展永久基本农田保护管理" in f[0].message


def test_an_item_of_a_semicolon_list_pasted_twice():
    # 广州 2026 (corpus c107 p107): a 绩效目标 cell listing the work by ";" prints one item twice
    item = "开展花都区颗粒物污染排查,抽检非道路移动机械、用车大户柴油车使用油品,促进花都区环境空气质量持续改善;"
    f = run(_projects("落实VOCs减排工作;" + item + item + "通过开展道路抽检、停放地抽检等措施。",
                      "落实VOCs减排工作;" + item + "通过开展道路抽检、停放地抽检等措施。"), "wording.repeated_text")
    assert [(x.severity, x.row, x.column) for x in f] == [("info", "项目0", "绩效目标")]
    assert "开展花都区颗粒物污染排查" in f[0].message
    # in the text too; two items of a list that end alike are items of their own
    assert run(W(HEAD + "主要用于：" + item + item.replace(";", "。") + "\n"), "wording.repeated_text")
    assert not run(W(HEAD + "一是加强预算管理，确保资金安全;二是加强资产管理，确保资金安全。\n"), "wording.repeated_text")


def test_a_year_whose_balance_is_carried_over_printed_without_nian():
    # 西安 2022 (corpus c153 p20)
    f = run(W(HEAD + "本部门无 2021 结转的政府性基金预算拨款支出。\n"), "wording.year_without_nian")
    assert texts(f) == [("wording.year_without_nian", "info")] and "2021年" in f[0].message
    assert not run(W(HEAD + "本部门无2021年结转的政府性基金预算拨款支出。\n"), "wording.year_without_nian")


def test_an_amount_in_wan_a_thousand_times_any_other():
    # 广州 2026 (corpus c091 p26): 302,475,975.31 is in 元, beside a budget of 27,900.73 万元
    text = ("2026年收入预算27,900.73万元，支出预算27,900.73万元。\n\n"
            "截至2026年1月31日，本部门固定资产金额302,475,975.31万元。\n")
    f = run(W(HEAD + text), "wording.wan_for_yuan")
    assert texts(f) == [("wording.wan_for_yuan", "warning")] and "30247.60万元" in f[0].message
    # a large amount beside others of its size, or in 元, is no slip
    assert not run(W(HEAD + text.replace("302,475,975.31万元", "30,247.60万元")), "wording.wan_for_yuan")
    assert not run(W(HEAD + text.replace("302,475,975.31万元", "302,475,975.31元")), "wording.wan_for_yuan")


def test_a_reasons_year_printed_without_nian_before_its_verb():
    # 西安 2022 (corpus c156 p32): "主要原因是 2022 增加了办公经费和委托业务费支出"
    f = run(W(HEAD + "较上年增加61.68万元，主要原因是 2022 增加了办公经费和委托业务费支出。\n"), "wording.year_without_nian")
    assert texts(f) == [("wording.year_without_nian", "info")] and "2022年" in f[0].message
    for fine in ("主要原因是2022年增加了办公经费。", "主要是2022万元用于增加设备。"):
        assert not run(W(HEAD + fine + "\n"), "wording.year_without_nian")


def test_doubled_punctuation_in_a_table_cell():
    # 广州 2026 (corpus c086 p84): a 绩效目标 cell "…日常维护费用不高于1550万元。;2.每日公路巡查频率不少于1次"
    f = run(_projects("1.日常维护费用不高于1550万元。;2.每日公路巡查频率不少于1次。", "1.完成养护任务；2.巡查不少于1次。"),
            "wording.punctuation")
    assert [(x.severity, x.row) for x in f] == [("info", "项目0")] and "。；" in f[0].message


def test_a_bracket_left_open_in_a_text_cell_that_ends_its_sentence():
    # 深圳 2026 (corpus c066 p14): "新一代信息技术（网络与通信、高端装备（工业母机…）集群" in a project's 用途
    f = run(_projects("主要用于软件与信息服务集群、新一代信息技术（网络与通信、高端装备（工业母机、智能机器人）集群等。",
                      "主要用于高端装备（工业母机、智能机器人）集群等。",
                      "级）",  # a piece of a cell cut at a page break: its opening is on the page before
                      "支撑洪（潮）灾害风险管理（含预警"), "wording.brackets")
    assert [(x.severity, x.row) for x in f] == [("info", "项目0")]
    assert "没有闭合" in f[0].message


def test_a_japanese_character_form_in_chinese_text():
    # 广州 2026 (corpus c098 p58): "从严从紧圧减一般性支出" — 圧 is Japanese for 压
    f = one("坚持过紧日子，从严从紧圧减一般性支出。", "wording.japanese_form")
    assert texts(f) == [("wording.japanese_form", "info")] and "“压”" in f[0].message
    cell = run(_projects("落实対口支援任务。"), "wording.japanese_form")
    assert [(x.severity, x.row) for x in cell] == [("info", "项目0")] and "“对”" in cell[0].message
    assert not one("坚持过紧日子，从严从紧压减一般性支出，对口支援。", "wording.japanese_form")


def test_a_decree_cited_without_di():
    # 广州 2026 (corpus c098 p78)
    f = one("依据《广州市建筑玻璃幕墙管理办法》（广州市人民政府令 148号）开展检查。", "wording.decree_number")
    assert texts(f) == [("wording.decree_number", "info")] and "令第148号" in f[0].message
    assert not one("依据《建设工程质量管理条例》（国务院令第279号）开展检查，命令3号文件。", "wording.decree_number")
    # 广州 2026 (corpus c097 p78): in a project's 绩效目标 cell, its digits come apart in the PDF's text
    f = run(_projects("四是根据《广州市建筑玻璃幕墙管理办法》（广州市人民政府令 1 48号），进行安全维护。", "完成养护任务。"),
            "wording.decree_number")
    assert [(x.severity, x.row) for x in f] == [("info", "项目0")] and "令第148号" in f[0].message


def _amounts_text(odd: str) -> str:
    lines = [f"（{k}）某某支出{k}{k}.{k}0万元，较上年增加{k}.{k}{k}万元。" for k in range(1, 7)]
    return HEAD + "\n".join(lines) + f"\n（7）购房补贴99.45万元，较上年增加{odd}万元。\n"


def test_an_amount_printed_to_more_places_than_every_other():
    # 西安 2021 (corpus c158 p7): "购房补贴99.45万元，较上年增加16.627万元" (16.62 a page later)
    f = run(W(_amounts_text("16.627")), "wording.amount_precision")
    assert texts(f) == [("wording.amount_precision", "info")] and "16.627" in f[0].message


def test_amounts_to_two_places_or_a_document_printing_more_are_clean():
    assert not run(W(_amounts_text("16.62")), "wording.amount_precision")
    # every amount to four places: the document's way, not a slip
    lines = [f"（{k}）某某支出{k}{k}.{k}{k}{k}{k}万元。" for k in range(1, 13)]
    assert not run(W(HEAD + "\n".join(lines) + "\n"), "wording.amount_precision")


@pytest.mark.parametrize("sentence", [
    # 北京 2026 (corpus c028 p2), 西安 2022 (c163 p20)
    "2026 年收入预算 95,836.20 万元比 2025 年初预算数 56,831.85 增加较多。",
    "“三公”经费预算支出 203.31 万元，较上年增加 185.24（1026.00%）。",
])
def test_an_amount_without_any_unit_among_amounts_in_wan(sentence):
    f = run(W(HEAD + sentence + "\n"), "wording.money_unit")
    assert texts(f) == [("wording.money_unit", "info")] and "未印单位" in f[0].message


@pytest.mark.parametrize("sentence", [
    "支出预算 95,836.20 万元，增长 5.78，主要是人员增加。",    # a rate without % (another rule's)
    "支出预算 95,836.20 万元，其中 1.10 项目完成。",          # a count before 项
    "收入 95,836.20 万元，详见 3.1 节。",                      # one decimal: no amount to the 分
    "收入 95,836.20 万元，人均 12.50 元。",                    # its unit printed
    "全年接待 1,200.00 人次，办结 98.50% 。",                 # no amount in 万元 in the sentence
])
def test_figures_with_their_units_or_of_another_kind_are_clean(sentence):
    assert not [f for f in run(W(HEAD + sentence + "\n"), "wording.money_unit") if "未印单位" in f.message]


def test_a_dash_printed_for_one():
    # 深圳 2026 (corpus c053 p50): "…居民服务“一件事”、退休“—件事”、社保医保参保一件事…"
    f = one("实现打造社会保障卡居民服务“一件事”、退休“—件事”、社保医保参保一件事。", "wording.dash_for_one")
    assert texts(f) == [("wording.dash_for_one", "info")] and "一件事" in f[0].message
    # a dash that joins a chain, or before a word that 一 does not open
    for fine in ("贯通“目标—指标—任务—项目”的发展路径。", "推进“一网通办”改革。", "2025—2026年度—项目"):
        assert not one(fine, "wording.dash_for_one"), fine


def test_a_list_of_units_joined_by_both_comma_and_enumeration_comma():
    f = run(W(HEAD + "档案馆下设保管部，利用部，编研部、信息部，共4个部门。\n"), "wording.punctuation")
    assert texts(f) == [("wording.punctuation", "info")] and "利用部，编研部、信息部" in f[0].message
    # one separator throughout, or a comma closing the list and opening a clause: no finding
    for fine in ("档案馆下设保管部、利用部、编研部、信息部，共4个部门。",
                 "内设综合处、经济一处、经济二处，归口管理公报编辑室。",
                 "设立苏北办事处、皖南办事处，作为管理办公室的派出机构。"):
        assert not run(W(HEAD + fine + "\n"), "wording.punctuation"), fine

def test_a_closing_bracket_printed_twice_in_a_form_header_or_a_text_cell():
    # 烟台 2026 (corpus c173 p58): a project form's 项目名称 "…项目资金（监督检查及运维管理））"
    def form(name: str) -> Table:
        return Table(kind="performance_targets", title="项目绩效目标表", unit="万元", columns=(Column("total", "金额"),),
                     rows=(), source=Source(page=58), header=(("项目名称", "", name), ("主管部门", "", "测试局")))

    f = run(D(form("道路养护专项资金（巡查及维修））")), "wording.brackets")
    assert [(x.severity, x.table) for x in f] == [("info", "performance_targets")] and "））" in f[0].message
    cell = run(_projects("完成养护任务（含巡查））。", "完成养护任务。"), "wording.brackets")
    assert [(x.severity, x.row) for x in cell] == [("info", "项目0")]
    # a pair closed inside another, a cell cut at a page break (its opening on the page before),
    # a header split over two cells: clean
    assert not run(D(form("道路养护专项资金（巡查（含夜间））")), "wording.brackets")
    assert not run(_projects("级））", "养护（巡查）及维修（含）"), "wording.brackets")
    assert not run(D(form("）预算数")), "wording.brackets")


def test_an_item_of_a_list_in_wan_printing_its_amounts_without_a_unit():
    # the items beside it print 万元: the item's figures are amounts of the same list
    items = ("（7）培训支出（2050803）支出 30.50 万元，比上年减少 2.00 万元。\n"
             "（8）上年在事业单位离退休列支 12.34，本年未列支。\n"
             "（9）行政运行（2010101）支出 120.00 万元，与上年持平。\n")
    f = run(W(HEAD + items), "wording.money_unit")
    assert texts(f) == [("wording.money_unit", "info")] and "12.34" in f[0].message
    # the last item of the list: its one neighbour decides
    assert len(run(W(HEAD + items.split("（9）")[0]), "wording.money_unit")) == 1


@pytest.mark.parametrize("items", [
    # its neighbours count people, not money
    "（1）在职人员 30 人。\n（2）人均 12.34，较上年略增。\n（3）离退休人员 8 人。\n",
    # an item in 元: its unitless figure may be in 元 too
    "（1）办公费 3.00 万元。\n（2）印刷费 1,200.00 元，另 12.34 待定。\n（3）邮电费 2.00 万元。\n",
    # no list: a passage with no item number
    "（1）办公费 3.00 万元。\n上年在事业单位离退休列支 12.34，本年未列支。\n",
    # numbered another way than its neighbours
    "（1）办公费 3.00 万元。\n2.上年列支 12.34，本年未列支。\n（3）邮电费 2.00 万元。\n",
])
def test_a_list_item_beside_items_not_in_wan_is_clean(items):
    assert not [f for f in run(W(HEAD + items), "wording.money_unit") if "未印单位" in f.message]
