"""year.comparison, year.heading, year.as_of, year.project_period, year.target, year.plan_period."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, T, W, run, texts

HEAD = "一、收入支出预算总体情况说明\n\n"


def one(sentence: str, rule: str, **kw):
    return run(W(HEAD + sentence + "\n", **kw), rule)


@pytest.mark.parametrize("sentence,kind,bad", [
    ("2026年收入总计320.50万元，比2026年预算增加12.40万元。", "budget", True),
    ("2026年收入总计320.50万元，与2024年相比减少12.40万元。", "budget", True),
    ("2026年收入总计320.50万元，与2025年相比减少12.40万元。", "budget", False),
    ("2026年收入总计320.50万元，比上年减少12.40万元，2025年预算执行数为332.90万元。", "budget", False),
    ("2026年支出决算320.50万元，比2026年年初预算增加12.40万元。", "final", False),
    ("2026年支出决算320.50万元，与2025年度决算相比增加12.40万元。", "final", False),
    ("2026年支出决算320.50万元，与2026年决算相比增加12.40万元。", "final", True),
    ("2026年支出决算320.50万元，与2027年相比增加12.40万元。", "final", True),
    ("本部门与2026年工作要点相结合安排支出。", "budget", False),
])
def test_comparison_year(sentence, kind, bad):
    f = one(sentence, "year.comparison", year=2026, kind=kind)
    assert texts(f) == ([("year.comparison", "error")] if bad else [])
    if bad:
        assert "2026" in f[0].message and f[0].text


def test_year_compared_with_itself():
    # 青岛 2026 (corpus c082 p2): the budget of 2026 compares 2025 with 2025
    f = one("2025年“三公”经费预算13.85万元，比2025年减少5.45万元。", "year.comparison", year=2026)
    assert texts(f) == [("year.comparison", "error")]
    assert "2025" in f[0].message and "2026" in f[0].message
    assert not one("2026年“三公”经费预算13.85万元，比2025年减少5.45万元。", "year.comparison", year=2026)


def test_heading_of_another_year():
    text = ("2024年度示例市测绘局部门决算\n\n第二部分 2023年度部门决算情况说明\n\n"
            "一、收入支出决算总体情况说明\n\n2024年度收入总计320.50万元。\n")
    f = run(W(text, kind="final"), "year.heading")
    assert texts(f) == [("year.heading", "error")]
    assert "2023" in f[0].message and f[0].source.line == 3
    ok = text.replace("2023年度部门决算", "2024年度部门决算")
    assert not run(W(ok, kind="final"), "year.heading")


def test_table_title_of_another_year():
    t = T("summary", "total", ("total", "1.00"), title="2023年部门收支预算总表")
    f = run(W(HEAD + "2024年收入总计1.00万元。\n", tables=[t]), "year.heading")
    assert [(x.rule, x.table) for x in f] == [("year.heading", "summary")]


def test_budget_heading_naming_last_years_execution_is_fine():
    text = "2026年示例市测绘局部门预算\n\n三、2025年预算执行情况\n\n2025年预算执行数320.50万元。\n"
    assert not run(W(text, year=2026), "year.heading")


@pytest.mark.parametrize("sentence,kind,bad", [
    ("截至2023年12月31日，本部门共有车辆2辆。", "final", True),
    ("截至2024年12月31日，本部门共有车辆2辆。", "final", False),
    ("2023年末，本部门固定资产总额218.58万元。", "budget", False),
    ("截至2024年12月31日，本部门共有车辆2辆。", "budget", True),
    ("2024年12月31日召开党组会议审议预算。", "budget", False),
])
def test_as_of_date(sentence, kind, bad):
    text = "八、国有资产占用情况\n\n" + sentence + "\n"
    f = run(W(text, kind=kind, year=2024), "year.as_of")
    assert texts(f) == ([("year.as_of", "error")] if bad else [])


def test_project_period_before_the_budget_year():
    f = one("信息化建设项目实施期：2025年1月至2025年12月，预算50.00万元。", "year.project_period", year=2026)
    assert texts(f) == [("year.project_period", "error")]
    assert not one("信息化建设项目实施期：2025年1月至2027年12月，预算50.00万元。", "year.project_period", year=2026)
    assert not one("信息化建设项目实施期：2026年，预算50.00万元。", "year.project_period", year=2026)


def test_a_comparison_year_is_no_subject_year():
    # 西安 2022 (corpus c164 p24): both 2021s follow 较, neither is the sentence's own year
    s = "其他科技交流与合作支出571.82万元，比上年减少30.32万元，原因是人员经费较2021年度减少69.38万元，日常公用经费较2021年度增加39.06万元。"
    assert not one(s, "year.comparison", year=2022)


def _targets(*cells: str, column: str = "项目总体绩效目标"):
    rows = tuple(Row(code=None, name=f"项目{i}", values={}, source=Source(page=40), texts={column: c})
                 for i, c in enumerate(cells))
    table = Table(kind="performance_targets", title="2026年项目支出绩效表", unit="万元",
                  columns=(Column("total", "金额"),), rows=rows, source=Source(page=40))
    return D(table, year=2026)


def test_a_target_stated_for_the_year_before():
    # 湖州 2026 (corpus c204 p40): one 项目总体绩效目标 opens with 2025 among targets opening with 2026
    f = run(_targets("2026年完成水路交通绿色发展、节能减排等辅助工作。",
                     "2025年按照工作职责承担完成好航道相关建设项目的前期工作。",
                     "2026年完成国省航道监管点建设提升及维护。"), "year.target")
    assert [(x.severity, x.row) for x in f] == [("warning", "项目1")]
    assert "2025年按照" in f[0].message


@pytest.mark.parametrize("cells", [
    # the last year's report or contract: a period, not the target's year
    ("2026年完成培训。", "2025年度部门财务报告编制完成。", "2026年完成审计。"),
    ("2026年完成培训。", "2024-2025年双年度白皮书出版。", "2026年完成审计。"),
    # a table whose targets do not say which year they are for
    ("完成培训。", "2025年按照计划完成建设。", "2026年完成审计。"),
])
def test_targets_of_other_years_that_are_no_slip(cells):
    assert not run(_targets(*cells), "year.target")


def test_a_procurement_item_of_last_year_is_no_target():
    cells = ("2026年完成培训。", "2025年项目合同尾款。", "2026年完成审计。")
    assert not run(_targets(*cells, column="采购项目"), "year.target")


def test_a_five_year_plan_that_has_ended_framing_the_years_work():
    # 广州 2026 (corpus c115 p39): a 2026 target framed by the 十四五 (2021-2025)
    f = run(_targets("根据道路运输管理服务职责，紧紧围绕“十四五”全市道路运输管理服务工作任务，组织开展好六大行动。"),
            "year.plan_period")
    assert [(x.severity, x.row) for x in f] == [("warning", "项目0")] and "2025年结束" in f[0].message
    f = one("本部门将紧紧围绕“十四五”规划目标任务，做好各项工作。", "year.plan_period", year=2026)
    assert texts(f) == [("year.plan_period", "warning")]


@pytest.mark.parametrize("sentence,year", [
    ("本部门将紧紧围绕“十四五”规划目标任务，做好各项工作。", 2025),  # within the plan's period
    ("围绕“十五五”规划重点任务和年度工作要点开展工作。", 2026),
    ("推进碳达峰“十四五”评估报告编制。", 2026),  # looked back on
    ("完成监所“十四五”智慧监管装备建设任务。", 2026),  # its tasks finished
    ("根据《“十三五”全国司法行政信息化发展规划》开展建设。", 2026),  # a plan cited
])
def test_plans_in_their_period_looked_back_on_or_cited_are_no_slip(sentence, year):
    assert not one(sentence, "year.plan_period", year=year)


def test_a_date_no_calendar_has_is_reported_where_it_is_printed():
    from cnbudget.checks.years import no_such_day

    def days(text: str, year: int | None = 2026) -> list[str]:
        return [m.group(0) for m in no_such_day(text, year)]

    assert days("确保2026年9月31日前完成项目验收") == ["2026年9月31日"]
    assert days("于2月30日、4月31日和13月1日召开") == ["2月30日", "4月31日", "13月1日"]
    # the year printed with the date decides 2月29日; a year known from nowhere lets it stand
    assert days("2024年2月29日") == [] and days("2025年2月29日") == ["2025年2月29日"]
    assert days("2月29日", 2026) == ["2月29日"] and days("2月29日", None) == []
    # real dates, and figures that only look like one ("12.9月"), are silent
    assert days("截至2025年12月31日，实施期为2026年1月1日至2026年6月30日") == []
    assert days("第1.31月度") == []


def test_no_such_date_is_a_warning_quoting_its_sentence():
    d = W("四、绩效目标情况说明\n\n确保2026年9月31日前完成全部验收工作。\n", year=2026)
    f = run(d, "year.no_such_date")
    assert [(x.rule, x.severity) for x in f] == [("year.no_such_date", "warning")]
    assert "9月没有31日" in f[0].message and "2026年9月31日" in (f[0].text or "")
    assert not run(W("四、绩效目标情况说明\n\n确保2026年9月30日前完成全部验收工作。\n", year=2026), "year.no_such_date")


def test_the_scope_of_the_document_named_with_last_year():
    # 烟台 2026 (corpus c176 p6): the unit list of the 2026 budget still says 2025
    text = "三、部门预算单位构成\n\n纳入烟台市司法局2025年部门预算编制范围的二级预算单位包括：1.烟台市公证处。\n"
    f = run(W(text, year=2026), "year.scope")
    assert texts(f) == [("year.scope", "error")] and "2025" in f[0].message


@pytest.mark.parametrize("text,kind", [
    ("纳入烟台市司法局2026年部门预算编制范围的二级预算单位包括：1.烟台市公证处。", "budget"),
    ("纳入本部门2026年度部门决算编制范围的单位共2家。", "final"),
    # another kind's scope: not this document's (a budget recalling its final account)
    ("纳入2024年度部门决算编制范围的单位共2家，本年预算单位同上。", "budget"),
])
def test_the_scope_in_the_documents_own_year_is_clean(text, kind):
    assert not run(W("三、部门预算单位构成\n\n" + text + "\n", year=2026, kind=kind), "year.scope")


def test_a_completion_date_before_the_budget_year_in_a_target_form():
    # 烟台 2026 (corpus c186 p35): "项目完成时间 | 2025年12月31日" in a 2026 budget's 绩效目标
    def form(date: str) -> Table:
        row = Row(code=None, name="时效指标", values={}, source=Source(page=35),
                  texts={"二级指标": "时效指标", "三级指标": "项目完成时间", "指标值": date})
        return Table(kind="performance_targets", title="项目绩效目标表", unit="万元", columns=(Column("total", "金额"),),
                     rows=(row,), source=Source(page=35))

    f = run(D(form("2025年12月31日"), year=2026), "year.project_period")
    assert texts(f) == [("year.project_period", "error")] and "2025年12月31日" in f[0].message
    assert not run(D(form("2026年12月31日"), year=2026), "year.project_period")
    assert not run(D(form("≤30个工作日"), year=2026), "year.project_period")


def test_a_deadline_before_the_budget_year_in_a_target():
    # 深圳 2026 (corpus c074 p51-52): "2025年12月前出具报告（表）" in a 2026 budget project's 绩效目标
    def form(target: str) -> Table:
        row = Row(code=None, name="生态环境监测", values={"total": Decimal("3046.45")}, source=Source(page=51),
                  texts={"项目名称": "生态环境监测", "绩效目标": target})
        return Table(kind="performance_targets", title="重点项目绩效目标表", unit="万元",
                     columns=(Column("total", "金额"),), rows=(row,), source=Source(page=51))

    target = "开展并完成2026年度监测辅助服务项目，2025年12月前出具报告（表），2025年12月31日前完成设备购置。"
    f = run(D(form(target), year=2026), "year.project_period")
    assert texts(f) == [("year.project_period", "error")] and "2025年12月前" in f[0].message  # one a cell
    assert not run(D(form(target.replace("2025年", "2026年")), year=2026), "year.project_period")
    # a date met already, or one the year's target only recalls, is no deadline of the year
    assert not run(D(form("项目已于2025年6月前完成立项，2026年开展监测。"), year=2026), "year.project_period")


def test_a_figure_given_last_years_year_and_compared_with_last_year():
    # 西安 2022 (corpus c159 p8): "2021 年本部门财政拨款支出…，2022 年…较上年增加…" in the 2022 budget
    text = ("六、财政拨款收支情况\n\n2022 年本部门财政拨款收入 105364.27 万元，较上年增加 29447.58 万元；"
            "2021 年本部门财政拨款支出 105364.27 万元，其中一般公共预算拨款支出 105364.27 万元，"
            "2022 年本部门财政拨款支出较上年增加 29447.58 万元，主要原因是专项资金增加。\n")
    f = run(W(text, year=2022), "year.statement")
    assert texts(f) == [("year.statement", "error")] and "2021年" in f[0].message
    assert not run(W(text.replace("2021 年本部门财政拨款支出", "2022 年本部门财政拨款支出"), year=2022), "year.statement")


def test_last_years_figure_told_as_such_is_clean():
    text = "一、收支总体情况\n\n2021 年本部门支出 80000.00 万元。2022 年本部门支出 90000.00 万元，较上年增加 10000.00 万元。\n"
    assert not run(W(text, year=2022), "year.statement")


def test_a_budget_planning_for_a_year_already_past():
    # 烟台 2026 (corpus c172 p47): a project's target copied from the 2025 one
    f = run(_targets("积极提升政务服务保障水平。2025年计划投入100万元，保障在济南的公务各项活动正常开展。"), "year.past_plan")
    assert [(x.severity, x.row) for x in f] == [("warning", "项目0")] and "2025年计划投入" in f[0].message
    # …and in the running text (烟台 2026, c173 p53: "2025年拟开展…城市营销")
    f = one("开展“宜居烟台”城市营销，2025年拟开展石家庄、太原等4个城市营销。", "year.past_plan", year=2026)
    assert texts(f) == [("year.past_plan", "warning")]


@pytest.mark.parametrize("sentence", [
    "2026年计划投入159.96万元，保障在北京的公务活动。",  # the budget year's own plan
    "一般公共预算支出比2025年计划数增加12万元。",  # a comparison with last year's plan
    "较2025年计划增加培训2次。",
    "原2025年计划实施的项目调整至本年。",
    "2025年计划内项目已全部完成。",
])
def test_a_plan_of_the_budget_year_or_a_comparison_is_clean(sentence):
    assert not one(sentence, "year.past_plan", year=2026)


def test_a_final_account_may_speak_of_its_years_plans():
    assert not one("2025年计划投入100万元，实际投入98万元。", "year.past_plan", year=2026, kind="final")
