"""cross.projects_vs_performance: a project's amount in its 绩效目标表 vs the 项目支出表."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, T, run, texts

RULE = "cross.projects_vs_performance"


def projects(*lines: tuple, unit: str = "万元", title: str = "项目支出预算表") -> Table:
    """项目名称 | 合计 | 财政拨款/小计 | 一般公共预算 | 政府性基金 | 单位资金."""
    t = T("projects", "total total_2 general_budget gov_fund unit_funds", *lines, unit=unit, title=title)
    labels = {"total": "合计", "total_2": "财政拨款/小计", "general_budget": "财政拨款/一般公共预算",
              "gov_fund": "财政拨款/政府性基金预算", "unit_funds": "单位资金"}
    return Table(**{**t.__dict__, "columns": tuple(Column(c.id, labels[c.id]) for c in t.columns)})


def listing(*lines: dict[str, str], unit: str = "万元") -> Table:
    """A 项目支出绩效表 as the reader keeps it: each line's cells under its header labels."""
    rows = tuple(Row(code=None, name=next(iter(cells.values())), values={}, source=Source(page=20 + i), texts=cells)
                 for i, cells in enumerate(lines))
    return Table(kind="performance_targets", title="项目支出绩效表", unit=unit, columns=(), rows=rows,
                 source=Source(page=20), number="表11")


def form(name: str, *lines: tuple[str, ...], unit: str = "万元") -> Table:
    """A per-project 绩效目标表: 项目名称 in the header, 年度资金总额 / 其中：财政拨款 lines."""
    rows = tuple(Row(code=None, name=cells[0], values={}, source=Source(page=30),
                     texts={f"c{i}": c for i, c in enumerate(cells)}) for cells in lines)
    return Table(kind="performance_targets", title="项目支出绩效目标表", unit=unit, columns=(), rows=rows,
                 source=Source(page=30), header=(("项目名称", "", name, ""), ("主管部门", "", "某局", "")))


P = projects(("total", "1,300.00", "1,200.00", "1,100.00", "100.00", "100.00"),
             ("道路养护", "1,000.00", "900.00", "800.00", "100.00", "100.00"),
             ("信息化运维", "300.00", "300.00", "300.00", None, None))


def test_listed_amount_agrees_or_not():
    ok = listing({"项目名称": "道路养护", "金额": "1,000.00"}, {"项目名称": "信息化运维", "金额": "300.00"})
    assert not run(D(P, ok), RULE)
    bad = listing({"项目名称": "道路养护", "金额": "1,000.00"}, {"项目名称": "信息化运维", "金额": "350.00"})
    f = run(D(P, bad), RULE)
    assert texts(f) == [(RULE, "error")] and (f[0].table, f[0].row) == ("performance_targets", "信息化运维")
    assert "350.00" in f[0].message and "300.00" in f[0].message and "表11" in f[0].message


def test_form_compares_like_with_like():
    # 年度资金总额 is the project's all funds; 其中：财政拨款 its 财政拨款 (not the 一般公共预算 column)
    ok = form("道路养护", ("项目资金（万元）", "年度资金总额：", "1,000.00"), ("其中：财政拨款", "900.00"),
              ("其他资金", "100.00"))
    assert not run(D(P, ok), RULE)
    bad = form("道路养护", ("项目资金（万元）", "年度资金总额：", "1,000.00"), ("其中：财政拨款", "800.00"))
    f = run(D(P, bad), RULE)
    assert texts(f) == [(RULE, "error")] and "财政拨款" in f[0].message and f[0].expected == Decimal("900.00")


def test_units_are_converted_and_rounding_is_a_tail():
    in_yuan = projects(("道路养护", "10000000.00", "9000000.00", "8000000.00", "1000000.00", "1000000.00"), unit="元")
    assert not run(D(in_yuan, listing({"项目名称": "道路养护", "金额（万元）": "1,000.00"}, unit="元")), RULE)
    # printed to whole 万元: 1,000 stands for 999.5–1000.5, so 1,000.40 agrees; 1,000.90 is 尾差 at most
    assert not run(D(projects(("道路养护", "1,000.40", None, None, None, None)),
                     listing({"项目名称": "道路养护", "资金总额": "1,000"})), RULE)
    f = run(D(projects(("道路养护", "1,000.01", None, None, None, None)),
              listing({"项目名称": "道路养护", "资金总额": "1,000.00"})), RULE)
    assert texts(f) == [(RULE, "info")] and "尾差" in f[0].message


