"""Which table cell a narrative subject names (``narrative.refs``), with a made-up function index."""

from __future__ import annotations

from cnbudget.model import Ref
from cnbudget.narrative.functions import FunctionIndex
from cnbudget.narrative.refs import resolve
from cnbudget.narrative.topics import names_class

FUNCTIONS = FunctionIndex({
    "20113": "商贸事务", "2011302": "一般行政管理事务",
    "22102": "住房改革支出", "2210201": "住房公积金",
    "21302": "林业和草原",
})


def test_an_item_named_with_its_kuan_only_is_a_row_of_its_kuan():
    ref = resolve("住房改革支出(款)住房公积金(项)支出", "general_expenditure", "budget", "current", FUNCTIONS)
    assert ref == Ref("general_expenditure", "2210201", "total")
    # the same 项 name under another 款 the document prints no such row for: no cell
    assert resolve("林业和草原(款)一般行政管理事务(项)支出", "general_expenditure", "budget", "current", FUNCTIONS) is None


def test_an_item_named_with_its_code_in_brackets():
    ref = resolve("一般行政管理事务(2011302)", "general_expenditure", "budget", "current", FUNCTIONS)
    assert ref == Ref("general_expenditure", "2011302", "total")
    # a code the document prints under another name is not taken on trust
    assert resolve("行政运行(2011302)", "general_expenditure", "budget", "current", FUNCTIONS) is None


def test_an_item_under_fiscal_spending_is_a_row_of_the_general_budget_table():
    ref = resolve("住房改革支出(款)住房公积金(项)支出", "fiscal_summary", "budget", "current", FUNCTIONS)
    assert ref == Ref("general_expenditure", "2210201", "total")


def test_a_class_sub_heading_names_a_class_not_a_topic():
    assert names_class("(一)教育支出(类)") and names_class("（二）社会保障和就业支出")
    assert not names_class("(一)基本支出") and not names_class("(三)一般公共预算支出")


def test_an_item_with_its_code_first():
    ref = resolve("2011302-一般行政管理事务", "general_expenditure", "budget", "current", FUNCTIONS)
    assert ref == Ref("general_expenditure", "2011302", "total")


def test_income_items_of_the_summary_section_are_its_rows():
    def summary(subject: str) -> Ref | None:
        return resolve(subject, "summary", "budget", "current", FUNCTIONS)

    assert summary("收入、支出预算总计") == Ref("summary", "grand_total", "total")
    assert summary("收入预算总计") == Ref("summary", "grand_total", "total", side="income")
    assert summary("一般公共预算拨款收入") == Ref("summary", "general_budget", "total", side="income")
    assert summary("事业单位经营收入") == Ref("summary", "operating", "total", side="income")
    assert summary("年终结转结余") == Ref("summary", "carryover_out", "total")
    assert summary("支出") is None  # 本年 or 总计: not told
    assert summary("相应安排支出") is None


def test_the_general_budget_total_in_other_words():
    assert resolve("一般公共预算当年拨款", "general_expenditure", "budget", "current", FUNCTIONS) is None
    for words in ("当年一般公共预算支出", "一般公共预算拨款支出"):
        assert resolve(words, "general_expenditure", "budget", "current", FUNCTIONS) == Ref("general_expenditure", "total", "total")
    assert resolve("一般公共预算拨款收入", "general_expenditure", "budget", "current", FUNCTIONS) is None


def test_an_item_is_tied_only_to_a_table_that_prints_it():
    printed = FunctionIndex({"2120801": "征地和拆迁补偿支出", "21208": "国有土地使用权出让收入安排的支出"},
                            {"2120801": frozenset({"gov_fund"})})
    subject = "国有土地使用权出让收入安排的支出(款)征地和拆迁补偿支出(项)支出"
    assert resolve(subject, "fiscal_summary", "budget", "current", printed) == Ref("gov_fund", "2120801", "total")
    assert resolve(subject, "expenditure", "budget", "current", printed) is None


def test_more_words_for_the_totals_of_a_section():
    def ref(subject: str, topic: str) -> Ref | None:
        return resolve(subject, topic, "budget", "current", FUNCTIONS)

    assert ref("财政拨款预算支出", "fiscal_summary") == Ref("fiscal_summary", "current_total", "total", side="expenditure")
    assert ref("政府性基金支出预算支出", "gov_fund") == Ref("gov_fund", "total", "total")
    assert ref("政府采购支出预算总额", "procurement") == Ref("procurement", "total", "total")
    assert ref("本年事业收入", "income") == Ref("income", "total", "business")
    assert ref("收入预算合计", "income") == Ref("income", "total", "total")
    assert ref("公务接待费预算支出", "three_public") == Ref("three_public", "total", "reception")
    assert ref("一般公共预算拨款安排的会议费预算支出", "three_public") == Ref("three_public", "total", "meeting")
    assert ref("政府采购货物", "procurement") is None


def test_a_name_holding_a_bracket_of_its_own_is_read_as_its_kuan():
    functions = FunctionIndex({"20103": "政府办公厅(室)及相关机构事务", "2010301": "行政运行", "20101": "人大事务",
                               "2010101": "行政运行"})
    ref = resolve("政府办公厅(室)及相关机构事务(款)行政运行(项)支出", "fiscal_summary", "budget", "current", functions)
    assert ref == Ref("general_expenditure", "2010301", "total")
    # a 款 name that is only the tail of the printed one is none of its 项
    assert resolve("及相关机构事务(款)行政运行(项)支出", "fiscal_summary", "budget", "current", functions) is None


def test_the_carry_over_stated_after_the_spending_is_the_summarys_next_year_line():
    assert resolve("年终结转结余", "expenditure", "budget", "current", FUNCTIONS) == Ref("summary", "carryover_out", "total")
    assert resolve("结转下年", "expenditure", "budget", "current", FUNCTIONS) == Ref("summary", "carryover_out", "total")
    assert resolve("上年结转", "expenditure", "budget", "current", FUNCTIONS) is None
