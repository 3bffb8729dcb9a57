"""The text reader and the table stage on every layout the seeds show (own fixtures)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cnbudget.document import Source
from cnbudget.model import Disclosure, Table
from cnbudget.parse import parse_file
from tests.tables import fixtures as fx


def parse_text(tmp_path: Path, text: str) -> Disclosure:
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    return parse_file(f)


def only(d: Disclosure, kind: str) -> Table:
    tables = d.tables_of(kind)
    assert len(tables) == 1, [t.kind for t in d.tables]
    return tables[0]


def values(table: Table, key: str) -> dict[str, Decimal]:
    row = next(r for r in table.rows if key in (r.code, r.item, r.name))
    return dict(row.values)


def test_codes_over_three_columns_and_group_headers(tmp_path: Path) -> None:
    t = only(parse_text(tmp_path, fx.BUDGET_TAB), "expenditure")
    assert t.unit == "万元"
    assert t.column_ids() == ["total", "basic", "project", "project_operating", "project_specific"]
    assert [r.code for r in t.rows] == [None, "901", "2012601", "2012604"]
    assert [r.item for r in t.rows] == ["total", "unit", None, None]
    assert values(t, "2012604") == {
        "total": Decimal("30.00"),
        "project": Decimal("30.00"),
        "project_operating": Decimal("10.00"),
        "project_specific": Decimal("20.00"),
    }
    # blank stays absent, never zero
    assert "basic" not in values(t, "2012604")
    assert t.notes == ("备注：本部门无上年结转资金。",)


def test_pipe_tables_page_break_and_truncated_code(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.PIPE)
    gen = only(d, "general_expenditure")
    assert [r.code for r in gen.rows] == [None, "201", "20126", "2012601", "2012604"]
    assert values(gen, "2012604") == {"total": Decimal("30.00"), "project": Decimal("30.00")}
    income = only(d, "income")
    # vertical / spaced header text is joined
    assert income.column_ids() == ["total", "general_budget", "business"]
    row = income.row_by_code("2012604")
    assert row is not None
    assert row.name == "档案馆"  # "档案" + "馆" continued after the page break
    assert [(r.original, r.repaired) for r in row.repairs] == [("201260", "2012604")]
    assert income.row_by_code("201").name == "一般公共服务支出"  # type: ignore[union-attr]


def test_ocr_final_summary_with_row_numbers(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.FINAL_OCR)
    s = only(d, "summary")
    income = {r.item: r.values.get("total") for r in s.rows if r.side == "income"}
    expenditure = {r.item: r.values.get("total") for r in s.rows if r.side == "expenditure"}
    assert income["general_budget"] == Decimal("1142.80")
    assert income["gov_fund"] is None  # printed item, blank amount
    assert income["current_total"] == Decimal("1150.00")
    assert income["carryover"] is None
    assert income["grand_total"] == Decimal("1150.00")
    assert expenditure["201"] == Decimal("1150.00")
    assert expenditure["grand_total"] == Decimal("1150.00")
    # 行次 numbers (1, 32, 58 …) never become amounts
    assert all(v is None or v >= 0 and v not in (Decimal(32), Decimal(58)) for v in expenditure.values())


def test_ocr_income_table_without_title(tmp_path: Path) -> None:
    income = only(parse_text(tmp_path, fx.FINAL_OCR), "income")
    assert income.number == "公开02表"
    total = income.total_row()
    assert total is not None
    assert total.values == {
        "total": Decimal("1150.00"),
        "fiscal": Decimal("1142.80"),
        "business": Decimal("0.00"),
        "other": Decimal("7.20"),
    }
    assert "business" not in values(income, "2012601")
    assert not any(r.repairs for r in income.rows)


def test_three_column_groups_unfolded_with_slid_code(tmp_path: Path) -> None:
    t = only(parse_text(tmp_path, fx.BASIC_FINAL), "basic_expenditure")
    codes = [r.code for r in t.rows if r.item is None]
    assert codes == ["301", "30101", "30102", "303", "302", "30201", "30226", "30299", "310", "31002", "399", "39999"]
    labour = t.row_by_code("30226")
    assert labour is not None and labour.values == {} and labour.repairs
    other = t.row_by_code("399")
    assert other is not None and other.name == "其他支出" and other.repairs[0].repaired == "399"
    footers = {r.item: r.values.get("total") for r in t.rows if r.item}
    assert footers == {"personnel_total": Decimal("90.00"), "public_total": Decimal("15.00")}


def test_two_sided_table_continued_after_repeated_title(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.SUMMARY_CONTINUED)
    t = only(d, "fiscal_summary")
    items = [(r.side, r.item) for r in t.rows]
    assert ("income", "carryover.general_budget") in items  # on the second page, under 上年结转
    assert ("expenditure", "carryover_out") in items
    grand = t.row_by_item("expenditure", "grand_total")
    assert grand is not None and grand.values == {"total": Decimal("150.00"), "general_budget": Decimal("150.00")}
    assert t.row_by_item("income", "current_total").values == {"total": Decimal("150.00")}  # type: ignore[union-attr]


def test_table_continued_with_its_department_line_repeated_is_one_table(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.CONTINUED_WITH_DEPT_LINE)
    t = only(d, "general_expenditure")
    assert t.title == "一般公共预算支出情况表"
    assert [r.code for r in t.rows if r.code] == ["201", "20126", "2012601", "2012604", "208", "20805", "2080505"]


def test_figures_wrapped_inside_their_cells_are_joined() -> None:
    from cnbudget.document import Source
    from cnbudget.tables.rows import Line, join_wrapped_figures

    def line(*cells: str) -> Line:
        return Line(list(cells), Source(line=1))

    data = [line("", "合计", "18,536.8", "1,264,602", "30.00"), line("", "", "8", ".38", ""),
            line("2010101", "行政运行", "100.00", "8", "")]
    joined = join_wrapped_figures(data)
    assert [x.cells for x in joined] == [["", "合计", "18,536.88", "1,264,602.38", "30.00"],
                                         ["2010101", "行政运行", "100.00", "8", ""]]
    # the head alone on the line above the labelled line that holds the tail
    centred = [line("", "", "一、一般公共服务支出", "2943.48"), line("", "", "", "24995.9"),
               line("本年收入合计", "24995.94", "本年支出合计", "4")]
    assert [x.cells for x in join_wrapped_figures(centred)] == [
        ["", "", "一、一般公共服务支出", "2943.48"], ["本年收入合计", "24995.94", "本年支出合计", "24995.94"]]
    # a tall row cut in two: name head and figure head above, their tails and the other figures below
    cut = [line("中共某某部（本", "144,177.8", "", ""), line("级）", "8", "143,061.01", "0.00"),
           line("上级下达资金", "1,610.00", "800.00", "0.00")]
    assert [x.cells for x in join_wrapped_figures(cut)] == [
        ["中共某某部（本级）", "144,177.88", "143,061.01", "0.00"], ["上级下达资金", "1,610.00", "800.00", "0.00"]]
    # a count of its own under a figure with all its decimals stays a line
    counts = [line("", "车辆", "12.50", "3.00"), line("", "", "2", "")]
    assert len(join_wrapped_figures(counts)) == 2
    # a row wrapped over a page break: its name's tail and its figures' tails on the next page
    wrapped = [line("杭州市机动", "14,549.64", "12,437.3", "2,112.28"), line("车驾驶员考试服务中心", "", "6", ""),
               line("某某中心", "10.00", "10.00", "")]
    assert [x.cells for x in join_wrapped_figures(wrapped)] == [
        ["杭州市机动车驾驶员考试服务中心", "14,549.64", "12,437.36", "2,112.28"], ["某某中心", "10.00", "10.00", ""]]
    # a line of its own with a name and a figure that has all its decimals stays a line
    own = [line("某某中心", "12,437.30", "12,437.30"), line("其他", "6", "")]
    assert len(join_wrapped_figures(own)) == 2


def test_table_continued_under_a_repeated_code_name_line_is_one_table(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.CONTINUED_UNDER_CODE_NAME_LINE)
    t = only(d, "expenditure")
    assert t.title == "2026年部门支出预算总表"
    assert [r.code for r in t.rows if r.code] == ["201", "20126", "2012601", "2012604"]


def test_a_row_number_column_is_never_the_code(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.WITH_ROW_NUMBERS)
    t = only(d, "general_expenditure")
    assert [r.code for r in t.rows if r.code] == ["201", "20126", "2012601", "2012604"]
    assert "1" not in t.column_ids() and all(c.label != "序号" for c in t.columns)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["栏次", "", "1", "2", "3"], True),
        (["1", "2", "3", "4", "5", "6"], True),
        (["", "合计", "12.00", "3.00"], False),
        (["7", "1", "3", "3"], False),
    ],
)
def test_ordinal_rows(cells: list[str], expected: bool) -> None:
    from cnbudget.tables.cells import is_ordinal_row

    assert is_ordinal_row(cells) is expected


@pytest.mark.parametrize(
    ("label", "item"),
    [("非财政拨款结余结转", "carryover.non_fiscal"), ("财政拨款结余结转", "carryover.fiscal"),
     ("使用非财政拨款结余", "non_fiscal_surplus")],
)
def test_the_carryover_breakdown_is_part_of_the_carryover(label: str, item: str) -> None:
    from cnbudget.tables.summary import _INCOME_ITEMS, _item

    assert _item(label, _INCOME_ITEMS) == item


@pytest.mark.parametrize("label", ["本级财政拨款收入", "预算拨款", "财政拨款", "其中：财政拨款"])
def test_fiscal_income_in_local_wordings(label: str) -> None:
    from cnbudget.tables.summary import _INCOME_ITEMS, _item

    assert _item(label, _INCOME_ITEMS) == "fiscal"


def test_the_unspent_account_balance_is_an_expenditure_line_of_its_own() -> None:
    from cnbudget.tables.summary import _EXPENDITURE_ITEMS, _item

    assert _item("未安排支出的实户资金", _EXPENDITURE_ITEMS) == "account_balance"


def test_summary_expenditure_side_under_one_budget_group(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.SUMMARY_GROUPED_EXPENDITURE)
    t = only(d, "summary")
    grand = t.row_by_item("expenditure", "grand_total")
    assert grand is not None
    assert grand.values == {"total": Decimal("1000"), "personnel": Decimal("600"), "public": Decimal("200"),
                            "project": Decimal("200")}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (["收入预算", "合计"], "total"),  # a label over the whole block is no group
        (["支出预算", "基本支出"], "basic"),
        (["2026年政府采购项目", "小计"], "procurement"),  # a memo beside the parts, not the total
        (["2026年购买服务项目", "小计"], None),  # the 小计 of a group we do not know is not the total
        (["“三公”经费预算数", "公务用车购置及运行费", "购置费"], "vehicle_purchase"),
        (["“三公”经费预算数", "公务用车购置及运行费", "运行费"], "vehicle_operation"),
        (["机关运行经费预算数"], "running_costs"),
        (["上年结余、结转"], "carryover"),  # 深圳's wording
        (["预算"], "total"),  # a table's one amount column headed 预算 (广州 表6)
        (["2026年预算数"], "total"),
        (["预算数", "合计"], "budget.total"),
        (["人员类"], "personnel"),  # 长沙's 一般公共预算基本支出情况表
        (["公用类"], "public"),
        (["本级财政拨款", "金额"], "fiscal"),  # the group's whole, not a second 合计
        (["本级财政拨款", "其中:经费拨款"], "sub.fiscal"),  # a part of it, never a source of its own
        (["财政拨款", "合计"], "total"),
        (["财政拨款", "小计"], "fiscal"),  # 深圳 基本支出总表: 财政拨款 over 小计 | 一般公共预算 | …
        (["部门预算", "合计"], "total"),  # a label over the whole block (西安)
        (["部门预算", "上年实户资金余额"], "account_balance"),
    ],
)
def test_column_ids_from_header_paths(path: list[str], expected: str | None) -> None:
    from cnbudget.tables.columns import column_id

    assert column_id(path) == expected


def test_economic_codes_make_an_economic_table_whatever_the_title() -> None:
    from cnbudget.tables.classify import kind_by_codes

    economic = ["301", "30101", "30102", "302", "30201"]
    assert kind_by_codes("general_expenditure", "一般公共预算支出表（按经济分类）", economic) == "economic_summary"
    assert kind_by_codes("general_expenditure", "一般公共预算基本支出表", economic) == "basic_expenditure"
    assert kind_by_codes("general_expenditure", "一般公共预算项目支出情况表（按经济分类科目）", economic) == "project_economic"
    functions = ["201", "20101", "2010101", "208", "20805"]
    assert kind_by_codes("general_expenditure", "一般公共预算支出表", functions) == "general_expenditure"
    # a function table that also lists a few economic rows stays a function table
    assert kind_by_codes("expenditure", "支出总表", functions + ["301"]) == "expenditure"
    # and the reverse: a 基本支出 table by function code is not the one by economic class
    assert kind_by_codes("basic_expenditure", "一般公共预算基本支出明细表（按功能科目分）", functions) == "basic_function"
    assert kind_by_codes("basic_expenditure", "一般公共预算基本支出表", economic) == "basic_expenditure"


def test_a_title_wrapped_over_two_lines_is_one_title(tmp_path: Path) -> None:
    from cnbudget.document import Document, Grid, Paragraph
    from cnbudget.tables.segment import find_tables

    def para(t: str) -> Paragraph:
        return Paragraph(text=t, source=Source(page=1))

    grid = Grid(rows=(("科目编码", "科目名称", "合计"), ("301", "工资福利支出", "10.00")), source=Source(page=1))
    doc = Document(path="x.pdf", format="pdf", blocks=(para("表12"), para("2022年部门综合预算政府采购（资产配置、购买服务）"),
                           para("预算表（不含上年结转）"), para("单位：万元"), grid,
                           para("表6"), para("2022年部门综合预算一般公共预算支出明细表"), para("（按经济分类科目分）"), grid,
                           para("表7 政府性基金预算支出表"), para("表8 国有资本经营预算支出表"), grid))
    assert [c.title for c in find_tables(doc)] == [
        "2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）",
        "2022年部门综合预算一般公共预算支出明细表（按经济分类科目分）",
        "表8 国有资本经营预算支出表",  # two titles in a row are never joined
    ]


def test_table_continued_under_the_documents_running_head_is_one_table(tmp_path: Path) -> None:
    d = parse_text(tmp_path, fx.CONTINUED_UNDER_RUNNING_HEAD)
    t = only(d, "general_expenditure")
    assert [r.code for r in t.rows if r.code] == ["201", "20126", "2012601", "2012604"]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("财政拨款支出表（功能科目）", "fiscal_expenditure"),
        ("部门综合预算财政拨款上年结转资金支出表", "carryover"),
        ("2019年部门综合预算财政拨款结转资金支出表", "carryover"),  # 西安 2019, no 上年
        ("表11-财拨结转支出表", "carryover"),
        ("财政拨款基本支出表（经济科目）", "fiscal_basic_expenditure"),
        ("一般公共预算财政拨款支出决算表", "general_expenditure"),
        ("一般公共预算财政拨款基本支出决算表", "basic_expenditure"),
        ("政府性基金预算财政拨款收入支出决算表", "gov_fund"),
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("一般公共预算机关运行经费支出预算表", "running_costs"),
        ("2026年单位“三公”经费和机关运行经费预算表", "three_public"),
        ("专项业务经费支出表", "projects"),  # 西安's name for the project table
        ("表11：2026年市级部门项目支出绩效表", "performance_targets"),
        ("部门综合预算财政拨款上年结转资金支出表", "carryover"),  # 西安: not the 支出表
    ],
)
def test_kinds_by_title(title: str, kind: str) -> None:
    from cnbudget.tables.kinds import kind_from_title

    assert kind_from_title(title) == kind


def test_a_two_digit_item_named_like_its_section_is_the_item() -> None:
    # 烟台: "207 / 99 其他文化旅游体育与传媒支出 / 99 其他文化旅游体育与传媒支出" — 款 20799, 项 2079999
    from decimal import Decimal as Dec

    from cnbudget.document import Source
    from cnbudget.model import Row, Table
    from cnbudget.tables.name_codes import expand_partial_codes

    def row(code: str, name: str) -> Row:
        return Row(code=code, name=name, values={"total": Dec("50.00")}, source=Source(line=1))

    t = Table(kind="general_expenditure", title="t", unit="万元", columns=(), source=Source(line=1),
              rows=(row("207", "文化旅游体育与传媒支出"), row("99", "其他文化旅游体育与传媒支出"),
                    row("99", "其他文化旅游体育与传媒支出")))
    assert [r.code for r in expand_partial_codes(t).rows] == ["207", "20799", "2079999"]


def test_two_digit_codes_of_a_class_the_catalog_lacks_are_placed_by_their_figures() -> None:
    # 国有资本经营预算支出 223 / 01 (59.95) / 07 (11.69) / 08 (48.26): 款 22301 with 项 2230107, 2230108
    from decimal import Decimal as Dec

    from cnbudget.document import Source
    from cnbudget.model import Row, Table
    from cnbudget.tables.name_codes import expand_partial_codes

    def row(code: str, value: str) -> Row:
        return Row(code=code, name="某支出", values={"total": Dec(value)}, source=Source(line=1))

    t = Table(kind="state_capital", title="t", unit="万元", columns=(), source=Source(line=1),
              rows=(row("223", "70.00"), row("01", "59.95"), row("07", "11.69"), row("08", "48.26"),
                    row("02", "10.05")))
    assert [r.code for r in expand_partial_codes(t).rows] == ["223", "22301", "2230107", "2230108", "22302"]


def test_a_note_in_brackets_closes_its_table() -> None:
    from cnbudget.document import Paragraph, Source
    from cnbudget.tables.segment import _role

    assert _role(Paragraph("（注：2026年没有使用政府性基金预算拨款安排的支出。）", Source(line=1))) == "note"
    assert _role(Paragraph("注：本表本年无发生额。", Source(line=1))) == "note"


BRACKETED_CODES = "\n".join(
    [
        "表5",
        "一般公共预算支出情况表（按功能分类科目）",
        "单位：万元",
        fx.tab("科目", "合计", "基本支出", "项目支出"),
        fx.tab("合计", "150.00", "120.00", "30.00"),
        fx.tab("[201]一般公共服务支出", "150.00", "120.00", "30.00"),
        fx.tab("[20126]档案事务", "150.00", "120.00", "30.00"),
        fx.tab("[2012601]行政运行", "120.00", "120.00", "0.00"),
        fx.tab("[2012604]档案馆", "30.00", "0.00", "30.00"),
        "",
    ]
)


def test_codes_in_brackets_before_the_name_are_classification_rows(tmp_path: Path) -> None:
    # 广州: "[2012601]行政运行" — a function code, not a unit ("[608001]某某局" is one)
    t = only(parse_text(tmp_path, BRACKETED_CODES), "general_expenditure")
    assert [(r.code, r.item) for r in t.rows if r.code] == [
        ("201", None), ("20126", None), ("2012601", None), ("2012604", None)]


def test_a_group_with_nothing_under_it_in_one_header_row_keeps_its_children() -> None:
    # 重庆: 基本支出 over 小计/人员经费/公用经费, with a 科目编码/科目名称 row between them
    from cnbudget.tables.header import flatten

    h = [["功能分类科目", "", "总计", "基本支出", "", "", "项目支出"],
         ["科目编码", "科目名称", "", "", "", "", ""],
         ["", "", "", "小计", "人员经费", "公用经费", ""]]
    paths = flatten(h, 7)
    assert paths[4] == ["基本支出", "人员经费"] and paths[5] == ["基本支出", "公用经费"]


def test_a_section_newer_than_the_catalog_keeps_its_items() -> None:
    # 215 / 98 超长期特别国债安排的支出 / 02 制造业: 款 21598 (not in the catalog), 项 2159802 —
    # not 款 21502 制造业, whose name it shares
    from decimal import Decimal as Dec

    from cnbudget.document import Source
    from cnbudget.model import Row, Table
    from cnbudget.tables.name_codes import expand_partial_codes

    def row(code: str, name: str) -> Row:
        return Row(code=code, name=name, values={"total": Dec("1.68")}, source=Source(line=1))

    t = Table(kind="expenditure", title="t", unit="万元", columns=(), source=Source(line=1),
              rows=(row("215", "资源勘探工业信息等支出"), row("98", "超长期特别国债安排的支出"), row("02", "制造业")))
    assert [r.code for r in expand_partial_codes(t).rows] == ["215", "21598", "2159802"]


def test_a_figure_glued_to_a_clipped_name_goes_back_to_its_cell() -> None:
    from cnbudget.document import Source
    from cnbudget.tables.rows import Line, split_glued_figures

    got = split_glued_figures([Line(["2080506", "机关事业单位职业年金缴费支出43608.96", "", "1.00"], Source(line=1))])
    assert got[0].cells == ["2080506", "机关事业单位职业年金缴费支出", "43608.96", "1.00"]
    tail = split_glued_figures([Line(["2080506", "机关事业单位职业年金", "缴费支出43608.96", "1.00"], Source(line=1))])
    assert tail[0].cells == ["2080506", "机关事业单位职业年金缴费支出", "43608.96", "1.00"]
    # a name that ends in a year or a number of its own, beside a filled cell, stays whole
    kept = split_glued_figures([Line(["", "2026年预算数", "5.00"], Source(line=1))])
    assert kept[0].cells == ["", "2026年预算数", "5.00"]



def test_a_names_tail_spilled_before_a_whole_figure_goes_back_to_the_name() -> None:
    from cnbudget.document import Source
    from cnbudget.tables.rows import Line, split_glued_figures

    lines = [Line(["7", "其他履职尽责专项业务费", "882275000"], Source(line=1)),
             Line(["8", "“魅力中国—外籍人才眼中最具吸引力的中国城市”评", "选 700000"], Source(line=2)),
             Line(["9", "金融发展专项科技局", "89160000"], Source(line=3))]
    got = split_glued_figures(lines)
    assert got[1].cells == ["8", "“魅力中国—外籍人才眼中最具吸引力的中国城市”评选", "700000"]
    # in a column of words (a 绩效 target "培训人次 300") nothing moves
    words = [Line(["数量指标", "培训人次 300"], Source(line=1)), Line(["质量指标", "合格率"], Source(line=2))]
    assert split_glued_figures(words)[0].cells == ["数量指标", "培训人次 300"]


THREE_PUBLIC_BY_ROWS = "\n".join(
    [
        "2026年度一般公共预算“三公”经费支出预算表",
        "单位：万元",
        fx.tab("项目", "预算数"),
        fx.tab("“三公”经费", "25.05"),
        fx.tab("1、因公出国（境）费用", "7.05"),
        fx.tab("2、公务接待费", "8.00"),
        fx.tab("3、公务用车购置及运行费", "10.00"),
        fx.tab("其中：（1）公务用车购置费", "0.00"),
        fx.tab("（2）公务用车运行费", "10.00"),
        "",
    ]
)

THREE_PUBLIC_BY_YEAR = "\n".join(
    [
        "一般公共预算“三公”经费支出情况表",
        "单位：万元",
        fx.tab("2025年预算数", "", "", "", "", "", "2026年预算数", "", "", "", "", ""),
        fx.tab("合计", "因公出国（境）经费", "公务用车购置及运行维护费", "", "", "公务接待费",
               "合计", "因公出国（境）经费", "公务用车购置及运行维护费", "", "", "公务接待费"),
        fx.tab("", "", "小计", "公务用车购置经费", "公务用车运行维护费", "", "", "", "小计", "公务用车购置经费",
               "公务用车运行维护费", ""),
        fx.tab("21.78", "10.00", "2.50", "", "2.50", "9.28", "33.28", "10.00", "15.00", "", "15.00", "8.28"),
        "",
    ]
)


def test_three_public_items_printed_as_rows(tmp_path: Path) -> None:
    t = only(parse_text(tmp_path, THREE_PUBLIC_BY_ROWS), "three_public")
    assert t.rows[0].values == {"total": Decimal("25.05"), "abroad": Decimal("7.05"), "vehicle": Decimal("10.00"),
                                "vehicle_purchase": Decimal("0.00"), "vehicle_operation": Decimal("10.00"),
                                "reception": Decimal("8.00")}


def test_three_public_grouped_by_year_reads_the_latest_year_as_this_year(tmp_path: Path) -> None:
    # not 预算数 / 决算数 of a final account: two budget years side by side
    t = only(parse_text(tmp_path, THREE_PUBLIC_BY_YEAR), "three_public")
    v = t.rows[0].values
    assert v["total"] == Decimal("33.28") and v["vehicle_operation"] == Decimal("15.00")
    assert v["previous.total"] == Decimal("21.78") and v["previous.reception"] == Decimal("9.28")
    assert not any(k.startswith(("budget.", "actual.")) for k in v)


SUMMARY_WITH_A_SUB_LINE = "\n".join(
    [
        "2022年部门综合预算收支总表",
        "单位：元",
        fx.tab("收入", "", "支出", ""),
        fx.tab("项目", "预算数", "项目", "预算数"),
        fx.tab("一、一般公共预算拨款", "1000", "一、一般公共服务支出", "1200"),
        fx.tab("二、事业收入", "200", "", ""),
        fx.tab("其中：纳入财政专户管理的收费", "150", "", ""),
        fx.tab("本年收入合计", "1200", "本年支出合计", "1200"),
        "",
    ]
)


def test_a_summary_income_line_that_begins_with_qizhong_is_inside_the_line_above(tmp_path: Path) -> None:
    from cnbudget.checks import check_disclosure

    d = parse_text(tmp_path, SUMMARY_WITH_A_SUB_LINE)
    t = only(d, "summary")
    assert [r.item for r in t.rows if r.side == "income"][:3] == ["general_budget", "business", "sub.special_account"]
    assert not [f for f in check_disclosure(d).findings if f.rule == "summary.income_items"]


PERFORMANCE_IN_NARRATIVE = "\n".join(
    [
        "示例县档案馆2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "三、一般公共预算支出预算情况",
        "七、重点项目预算绩效目标情况",
        "2026年，本部门重点项目绩效目标情况如下：",
        fx.tab("项目", "预算数（单位：万元）", "绩效目标"),
        fx.tab("市本级粮食风险基金", "47500", "完成市本级粮油储备规模任务。"),
        fx.tab("市级重要商品储备财政补助经费", "7287.89", "落实重要商品的储备。"),
        "",
    ]
)


def test_a_header_label_that_carries_its_unit_keeps_its_words(tmp_path: Path) -> None:
    # "预算数（单位：万元）" is a column of the header, not a unit line to drop
    t = only(parse_text(tmp_path, PERFORMANCE_IN_NARRATIVE), "performance_targets")
    assert t.unit == "万元"
    assert any("预算数" in c for h in t.header for c in h)


THREE_PUBLIC_ONE_LINE_PER_YEAR = "\n".join(
    [
        "财政拨款“三公”经费支出表",
        "单位：万元",
        fx.tab("预算单位", "年度", "总计", "", "因公出国(境)费", "", "公务接待费", "",
               "公务用车购置及运行维护费", "", "", "", "", ""),
        fx.tab("", "", "", "", "", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", ""),
        fx.tab("", "", "一般公共预算", "政府性基金预算", "一般公共预算", "政府性基金预算", "一般公共预算",
               "政府性基金预算", "一般公共预算", "政府性基金预算", "一般公共预算", "政府性基金预算",
               "一般公共预算", "政府性基金预算"),
        fx.tab("示例局", "2025年", "30.00", "0.00", "5.00", "0.00", "10.00", "0.00", "15.00", "0.00",
               "0.00", "0.00", "15.00", "0.00"),
        fx.tab("", "2026年", "40.00", "2.00", "10.00", "2.00", "10.00", "0.00", "20.00", "0.00",
               "5.00", "0.00", "15.00", "0.00"),
        fx.tab("", "增减变化金额", "10.00", "2.00", "5.00", "2.00", "0.00", "0.00", "5.00", "0.00",
               "5.00", "0.00", "0.00", "0.00"),
        fx.tab("示例局下属中心", "2025年", "30.00", "0.00", "5.00", "0.00", "10.00", "0.00", "15.00", "0.00",
               "0.00", "0.00", "15.00", "0.00"),
        fx.tab("", "2026年", "40.00", "2.00", "10.00", "2.00", "10.00", "0.00", "20.00", "0.00",
               "5.00", "0.00", "15.00", "0.00"),
        "",
    ]
)


def test_three_public_printed_one_line_per_year_and_fund(tmp_path: Path) -> None:
    # rows are years under each unit, columns are items split by fund (深圳): the latest
    # year is this year, 一般公共预算 the 三公 scope, other funds under their prefix
    t = only(parse_text(tmp_path, THREE_PUBLIC_ONE_LINE_PER_YEAR), "three_public")
    assert [r.item for r in t.rows] == ["total", "unit"]
    assert t.rows[1].name == "示例局下属中心"
    v = t.rows[0].values
    assert v["total"] == Decimal("40.00") and v["gov_fund.total"] == Decimal("2.00")
    assert v["previous.abroad"] == Decimal("5.00") and v["change.vehicle_purchase"] == Decimal("5.00")
    assert v["vehicle_operation"] == Decimal("15.00")
    assert "change.total" not in t.rows[1].values  # that unit prints no 增减 line


def test_three_public_year_lines_are_checked_against_each_other(tmp_path: Path) -> None:
    from cnbudget.checks import check_disclosure

    text = THREE_PUBLIC_ONE_LINE_PER_YEAR.replace(
        fx.tab("", "增减变化金额", "10.00"), fx.tab("", "增减变化金额", "11.00"))
    ok = check_disclosure(parse_text(tmp_path, THREE_PUBLIC_ONE_LINE_PER_YEAR)).findings
    bad = check_disclosure(parse_text(tmp_path, text)).findings
    assert not [f for f in ok if f.rule == "sum.columns"]
    wrong = [f for f in bad if f.rule == "sum.columns"]
    # 本年 40 ≠ 上年 30 + 增减 11; and the 增减 line's own total ≠ its items
    assert {f.column for f in wrong} >= {"total", "change.total"}


THREE_PUBLIC_LAST_YEAR_THIS_YEAR = "\n".join(
    [
        "一般公共预算拨款“三公”经费及会议费、培训费支出预算表",
        "单位：元",
        fx.tab("上年", "", "", "", "", "", "当年", "", "", "", "", ""),
        fx.tab("合计", "“三公”经费", "", "", "会议费", "培训费", "合计", "“三公”经费", "", "", "会议费", "培训费"),
        fx.tab("", "小计", "因公出国(境)费用", "公务接待费", "", "", "", "小计", "因公出国(境)费用", "公务接待费",
               "", ""),
        fx.tab("300", "100", "60", "40", "150", "50", "330", "110", "60", "50", "160", "60"),
        "",
    ]
)


def test_three_public_groups_named_last_year_and_this_year(tmp_path: Path) -> None:
    # "上年 | 当年" (西安) are the years by their place; the outer 合计 covers 会议费 and 培训费
    t = only(parse_text(tmp_path, THREE_PUBLIC_LAST_YEAR_THIS_YEAR), "three_public")
    v = t.rows[0].values
    assert v["total"] == Decimal("110") and v["all_total"] == Decimal("330")
    assert v["previous.total"] == Decimal("100") and v["previous.training"] == Decimal("50")


UNIT_CODE_NAME_TABLE = "\n".join(
    [
        "政府性基金预算支出表",
        "单位：万元",
        fx.tab("预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"),
        fx.tab("示例局", "", "", "300.00", "0.00", "300.00"),
        fx.tab("示例局（本级）", "", "", "100.00", "0.00", "100.00"),
        fx.tab("", "212", "城乡社区支出", "100.00", "0.00", "100.00"),
        fx.tab("", "21214", "污水处理费安排的支出", "100.00", "0.00", "100.00"),
        fx.tab("", "2121401", "污水处理设施建设和运营", "100.00", "0.00", "100.00"),
        fx.tab("示例河流管理中心", "", "", "200.00", "0.00", "200.00"),
        fx.tab("", "212", "城乡社区支出", "200.00", "0.00", "200.00"),
        fx.tab("", "21214", "污水处理费安排的支出", "200.00", "0.00", "200.00"),
        fx.tab("", "2121401", "污水处理设施建设和运营", "200.00", "0.00", "200.00"),
        fx.tab("示例水文站", "", "", "0.00", "0.00", "0.00"),
        "",
    ]
)


def test_the_names_of_coded_rows_stand_beside_their_codes_not_under_the_units(tmp_path: Path) -> None:
    from cnbudget.checks import check_disclosure

    d = parse_text(tmp_path, UNIT_CODE_NAME_TABLE)
    t = only(d, "gov_fund")
    assert [(r.code, r.item) for r in t.rows[:3]] == [(None, "total"), (None, "unit"), ("212", None)]
    assert t.rows[1].name == "示例局（本级）" and t.rows[2].name == "城乡社区支出"
    assert t.rows[-1].item == "unit"
    # the unit's line is its 类, not the sum of 类 + 款 + 项
    assert not [f for f in check_disclosure(d).findings if f.rule.startswith("sum.")]


PROJECT_TARGETS_LIST = "\n".join(
    [
        "示例局2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "三、一般公共预算支出预算情况",
        "项目支出绩效目标表",
        "单位：万元",
        fx.tab("二级预算单位名称", "一级项目名称", "预算数(万元)", "绩效目标"),
        fx.tab("示例局（本级）", "公共法律服务", "3,493.83", "一是开展律师事务所年度检查工作，"),
        fx.tab("", "", "", "二是开展律师执业人员集中培训。"),
        fx.tab("示例局（本级）", "机关综合服务", "858.36", "提供物资保障。"),
        "",
    ]
)


def test_a_list_of_project_targets_names_each_row_by_its_project(tmp_path: Path) -> None:
    t = only(parse_text(tmp_path, PROJECT_TARGETS_LIST), "performance_targets")
    assert [(r.name, r.values.get("total")) for r in t.rows] == [
        ("公共法律服务", Decimal("3493.83")), ("机关综合服务", Decimal("858.36"))]
    # the target's sentence carried onto the next line stays with its project
    assert t.rows[0].texts["绩效目标"] == "一是开展律师事务所年度检查工作，二是开展律师执业人员集中培训。"
    assert [c.label for c in t.columns] == ["预算数(万元)"]


def test_a_kuan_repeated_as_its_own_item_is_one_row() -> None:
    from cnbudget.tables.coded import parse_coded
    from cnbudget.tables.rows import Line, TableLines

    def ln(*cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=1))

    tl = TableLines(header=[ln("科目编码", "科目名称", "合计", "项目支出")],
                    data=[ln("", "合计", "602.00", "602.00"), ln("219", "援助其他地区支出", "502.00", "502.00"),
                          ln("21999", "其他支出", "502.00", "502.00"), ln("21999", "其他支出", "502.00", "502.00"),
                          ln("201", "一般公共服务支出", "100.00", "100.00"),
                          ln("2010101", "行政运行", "50.00", "50.00"), ln("2010101", "行政运行", "50.00", "50.00")],
                    unit="万元", number=None, width=4)
    t = parse_coded("expenditure", "支出表", tl, Source(page=1), None)
    assert [r.code for r in t.rows] == [None, "219", "21999", "201", "2010101", "2010101"]


@pytest.mark.parametrize("label", ["年度资金总额：", "年度预算资金总额：", "资金总额", "部门预算总额(万元)"])
def test_the_funding_block_of_a_target_form_reads_its_total(label: str) -> None:
    from cnbudget.tables.performance import _labelled_figures

    assert _labelled_figures(["项目资金（万元）", label, "87.45"]) == {"total": Decimal("87.45")}


def test_last_years_column_beside_this_years_total_is_previous() -> None:
    from cnbudget.tables.coded import _amount_columns

    paths = [["2025年预算数"], ["2026年预算数", "总计"], ["2026年预算数", "基本支出", "小计"], ["2026年预算数", "项目支出"]]
    _columns, ids, uncertain = _amount_columns(list(range(4)), paths)
    assert ids == ["previous.total", "total", "basic", "project"]
    assert uncertain == []


def test_the_item_column_of_a_split_code_is_no_row_number() -> None:
    from cnbudget.tables.coded import parse_coded
    from cnbudget.tables.rows import Line, TableLines

    def ln(*cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=1))

    # 项 "01", "02" count up like a 序号 column, but they are the code's last part
    tl = TableLines(header=[ln("类", "款", "项", "科目名称", "合计")],
                    data=[ln("", "", "", "合计", "7.00"), ln("201", "", "", "一般公共服务支出", "7.00"),
                          ln("201", "13", "", "商贸事务", "7.00"), ln("201", "13", "01", "行政运行", "5.00"),
                          ln("201", "13", "02", "一般行政管理事务", "2.00")],
                    unit="万元", number=None, width=5)
    t = parse_coded("income", "收入表", tl, Source(page=1), None)
    assert [r.code for r in t.rows] == [None, "201", "20113", "2011301", "2011302"]


def test_a_dash_in_the_unit_code_column_makes_no_unit() -> None:
    from cnbudget.tables.coded import parse_coded
    from cnbudget.tables.rows import Line, TableLines

    def ln(*cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=1))

    tl = TableLines(header=[ln("单位编码", "单位（项目）名称", "项目金额")],
                    data=[ln("", "合计", "300.00"), ln("263001", "示例局", "300.00"), ln("-", "专用项目", "300.00"),
                          ln("", "审计事务", "300.00")],
                    unit="元", number=None, width=3)
    t = parse_coded("projects", "专项业务经费支出表", tl, Source(page=1), None)
    assert [(r.name, r.item) for r in t.rows][1:3] == [("示例局", "unit"), ("专用项目", None)]


def test_unnumbered_lines_between_numbered_classes_are_their_items() -> None:
    # 深圳 收支总表: "五、其他支出" then its 款 and 项, both printed "其他支出" without a number
    from cnbudget.tables.rows import Line, TableLines
    from cnbudget.tables.summary import parse_two_sided

    def ln(*cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=1))

    tl = TableLines(header=[ln("项目", "预算数", "项目", "预算数")],
                    data=[ln("一、一般公共预算拨款", "150.00", "一、住房保障支出", "100.00"),
                          ln("二、事业收入", "0.00", "住房改革支出", "100.00"),
                          ln("三、其他收入", "0.00", "住房公积金", "100.00"),
                          ln("", "", "二、援助其他地区支出", "50.00"), ln("", "", "住房保障", "50.00"),
                          ln("", "", "三、其他支出", "0.00"), ln("", "", "其他支出", "0.00"),
                          ln("本年收入合计", "150.00", "本年支出合计", "150.00")],
                    unit="万元", number=None, width=4)
    t = parse_two_sided("summary", "收支总表", tl, Source(page=1), None)
    classes = [(r.code, r.name) for r in t.rows if r.side == "expenditure" and r.code]
    assert classes == [("221", "住房保障支出"), ("219", "援助其他地区支出"), ("229", "其他支出")]


def test_unnumbered_class_lines_are_still_classes() -> None:
    from cnbudget.tables.rows import Line, TableLines
    from cnbudget.tables.summary import parse_two_sided

    def ln(*cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=1))

    tl = TableLines(header=[ln("项目", "预算数", "项目", "预算数")],
                    data=[ln("一般公共预算拨款", "150.00", "住房保障支出", "100.00"),
                          ln("事业收入", "0.00", "其他支出", "50.00"), ln("其他收入", "0.00", "", ""),
                          ln("本年收入合计", "150.00", "本年支出合计", "150.00")],
                    unit="万元", number=None, width=4)
    t = parse_two_sided("summary", "收支总表", tl, Source(page=1), None)
    assert [r.code for r in t.rows if r.side == "expenditure" and r.code] == ["221", "229"]


def _named_rows(*rows: tuple[str, str]):
    from cnbudget.model import Row, Table
    from cnbudget.tables.name_codes import add_codes_from_names

    t = Table(kind="expenditure", title="t", unit="万元", columns=(), source=Source(line=1),
              rows=tuple(Row(code=None, name=n, values={"total": Decimal(v)}, source=Source(line=1)) for n, v in rows))
    return add_codes_from_names(t)


def test_a_class_name_after_an_item_opens_the_class() -> None:
    # names only (浙江): "其他支出" under 其他交通运输支出 is the class 229, not a cut-off item name
    t = _named_rows(("交通运输支出", "300.00"), ("其他交通运输支出", "300.00"), ("其他交通运输支出", "300.00"),
                    ("其他支出", "50.00"), ("其他支出", "50.00"), ("其他支出", "50.00"))
    assert [r.code for r in t.rows] == ["214", "21499", "2149999", "229", "22999", "2299999"]


def test_lines_the_catalog_cannot_name_stay_under_their_class() -> None:
    from cnbudget.checks.values import code_tree

    t = _named_rows(("交通运输支出", "300.00"), ("公路水路运输", "300.00"),
                    ("其他支出", "50.00"), ("某新设款", "50.00"), ("某新设项", "50.00"))
    top = code_tree(list(t.rows))
    assert [n.row.code for n in top] == ["214", "229"]
    assert [n.row.name for n in top[1].children] == ["某新设款", "某新设项"]


def test_the_long_term_special_bond_sections_are_known() -> None:
    from cnbudget.codes.catalog import function_code

    assert function_code("21498").name == "超长期特别国债安排的支出"
    assert function_code("2013999").name == "其他社会工作事务支出"


SUMMARY_BY_FUNCTION_AND_ECONOMIC_CLASS = "\n".join(
    [
        "2026年部门综合预算收支总表",
        "单位：元",
        fx.tab("收入", "", "支出", "", "", "", "", ""),
        fx.tab("项目", "预算数", "支出功能分类科目（按大类）", "预算数", "部门预算支出经济分类科目（按大类）", "预算数",
               "政府预算支出经济分类科目（按大类）", "预算数"),
        fx.tab("1、一般公共预算拨款", "1000", "1、一般公共服务支出", "900", "1、人员经费和公用经费支出", "700",
               "1、机关工资福利支出", "600"),
        fx.tab("2、事业收入", "", "2、卫生健康支出", "100", "(1)工资福利支出", "600", "2、机关商品和服务支出", "100"),
        fx.tab("", "", "", "", "2、专项业务经费支出", "300", "3、对事业单位经常性补助", "300"),
        fx.tab("本年收入合计", "1000", "本年支出合计", "1000", "本年支出合计", "1000", "本年支出合计", "1000"),
        fx.tab("收入总计", "1000", "支出总计", "1000", "支出总计", "1000", "支出总计", "1000"),
        "",
    ]
)


def test_a_summary_expenditure_side_printed_again_by_economic_class_is_read(tmp_path: Path) -> None:
    from cnbudget.checks import check_disclosure

    d = parse_text(tmp_path, SUMMARY_BY_FUNCTION_AND_ECONOMIC_CLASS)
    t = only(d, "summary")
    spent = {r.name: r.values.get("total") for r in t.rows if r.side == "expenditure"}
    assert spent["专项业务经费支出"] == Decimal("300") and spent["机关工资福利支出"] == Decimal("600")
    assert spent["对事业单位经常性补助"] == Decimal("300")
    # the further groups hold no item: their total lines repeat the function side's, once each
    assert [r.item for r in t.rows if r.side == "expenditure" and r.item] == ["201", "210", "current_total", "grand_total"]
    assert not t.uncertain
    assert not [f for f in check_disclosure(d).findings if f.table == "summary" and f.severity == "error"]


PROJECT_TARGETS_UNDER_STAR_MARKS = "\n".join(
    [
        "示例县档案馆2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "三、一般公共预算支出预算情况",
        "2026年市级部门项目支出绩效表",
        "单位：万元",
        fx.tab("单位名称", "项目名称", "金额", "项目总体绩效目标"),
        fx.tab("**", "**", "**", "**"),
        fx.tab("", "", "130.00", ""),
        fx.tab("示例县档案馆", "档案数字化", "100.00", "完成馆藏档案数字化。"),
        fx.tab("示例县档案馆", "档案修复", "30.00", "修复破损档案。"),
        "",
    ]
)


def test_a_list_of_project_targets_under_a_line_of_star_marks(tmp_path: Path) -> None:
    # "**" stands for 栏次: not a label of the header; "金额" is the projects' amount, and the
    # line that carries only a figure above them is their 合计
    t = only(parse_text(tmp_path, PROJECT_TARGETS_UNDER_STAR_MARKS), "performance_targets")
    assert t.header == (("单位名称", "项目名称", "金额", "项目总体绩效目标"),)
    assert t.rows[0].is_total and t.rows[0].values == {"total": Decimal("130.00")}
    assert [(r.name, r.values["total"]) for r in t.rows[1:]] == [("档案数字化", Decimal("100.00")),
                                                                ("档案修复", Decimal("30.00"))]


UNIT_TARGETS_WITH_UNIT_CODES = "\n".join(
    [
        "示例县档案馆2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "三、一般公共预算支出预算情况",
        "2026年部门整体支出绩效目标表",
        "单位：万元",
        fx.tab("单位编码", "单位名称", "资金总额", "整体绩效目标"),
        fx.tab("901001", "示例县档案馆", "150.00", "保障档案馆正常运转。"),
        "",
    ]
)


def test_a_performance_line_under_a_unit_code_header_has_that_code(tmp_path: Path) -> None:
    t = only(parse_text(tmp_path, UNIT_TARGETS_WITH_UNIT_CODES), "performance_targets")
    assert (t.rows[0].code, t.rows[0].values) == ("901001", {"total": Decimal("150.00")})


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (["2026年政府采购项目", "小计"], "procurement"),
        (["2026年政府采购项目", "其中：2026年政府采购项目中预留给中小企业的项目资金规模"], "procurement.sme"),
        (["2026年政府采购项目", "其中：2026年政府采购项目中预留给小型、微型企业的项目资金规模"], "procurement.small_micro"),
        (["2026年政府采购项目", "其中：其他"], None),  # a part we cannot name stays unidentified
    ],
)
def test_procurement_memo_columns_have_ids_of_their_own(path: list[str], expected: str | None) -> None:
    from cnbudget.tables.columns import column_id

    assert column_id(path) == expected


def _expenditure_with_procurement_memo(total: str) -> str:
    return "\n".join(
        [
            "示例县档案馆2026年部门预算",
            "一、收支预算总体情况",
            "二、财政拨款收支预算情况",
            "三、一般公共预算支出预算情况",
            "支出总表",
            "单位：万元",
            fx.tab("科目编码", "科目名称", "支出总计", "基本支出", "项目支出", "2026年政府采购项目", "", ""),
            fx.tab("", "", "", "", "", "小计", "其中：预留给中小企业的项目资金规模",
                   "其中：预留给小型、微型企业的项目资金规模"),
            fx.tab("", "合计", total, "120.00", "30.00", "20.00", "15.00", "10.00"),
            fx.tab("201", "一般公共服务支出", total, "120.00", "30.00", "20.00", "15.00", "10.00"),
            fx.tab("20126", "档案事务", total, "120.00", "30.00", "20.00", "15.00", "10.00"),
            fx.tab("2012601", "行政运行", "120.00", "120.00", "", "", "", ""),
            fx.tab("2012604", "档案馆", "30.00", "", "30.00", "20.00", "15.00", "10.00"),
            "",
        ]
    )


def test_an_expenditure_table_with_procurement_memo_columns_is_checked(tmp_path: Path) -> None:
    # the memo (how much is procured) is no addend of 支出总计 = 基本 + 项目, and it does not
    # keep the table from being checked
    from cnbudget.checks import check_disclosure

    d = parse_text(tmp_path, _expenditure_with_procurement_memo("150.00"))
    t = only(d, "expenditure")
    assert [c.id for c in t.columns] == ["total", "basic", "project", "procurement", "procurement.sme",
                                         "procurement.small_micro"]
    assert not t.uncertain
    findings = [f for f in check_disclosure(d).findings if f.table == "expenditure"]
    assert not [f for f in findings if f.severity == "error" or f.rule == "verify.could_not_verify"]
    wrong = parse_text(tmp_path, _expenditure_with_procurement_memo("160.00"))
    assert any(f.rule == "sum.columns" and f.table == "expenditure" for f in check_disclosure(wrong).findings)


def _projects_with_goals(unit_total: str) -> str:
    return "\n".join(
        [
            "示例县档案馆2026年部门预算",
            "一、收支预算总体情况",
            "二、财政拨款收支预算情况",
            "三、一般公共预算支出预算情况",
            "部门预算项目支出及其他支出预算表",
            "单位：万元",
            fx.tab("支出项目类别（资金使用单位）", "总计", "财政拨款", "", "财政专户拨款", "其他资金", "绩效目标"),
            fx.tab("", "", "合计", "一般公共预算", "", "", ""),
            fx.tab("合计", "130.00", "120.00", "120.00", "0.00", "10.00", ""),
            fx.tab("示例县档案馆", unit_total, "120.00", "120.00", "0.00", "10.00", ""),
            fx.tab("档案数字化", "100.00", "100.00", "100.00", "0.00", "0.00", "完成馆藏档案数字化，提升查阅效率。"),
            fx.tab("档案修复", "30.00", "20.00", "20.00", "0.00", "10.00", "修复破损档案；保障档案安全。"),
            "",
        ]
    )


def test_a_project_list_beside_its_goals_is_read_by_its_names(tmp_path: Path) -> None:
    # the 绩效目标 sentences are more varied than the names, but name no rows; 财政拨款/合计
    # beside 总计 is the 财政拨款 whole, 其他资金 the other sources
    t = only(parse_text(tmp_path, _projects_with_goals("130.00")), "projects")
    assert [c.id for c in t.columns] == ["total", "fiscal", "general_budget", "special_account", "other"]
    assert not t.uncertain
    assert [r.name for r in t.rows] == ["合计", "示例县档案馆", "档案数字化", "档案修复"]
    assert t.rows[3].values["other"] == Decimal("10.00") and t.rows[3].texts["绩效目标"].startswith("修复")


BASIC_BY_UNIT = "\n".join(
    [
        "示例县档案馆2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "三、一般公共预算支出预算情况",
        "部门预算基本支出预算表",
        "单位：万元",
        fx.tab("支出项目类别（资金使用单位）", "总计", "财政拨款", "", "财政专户拨款", "其他资金"),
        fx.tab("", "", "合计", "一般公共预算", "", ""),
        fx.tab("合计", "150.00", "150.00", "150.00", "0.00", "0.00"),
        fx.tab("示例县档案馆", "100.00", "100.00", "100.00", "0.00", "0.00"),
        fx.tab("工资福利支出", "80.00", "80.00", "80.00", "0.00", "0.00"),
        fx.tab("商品和服务支出", "20.00", "20.00", "20.00", "0.00", "0.00"),
        fx.tab("示例县档案服务中心", "50.00", "50.00", "50.00", "0.00", "0.00"),
        fx.tab("工资福利支出", "50.00", "50.00", "50.00", "0.00", "0.00"),
        "",
    ]
)


def test_unit_lines_over_coded_items_are_levels_not_addends(tmp_path: Path) -> None:
    # "示例县档案馆" (no code) over 301/302 (codes from the names): the lines add up to twice
    # the 合计 — levels stacked, could not verify; the columns are still checked
    from cnbudget.checks import check_disclosure

    d = parse_text(tmp_path, BASIC_BY_UNIT)
    t = only(d, "basic_expenditure")
    assert [r.code for r in t.rows if r.code] == ["301", "302", "301"]
    found = [f for f in check_disclosure(d).findings if f.table == "basic_expenditure"]
    assert not [f for f in found if f.severity == "error"]
    assert any(f.rule == "verify.could_not_verify" and "多个层级" in f.message for f in found)


THREE_PUBLIC_BY_UNIT_WITH_A_SPLIT_ORDINAL = "\n".join(
    [
        "一般公共预算“三公”经费支出情况表",
        "单位：万元",
        fx.tab("序", "号单位编码", "单位名称", "2025年预算数", "", "", "2026年预算数", "", ""),
        fx.tab("", "", "", "合计", "因公出国（境）经费", "公务接待费", "合计", "因公出国（境）经费", "公务接待费"),
        fx.tab("1", "", "合计", "21.78", "10.00", "11.78", "33.28", "20.00", "13.28"),
        fx.tab("2", "901", "示例县档案馆", "21.78", "10.00", "11.78", "33.28", "20.00", "13.28"),
        fx.tab("3", "901001", "示例县档案服务中心", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
        "",
    ]
)


def test_a_row_number_column_whose_label_was_split_is_no_amount(tmp_path: Path) -> None:
    # "序号" split by the text layer into "序" | "号单位编码": its 1 2 3 count the lines
    t = only(parse_text(tmp_path, THREE_PUBLIC_BY_UNIT_WITH_A_SPLIT_ORDINAL), "three_public")
    assert not t.uncertain
    total = t.rows[0]
    assert total.is_total and total.values["total"] == Decimal("33.28")
    assert total.values["previous.abroad"] == Decimal("10.00") and len(total.values) == 6


PROJECTS_IN_WHOLE_YUAN = "\n".join(
    [
        "示例县档案馆2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "三、一般公共预算支出预算情况",
        "2026年部门综合预算专项业务经费支出表",
        "金额单位：元",
        fx.tab("序号", "单位（项目）名称", "项目金额", "项目简介"),
        fx.tab("1", "合计", "2200000", ""),
        fx.tab("2", "示例县档案馆", "2200000", ""),
        fx.tab("3", "档案数字化", "1500000", "馆藏档案数字化"),
        fx.tab("4", "档案修复", "700000", "破损档案修复"),
        "",
    ]
)


def test_whole_yuan_amounts_under_an_amount_header_are_no_codes(tmp_path: Path) -> None:
    # 2200000 looks like a 7-digit function code, but its column is headed 项目金额
    t = only(parse_text(tmp_path, PROJECTS_IN_WHOLE_YUAN), "projects")
    assert [(r.name, r.values.get("total")) for r in t.rows] == [
        ("合计", Decimal("2200000")), ("示例县档案馆", Decimal("2200000")), ("档案数字化", Decimal("1500000")),
        ("档案修复", Decimal("700000"))]


def test_a_clipped_names_tail_before_a_whole_figure_goes_back_to_the_name() -> None:
    # 西安 in 元: "象灾害…业务运" | "维 6540000" — the name's last character sits before the figure
    from cnbudget.tables.rows import Line, split_glued_figures

    got = split_glued_figures([Line(["9", "气象业务运", "维 6540000", "气象业务维持"], Source(line=1)),
                               Line(["10", "人工影响天气", "1200000", "作业"], Source(line=2)),
                               Line(["11", "气象预报", "800000", "预报"], Source(line=3))])
    assert got[0].cells[1:3] == ["气象业务运维", "6540000"]
    kept = split_glued_figures([Line(["", "2026年预算数", "5.00"], Source(line=1))])
    assert kept[0].cells == ["", "2026年预算数", "5.00"]


def test_one_wrong_figure_does_not_unstack_the_levels_the_other_columns_show(tmp_path: Path) -> None:
    # 工资福利支出 80.00 misprinted 90.00 in 总计 only: 财政拨款 and 一般公共预算 still add up to
    # twice the 合计, so the levels stay stacked; the line breaks 总计 = Σ 资金来源, one local error
    from cnbudget.checks import check_disclosure

    wrong = BASIC_BY_UNIT.replace(fx.tab("工资福利支出", "80.00"), fx.tab("工资福利支出", "90.00"), 1)
    found = [f for f in check_disclosure(parse_text(tmp_path, wrong)).findings if f.table == "basic_expenditure"]
    assert [(f.rule, f.row) for f in found if f.severity == "error"] == [("sum.columns", "301")]
    assert not [f for f in found if f.rule == "verify.unreliable_table"]


def test_a_project_list_with_its_classification_right_of_the_amount_is_named_by_its_projects() -> None:
    # 西安 上年结转资金支出表: unit code | unit | project | 金额 | 功能分类科目代码 | 功能分类科目名称
    from cnbudget.tables.coded import parse_coded
    from cnbudget.tables.rows import Line, TableLines

    def ln(*cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=1))

    tl = TableLines(header=[ln("预算单位代码", "预算单位名称", "预算项目名称", "金额", "功能分类科目代码", "功能分类科目名称")],
                    data=[ln("", "合计", "", "300.00", "", ""),
                          ln("153001", "某市公安局", "警航基地建设项目", "200.00", "2040299", "其他公安支出"),
                          ln("153001", "某市公安局", "监管场所建设项目", "60.00", "2040299", "其他公安支出"),
                          ln("153001", "某市公安局", "信息化运维项目", "40.00", "2040219", "信息化建设")],
                    unit="元", number=None, width=6)
    t = parse_coded("carryover", "上年结转资金支出表", tl, Source(page=1), None)
    assert t.column_ids() == ["total"]
    assert [r.values.get("total") for r in t.rows] == [Decimal("300.00"), Decimal("200.00"), Decimal("60.00"),
                                                       Decimal("40.00")]


@pytest.mark.parametrize("line", ["部门（单位）名称", "单位名称", "编制部门：示例局", "部门(单位):示例局"])
def test_a_department_label_alone_on_its_line_is_no_prose_between_title_and_table(line: str) -> None:
    # 西安 表15: "表 15" / "2022年部门整体支出绩效目标表" / "部门（单位）名称" / "西安市气象局" / the form
    from cnbudget.document import Paragraph
    from cnbudget.tables.segment import _role

    assert _role(Paragraph(text=line, source=Source(page=1))) == "dept"
    assert _role(Paragraph(text="部门名称是本表所列单位的总称，包括下属单位。", source=Source(page=1))) == "prose"


INDICATOR_LINES = "\n".join(
    [
        "示例局2026年部门预算",
        "一、收支预算总体情况",
        "二、财政拨款收支预算情况",
        "政策和项目预算绩效目标表",
        fx.tab("项目名称", "文明实践工作经费"),
        fx.tab("项目资金（万元）", "年度预算资金总额：", "68.00"),
        fx.tab("", "一级指标", "二级指标", "三级指标", "指标值"),
        # 烟台: each indicator line opens with its classes, which hold "指标" as a header does
        fx.tab("绩效指标", "产出指标", "数量指标", "宣传片时长", "≥10分钟"),
        fx.tab("绩效指标", "产出指标", "时效指标", "评估完成时间", "2026年9月30日前"),
        fx.tab("绩效指标", "满意度指标", "服务对象满意度指标", "参加活动人员满意度", "≥80%"),
        "",
    ]
)


def test_indicator_lines_opening_with_their_classes_are_lines_not_headers(tmp_path: Path) -> None:
    t = only(parse_text(tmp_path, INDICATOR_LINES), "performance_targets")
    lines = [r.texts for r in t.rows if "三级指标" in r.texts]
    assert [(x["三级指标"], x["指标值"]) for x in lines] == [
        ("宣传片时长", "≥10分钟"), ("评估完成时间", "2026年9月30日前"), ("参加活动人员满意度", "≥80%")]
    assert [x["二级指标"] for x in lines] == ["数量指标", "时效指标", "服务对象满意度指标"]


def test_a_target_carried_onto_the_next_page_keeps_where_its_rest_is_printed() -> None:
    from cnbudget.tables.performance import parse_performance
    from cnbudget.tables.rows import Line, TableLines

    def ln(page: int, *cells: str) -> Line:
        return Line(cells=list(cells), source=Source(page=page))

    tl = TableLines(header=[ln(1, "单位名称", "项目名称", "预算数(万元)", "绩效目标")],
                    data=[ln(1, "示例局", "人才引进", "12.00", "设立人才管理工作经费，"),
                          ln(1, "", "", "", "保障日常业务，"),
                          ln(2, "", "", "", "本年度计划开展评审。"),
                          ln(2, "示例局", "社会保障", "3.00", "提供鉴定服务。")],
                    unit="万元", number=None, width=4)
    t = parse_performance("performance_targets", "项目支出表", tl, Source(page=1), None)
    first = t.rows[0]
    assert first.texts["绩效目标"] == "设立人才管理工作经费，保障日常业务，本年度计划开展评审。"
    assert first.breaks == (("绩效目标", len("设立人才管理工作经费，保障日常业务，"), Source(page=2)),)
    assert t.rows[1].breaks == ()