def test_ambiguous_label_accepts_any_scope_and_unmatched_projects_are_silent():
    # 预算数 may be the 财政拨款 or the all-funds figure: either agrees
    assert not run(D(P, listing({"项目": "道路养护", "预算数": "900.00"})), RULE)
    # a project only in the performance table, or whose name is printed twice, is no finding
    assert not run(D(P, listing({"项目名称": "新建项目", "金额": "5.00"})), RULE)
    twice = projects(("道路养护", "10.00", None, None, None, None), ("道路养护", "20.00", None, None, None, None))
    assert not run(D(twice, listing({"项目名称": "道路养护", "金额": "99.00"})), RULE)


def test_whole_period_figures_are_not_the_years():
    mid = form("道路养护", ("项目资金（万元）", "实施期资金总额：", "5,000.00"), ("其中：财政拨款", "4,000.00"))
    assert not run(D(P, mid), RULE)


def test_names_match_across_spacing_and_brackets_and_units_tell_lines_apart():
    two = projects(("日常运行（信息化）", "10.00", None, None, None, None), ("日常运行（信息化）", "20.00", None, None, None, None))
    rows = [Row(**{**r.__dict__, "texts": {"单位名称": u}}) for r, u in zip(two.rows, ("甲中心", "乙中心"), strict=True)]
    two = Table(**{**two.__dict__, "rows": tuple(rows)})
    ok = listing({"单位名称": "乙中心", "项目名称": "日常运行(信息化)", "金额": "20.00"})
    assert not run(D(two, ok), RULE)
    bad = listing({"单位名称": "甲中心", "项目名称": "日常运行 (信息化)", "金额": "20.00"})
    assert texts(run(D(two, bad), RULE)) == [(RULE, "error")]


def test_unit_subtotal_lines_are_not_projects():
    # 广州: both tables carry a line per unit; the performance list's adds up only the projects
    # that have targets, so it is smaller, and no defect
    p = projects(("广州市城市建设档案馆", "1,922.30", None, None, None, None), ("档案数字化", "1,420.04", None, None, None, None))
    perf = listing({"项目": "广州市城市建设档案馆", "预算数": "1,420.04"}, {"项目": "档案数字化", "预算数": "1,420.04"})
    doc = D(p, perf)
    doc = type(doc)(**{**doc.__dict__, "meta": type(doc.meta)(**{**doc.meta.__dict__, "region": "广州市"})})
    assert not run(doc, RULE)


def test_one_finding_per_project_form():
    # 烟台 c173 p.88: 年度预算资金总额 500.00, 其中：财政拨款 500.00; the project table prints 400.00
    p = projects(("既有住宅加装电梯专项资金经费", "400.00", "400.00", None, "400.00", None))
    perf = form("既有住宅加装电梯专项资金经费", ("项目资金（万元）", "年度预算资金总额：", "500.00"),
                ("其中：财政拨款", "500.00"), ("其他资金", "0.00"))
    f = run(D(p, perf), RULE)
    assert texts(f) == [(RULE, "error")] and "500.00" in f[0].message and "400.00" in f[0].message


def test_a_group_line_without_goals_in_a_list_with_goals_is_no_project():
    # 广州: "广州市某中心 | 300.00" (its listed projects' sum) above "信息化运维 | 300.00 | 目标…";
    # the projects table prints the unit's line with all of its projects (1,300.00)
    unit_lines = projects(("某局", "1,300.00", None, None, None, None), ("信息化运维", "300.00", None, None, None, None))
    listed = listing({"项目": "某局", "预算数": "300.00"},
                     {"项目": "信息化运维", "预算数": "300.00", "绩效目标": "保障系统正常运行。"})
    assert not run(D(unit_lines, listed), RULE)
    wrong = listing({"项目": "某局", "预算数": "300.00"},
                    {"项目": "信息化运维", "预算数": "350.00", "绩效目标": "保障系统正常运行。"})
    assert [f.row for f in run(D(unit_lines, wrong), RULE)] == ["信息化运维"]
