"""Build the bundled example: the 2025 budget disclosure of a FICTIONAL department, 示例市数据管理局.

    python examples/make_example.py OUTDIR

Only primary figures are typed below: basic expenditure as (function 项, economic 款, amount),
the projects, the "三公" parts, the procurement lines and last year's figures.  Every total,
类/款 subtotal, share and growth rate in the output is computed by ``cnbudget.produce``
(Decimal, ROUND_HALF_UP to 2 decimals).  Writes OUTDIR/示例市数据管理局2025年部门预算.txt.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from cnbudget.model import Meta
from cnbudget.produce.derive import derive_disclosure
from cnbudget.produce.document import Produced, assemble
from cnbudget.produce.inputs import (
    PROJECT_CATEGORIES,
    Assets,
    BudgetInput,
    EconomicLine,
    Facts,
    FunctionLine,
    PreviousYear,
    ProcurementItem,
    Project,
    ThreePublic,
)
from cnbudget.render.text import render_text

D = Decimal
DEPARTMENT = "示例市数据管理局"
YEAR = 2025
FILE_NAME = f"{DEPARTMENT}{YEAR}年部门预算.txt"

# 支出功能分类 names (政府收支分类科目): 类 / 款 / 项 used by the example.
FUNCTION_NAMES: dict[str, str] = {
    "201": "一般公共服务支出",
    "20103": "政府办公厅（室）及相关机构事务",
    "2010301": "行政运行",
    "2010302": "一般行政管理事务",
    "2010399": "其他政府办公厅（室）及相关机构事务支出",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "210": "卫生健康支出",
    "21011": "行政事业单位医疗",
    "2101101": "行政单位医疗",
    "221": "住房保障支出",
    "22102": "住房改革支出",
    "2210201": "住房公积金",
}

# 部门预算支出经济分类 款 → (name, 政府预算支出经济分类 code, name).
ECONOMIC: dict[str, tuple[str, str, str]] = {
    "30101": ("基本工资", "50101", "工资奖金津补贴"),
    "30102": ("津贴补贴", "50101", "工资奖金津补贴"),
    "30103": ("奖金", "50101", "工资奖金津补贴"),
    "30107": ("绩效工资", "50101", "工资奖金津补贴"),
    "30108": ("机关事业单位基本养老保险缴费", "50102", "社会保障缴费"),
    "30109": ("职业年金缴费", "50102", "社会保障缴费"),
    "30110": ("职工基本医疗保险缴费", "50102", "社会保障缴费"),
    "30112": ("其他社会保障缴费", "50102", "社会保障缴费"),
    "30113": ("住房公积金", "50103", "住房公积金"),
    "30199": ("其他工资福利支出", "50199", "其他工资福利支出"),
    "30201": ("办公费", "50201", "办公经费"),
    "30202": ("印刷费", "50201", "办公经费"),
    "30207": ("邮电费", "50201", "办公经费"),
    "30211": ("差旅费", "50201", "办公经费"),
    "30213": ("维修（护）费", "50209", "维修（护）费"),
    "30215": ("会议费", "50202", "会议费"),
    "30216": ("培训费", "50203", "培训费"),
    "30217": ("公务接待费", "50206", "公务接待费"),
    "30228": ("工会经费", "50201", "办公经费"),
    "30229": ("福利费", "50201", "办公经费"),
    "30231": ("公务用车运行维护费", "50208", "公务用车运行维护费"),
    "30239": ("其他交通费用", "50201", "办公经费"),
    "30299": ("其他商品和服务支出", "50299", "其他商品和服务支出"),
    "30302": ("退休费", "50905", "离退休费"),
    "31002": ("办公设备购置", "50306", "设备购置"),
}

# Basic expenditure (一般公共预算): (function 项, economic 款, amount in 万元).
BASIC: tuple[tuple[str, str, str], ...] = (
    ("2010301", "30101", "186.24"),
    ("2010301", "30102", "142.56"),
    ("2010301", "30103", "15.52"),
    ("2010301", "30107", "96.30"),
    ("2010301", "30112", "4.86"),
    ("2010301", "30199", "12.40"),
    ("2010301", "30201", "18.60"),
    ("2010301", "30202", "3.20"),
    ("2010301", "30207", "9.80"),
    ("2010301", "30211", "8.50"),
    ("2010301", "30213", "4.20"),
    ("2010301", "30215", "2.40"),
    ("2010301", "30216", "5.60"),
    ("2010301", "30217", "3.00"),
    ("2010301", "30228", "7.35"),
    ("2010301", "30229", "6.12"),
    ("2010301", "30231", "4.80"),
    ("2010301", "30239", "21.60"),
    ("2010301", "30299", "6.45"),
    ("2010301", "31002", "6.00"),
    ("2010301", "30302", "3.84"),
    ("2080505", "30108", "55.62"),
    ("2080506", "30109", "27.81"),
    ("2101101", "30110", "25.03"),
    ("2210201", "30113", "41.72"),
)

PROJECTS: tuple[Project, ...] = (
    Project("政务数据共享交换平台运行维护", "其他运转类", D("86.00"), function_code="2010302"),
    Project("公共数据开放与数据安全评估", "特定目标类", D("45.50"), function_code="2010399"),
    Project("城市数字底座建设（一期）", "特定目标类", D("120.00"), function_code="2010399"),
)

PROCUREMENT: tuple[ProcurementItem, ...] = (
    ProcurementItem("基本支出", "台式计算机及打印设备", "货物", D("6.00")),
    ProcurementItem("政务数据共享交换平台运行维护", "信息系统运行维护服务", "服务", D("80.00")),
    ProcurementItem("公共数据开放与数据安全评估", "数据安全评估服务", "服务", D("30.00")),
    ProcurementItem("城市数字底座建设（一期）", "服务器及存储设备", "货物", D("65.00")),
    ProcurementItem("城市数字底座建设（一期）", "机房配套改造工程", "工程", D("40.00")),
)

THREE_PUBLIC = ThreePublic(abroad=D("0.00"), vehicle_purchase=D("0.00"), vehicle_operation=D("4.80"),
                           reception=D("3.00"))

# Last year's (2024) published figures, for the year-on-year changes of the narrative.
PREVIOUS = PreviousYear(
    year=2024,
    grand_total=D("1055.80"),
    fiscal_total=D("1055.80"),
    general_budget=D("1055.80"),
    three_public=D("8.60"),
    abroad=D("0.00"),
    vehicle=D("5.40"),
    vehicle_purchase=D("0.00"),
    vehicle_operation=D("5.40"),
    reception=D("3.20"),
    running_costs=D("112.48"),
)

FACTS = Facts(
    duties=(
        "负责统筹全市政务数据资源的归集、共享、开放和开发利用，拟订数据资源管理制度并组织实施。",
        "负责全市数字政府基础设施和公共数据平台的规划、建设和运行管理，推进政务信息系统整合。",
        "负责全市数据安全和个人信息保护的协调工作，完成市委、市政府交办的其他任务。",
    ),
    composition="示例市数据管理局部门预算为本级预算，包括局机关内设的办公室、数据资源科、数字基础设施科、"
                "数据安全科4个科室。本预算中的数字均为虚构，仅用于演示。",
    reasons={
        "grand_total": "城市数字底座建设一期项目前期工作完成，项目支出相应减少",
        "fiscal_total": "城市数字底座建设一期项目前期工作完成，项目支出相应减少",
        "general_budget": "城市数字底座建设一期项目前期工作完成，项目支出相应减少",
        "three_public": "严格控制公务用车使用和公务接待规模",
        "vehicle_operation": "车辆使用年限较短，维修费用减少",
        "reception": "从严控制接待标准和陪同人数",
        "running_costs": "压减会议和办公费用",
    },
    assets=Assets(as_of="2024年末", vehicles_general=1),
    targets_count=3,  # every project of PROJECTS has its 绩效目标 (entered, not assumed)
)


def build_input() -> BudgetInput:
    """The example's primary figures, aggregated into the producer's input model."""
    by_function: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    by_economic: dict[str, Decimal] = defaultdict(Decimal)
    column_of_class = {"301": "wages", "303": "household", "302": "goods_services", "310": "capital"}
    for function_code, economic_code, amount in BASIC:
        by_function[function_code][column_of_class[economic_code[:3]]] += D(amount)
        by_economic[economic_code] += D(amount)
    for p in PROJECTS:
        assert p.function_code is not None
        by_function[p.function_code][PROJECT_CATEGORIES[p.category]] += p.amount
    function_lines = tuple(
        FunctionLine(code=code, name=FUNCTION_NAMES[code], **dict(cols))
        for code, cols in sorted(by_function.items())
    )
    economic_lines = tuple(
        EconomicLine(code=code, name=ECONOMIC[code][0], amount=amount, gov_code=ECONOMIC[code][1],
                     gov_name=ECONOMIC[code][2])
        for code, amount in sorted(by_economic.items())
    )
    return BudgetInput(
        meta=Meta(department=DEPARTMENT, region="示例市", year=YEAR, kind="budget", scope="unit", unit="万元",
                  title=f"{DEPARTMENT}{YEAR}年部门预算"),
        dept_code="901",
        unit_code="901001",
        unit_name=DEPARTMENT,
        function_lines=function_lines,
        economic_lines=economic_lines,
        projects=PROJECTS,
        procurement=PROCUREMENT,
        three_public=THREE_PUBLIC,
        facts=FACTS,
        previous=PREVIOUS,
        class_names=FUNCTION_NAMES,
    )


def build() -> Produced:
    inp = build_input()
    return assemble(derive_disclosure(inp, file=FILE_NAME), facts=inp.facts, previous=inp.previous)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("用法: python examples/make_example.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    path = out / FILE_NAME
    path.write_text(render_text(build()), encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
