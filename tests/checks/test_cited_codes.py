"""code.narrative_name and code.narrative_other_code: a class code in the text that the catalog
knows, printed with another code's name or where the tables put the item under another code."""

from __future__ import annotations

import pytest

from tests.checks.conftest import T, W, run, texts

HEAD = "一、一般公共预算支出情况说明\n\n"


def test_a_code_printed_with_its_kuan_name_is_found():
    # 西安 2021 (corpus c158 p7): 2101101 is 行政单位医疗, 行政事业单位医疗 is its 款 21011
    f = run(W(HEAD + "（9）行政事业单位医疗（2101101）38.74万元，较上年增加1.02万元。\n", year=2021),
            "code.narrative_name")
    assert texts(f) == [("code.narrative_name", "warning")]
    assert "“行政单位医疗”" in f[0].message and "21011" in f[0].message


@pytest.mark.parametrize("text", [
    "（9）行政单位医疗（2101101）38.74万元。",          # the code's own name
    "其中行政单位医疗（2101101）38.74万元。",           # a lead-in before it
    "（1）行政运行（2010101）100.00万元。",             # a generic name, the code's own
    "（2）宣传工作专项（2013399）10.00万元。",          # a name the catalog does not know: not judged
])
def test_a_code_with_its_own_or_an_unknown_name_is_not_found(text):
    assert not run(W(HEAD + text + "\n", year=2021), "code.narrative_name")


def _tables(code: str = "2013301"):
    return (T("expenditure", "total basic project",
              ("total", "1765.18", "1765.18", None),
              (code, "1765.18", "1765.18", None),
              names={code: "行政运行"}),)


def test_a_code_the_tables_print_under_another_is_found():
    # 西安 2021 (corpus c158 p7): 行政运行 cited as 2013201 (组织事务), printed as 2013301 (宣传事务)
    doc = W(HEAD + "①行政运行（2013201）1765.18万元，较上年增加10万元。\n", year=2021, tables=_tables())
    f = run(doc, "code.narrative_other_code")
    assert texts(f) == [("code.narrative_other_code", "error")] and "2013301" in f[0].message


@pytest.mark.parametrize("text", [
    "①行政运行（2013201）124.00万元。",   # not an amount of that row
    "4.行政运行（2050101）0.00万元，较上年减少3.54万元。",  # an item of nothing this year: not printed
    "①行政运行（2013201）主要用于机关运行。",  # no amount stated
])
def test_without_the_rows_amount_nothing_is_found(text):
    assert not run(W(HEAD + text + "\n", year=2021, tables=_tables()), "code.narrative_other_code")


@pytest.mark.parametrize("code", ["2013301", "2013201"])
def test_a_code_the_tables_print_is_not_found(code):
    doc = W(HEAD + f"①行政运行（{code}）1765.18万元。\n", year=2021, tables=_tables(code))
    assert not run(doc, "code.narrative_other_code")


def test_a_name_the_tables_print_under_two_codes_is_not_judged():
    tables = (T("expenditure", "total basic project",
                ("total", "20", "20", None), ("2013301", "10", "10", None), ("2010101", "10", "10", None),
                names={"2013301": "行政运行", "2010101": "行政运行"}),)
    assert not run(W(HEAD + "①行政运行（2013201）10.00万元。\n", year=2021, tables=tables),
                   "code.narrative_other_code")


def test_without_function_tables_nothing_is_judged():
    assert not run(W(HEAD + "①行政运行（2013201）1765.18万元。\n", year=2021), "code.narrative_other_code")


GOV_LIST = ("2026年一般公共预算支出1,000.00万元，其中：机关工资福利支出(501)400.00万元；"
            "机关商品和服务支出(502)300.00万元；对个人和家庭的补助(509)200.00万元；{last}100.00万元。\n")


def test_a_departmental_code_in_a_list_of_government_classes_is_found():
    f = run(W(HEAD + GOV_LIST.format(last="其他支出(399)")), "code.narrative_scheme")
    assert texts(f) == [("code.narrative_scheme", "warning")] and "599" in f[0].message
    # and the other way round: a government code among departmental ones
    dep = ("其中：工资福利支出(301)400.00万元；商品和服务支出(302)300.00万元；"
           "对个人和家庭的补助(303)200.00万元；对企业补助(507)100.00万元。\n")
    f = run(W(HEAD + dep), "code.narrative_scheme")
    assert texts(f) == [("code.narrative_scheme", "warning")] and "312" in f[0].message


@pytest.mark.parametrize("text", [
    GOV_LIST.format(last="其他支出(599)"),                               # one classification throughout
    GOV_LIST.format(last="资本性支出(310)").replace("(509)", "(303)"),   # two of each: no list of one kind
    # a class of the other classification in another sentence (the year's comparison names both)
    GOV_LIST.format(last="其他支出(599)") + "对企业补助(312)上年在其他支出(399)列支。\n",
    # a name the list's classification has no class of
    GOV_LIST.format(last="基本建设支出(309)"),
])
def test_one_classification_per_list_or_an_unknown_name_is_clean(text):
    assert not run(W(HEAD + text), "code.narrative_scheme")
