"""Build the bundled final-account example: the 2024 部门决算 of a FICTIONAL department, 示例市数据管理局.

    python examples/make_final_example.py OUTDIR

The same invented department as ``make_example.py`` (its 2025 budget); here its 2024 final
account.  The 年初预算数 below add up to the 2024 budget the budget example compares with
(1,055.80 万元), and the 2024 "三公" 预算数 are that budget's.  Only primary figures are typed:
basic expenditure as (function 项, economic 款, amount), project spending and income by 项,
carry-overs, the "三公" parts, procurement and last year's figures.  Every total, 类/款 row,
年末结转和结余, share, growth rate and 完成率 is computed by ``cnbudget.produce``.
Writes OUTDIR/示例市数据管理局2024年部门决算.txt.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from cnbudget.model import Meta
from cnbudget.produce.document import Produced, build_produced
from cnbudget.produce.inputs import (
    Assets,
    EconomicLine,
    FinalFacts,
    FinalInput,
    FinalLine,
    FinalPrevious,
    ProcurementFinal,
    ThreePublic,
    ThreePublicFinal,
)
from cnbudget.render.text import render_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_example import FUNCTION_NAMES  # noqa: E402 - the same fictional department

D = Decimal
DEPARTMENT = "示例市数据管理局"
YEAR = 2024
FILE_NAME = f"{DEPARTMENT}{YEAR}年部门决算.txt"


ECONOMIC_NAMES: dict[str, str] = {
    "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30112": "其他社会保障缴费", "30113": "住房公积金", "30199": "其他工资福利支出", "30302": "退休费",
    "30201": "办公费", "30202": "印刷费", "30205": "水费", "30206": "电费", "30207": "邮电费",
    "30209": "物业管理费", "30211": "差旅费", "30213": "维修（护）费", "30215": "会议费", "30216": "培训费",
    "30217": "公务接待费", "30227": "委托业务费", "30228": "工会经费", "30229": "福利费",
    "30231": "公务用车运行维护费", "30239": "其他交通费用", "30299": "其他商品和服务支出", "31002": "办公设备购置",
}

# 一般公共预算财政拨款基本支出: (function 项, economic 款, amount in 万元).
BASIC: tuple[tuple[str, str, str], ...] = (
    ("2010301", "30101", "180.12"), ("2010301", "30102", "139.80"), ("2010301", "30103", "15.10"),
    ("2010301", "30107", "94.66"), ("2010301", "30112", "4.75"), ("2010301", "30199", "12.10"),
    ("2010301", "30302", "3.70"),
    ("2010301", "30201", "20.40"), ("2010301", "30202", "3.60"), ("2010301", "30205", "3.80"),
    ("2010301", "30206", "12.60"), ("2010301", "30207", "10.20"), ("2010301", "30209", "38.50"),
    ("2010301", "30211", "9.35"), ("2010301", "30213", "5.10"), ("2010301", "30215", "2.10"),
    ("2010301", "30216", "6.20"), ("2010301", "30217", "2.35"), ("2010301", "30227", "59.26"),
    ("2010301", "30228", "7.80"), ("2010301", "30229", "6.40"), ("2010301", "30231", "4.92"),
    ("2010301", "30239", "22.80"), ("2010301", "30299", "7.25"), ("2010301", "31002", "8.40"),
    ("2080505", "30108", "53.90"), ("2080506", "30109", "26.95"), ("2101101", "30110", "24.28"),
    ("2210201", "30113", "40.43"),
)

# 项目支出 of 一般公共预算财政拨款 by 项, and of 其他收入.
PROJECTS: dict[tuple[str, str], Decimal] = {
    ("2010302", "general_budget"): D("78.40"),
    ("2010399", "general_budget"): D("196.85"),
    ("2010302", "other"): D("6.50"),
}

# 年初结转和结余 (from 2023) and income that differs from the year's spending, by (项, fund).
CARRYOVER: dict[tuple[str, str], Decimal] = {("2010399", "general_budget"): D("30.00")}
INCOME: dict[tuple[str, str], Decimal] = {("2010399", "general_budget"): D("175.00")}

# 年初预算数 (the 2024 budget) by 项; they add up to 1,055.80.
INITIAL: dict[str, Decimal] = {
    "2010301": D("650.24"), "2010302": D("80.00"), "2010399": D("180.00"), "2080505": D("53.90"),
    "2080506": D("26.95"), "2101101": D("24.28"), "2210201": D("40.43"),
}
ITEM_REASONS: dict[str, str] = {
    "2010301": "年中增加了机房物业和运维外包等委托业务费",
    "2010302": "数据共享平台运维合同按实际工作量结算",
    "2010399": "使用上年结转资金支付城市数字底座前期咨询费用",
}

THREE_PUBLIC = ThreePublicFinal(
    budget=ThreePublic(abroad=D("0.00"), vehicle_purchase=D("0.00"), vehicle_operation=D("5.40"),
                       reception=D("3.20")),
    actual=ThreePublic(abroad=D("0.00"), vehicle_purchase=D("0.00"), vehicle_operation=D("4.92"),
                       reception=D("2.35")),
)

# Last year's (2023) final-account figures.
PREVIOUS = FinalPrevious(
    year=2023,
    grand_total=D("1038.64"),
    fiscal_total=D("1032.14"),
    general_budget=D("1012.55"),
    three_public=D("7.96"),
    abroad=D("0.00"),
    vehicle=D("5.21"),
    vehicle_purchase=D("0.00"),
    vehicle_operation=D("5.21"),
    reception=D("2.75"),
    running_costs=D("224.18"),
)

FACTS = FinalFacts(
    duties=(
        "负责统筹全市政务数据资源的归集、共享、开放和开发利用，拟订数据资源管理制度并组织实施。",
        "负责全市数字政府基础设施和公共数据平台的规划、建设和运行管理，推进政务信息系统整合。",
        "负责全市数据安全和个人信息保护的协调工作，完成市委、市政府交办的其他任务。",
    ),
    organisation="示例市数据管理局内设办公室、数据资源科、数字基础设施科、数据安全科4个科室。",
    composition="示例市数据管理局2024年度部门决算为本级决算，没有下属预算单位。本决算中的数字均为虚构，仅用于演示。",
    reasons={
        "grand_total": "数据共享平台运维和城市数字底座前期工作支出增加",
        "fiscal_total": "数据共享平台运维和城市数字底座前期工作支出增加",
        "general_budget": "数据共享平台运维和城市数字底座前期工作支出增加",
        "initial_budget": "使用了上年结转资金，并在年中追加了机房运维经费",
        "three_public": "严格执行公务用车和公务接待管理规定",
        "three_public_change": "公务用车使用和公务接待规模继续压减",
        "vehicle": "车辆使用年限较短，维修费用低于预期",
        "reception": "从严控制接待标准和陪同人数",
        "running_costs": "机房物业和运维外包费用增加",
    },
    procurement=ProcurementFinal(goods=D("48.60"), works=D("0.00"), services=D("96.00"), sme=D("132.40"),
                                 small_micro=D("86.10")),
    assets=Assets(as_of="2024年12月31日", vehicles_general=1),
    vehicles_fiscal=1,
    performance_note="本部门对2024年度部门整体支出和3个项目开展了绩效自评，自评结果将在本部门网站另行公开。"
                     "本说明中的数字均为虚构，仅用于演示。",
)


def build_input() -> FinalInput:
    """The example's primary figures, aggregated into the producer's final-account input model."""
    basic: dict[str, Decimal] = defaultdict(Decimal)
    economic: dict[str, Decimal] = defaultdict(Decimal)
    for function_code, economic_code, amount in BASIC:
        basic[function_code] += D(amount)
        economic[economic_code] += D(amount)
    keys = sorted({(c, "general_budget") for c in basic} | set(PROJECTS) | set(CARRYOVER))
    lines = []
    for code, fund in keys:
        b = basic.get(code, D("0.00")) if fund == "general_budget" else D("0.00")
        p = PROJECTS.get((code, fund), D("0.00"))
        lines.append(FinalLine(
            code=code, name=FUNCTION_NAMES[code], fund=fund, basic=b, project=p,
            carryover=CARRYOVER.get((code, fund), D("0.00")),
            income=INCOME.get((code, fund), b + p),
            initial_budget=INITIAL.get(code) if fund == "general_budget" else None,
            reason=ITEM_REASONS.get(code) if fund == "general_budget" else None,
        ))
    economic_lines = tuple(EconomicLine(code=c, name=ECONOMIC_NAMES[c], amount=a) for c, a in sorted(economic.items()))
    return FinalInput(
        meta=Meta(department=DEPARTMENT, region="示例市", year=YEAR, kind="final", scope="unit", unit="万元",
                  title=f"{DEPARTMENT}{YEAR}年部门决算"),
        lines=tuple(lines),
        economic_lines=economic_lines,
        three_public=THREE_PUBLIC,
        facts=FACTS,
        previous=PREVIOUS,
        class_names={k: v for k, v in FUNCTION_NAMES.items() if len(k) < 7},
    )


def build() -> Produced:
    return build_produced(build_input(), file=FILE_NAME)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("用法: python examples/make_final_example.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    path = out / FILE_NAME
    path.write_text(render_text(build()), encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
