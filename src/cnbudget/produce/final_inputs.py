"""The primary figures of a final-account disclosure (部门决算): what a department types.

Every total, 类/款 row, column sum, 年末结转和结余, share, growth rate and 完成率 is computed
from these by ``produce.final_derive`` and ``produce.final_narrative``; nothing here holds a sum.

A ``FinalLine`` is one 项 (7-digit function code) for one source of funds (``fund``):

    general_budget     一般公共预算财政拨款          gov_fund        政府性基金预算财政拨款
    state_capital      国有资本经营预算财政拨款      superior_subsidy 上级补助收入
    business           事业收入                      operating       经营收入
    affiliated         附属单位上缴收入              other           其他收入

with its 年初结转和结余, 本年收入 and the year's spending (基本支出, 项目支出, 上缴上级支出,
经营支出, 对附属单位补助支出).  Its 年末结转和结余 is derived: 年初 + 收入 − 支出.  The three
fiscal funds (财政拨款) make the 财政拨款 tables; ``initial_budget`` (年初预算数) of the
一般公共预算 lines is what the 情况说明 compares the final figures with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.model import Meta
from cnbudget.produce.inputs import Assets, EconomicLine, ThreePublic

ZERO = Decimal("0.00")

# Sources of funds, in the order the tables print them.
FISCAL_FUNDS: tuple[str, ...] = ("general_budget", "gov_fund", "state_capital")
OTHER_SOURCES: tuple[str, ...] = ("superior_subsidy", "business", "operating", "affiliated", "other")
FINAL_FUNDS: tuple[str, ...] = FISCAL_FUNDS + OTHER_SOURCES

FUND_LABELS: dict[str, str] = {
    "general_budget": "一般公共预算财政拨款",
    "gov_fund": "政府性基金预算财政拨款",
    "state_capital": "国有资本经营预算财政拨款",
    "superior_subsidy": "上级补助收入",
    "business": "事业收入",
    "operating": "经营收入",
    "affiliated": "附属单位上缴收入",
    "other": "其他收入",
}

# Spending columns of a line (支出决算表 公开03表).
SPENDING: tuple[str, ...] = ("basic", "project", "remit_superior", "operating_expense", "affiliate_subsidy")


@dataclass(frozen=True)
class FinalLine:
    """One 项 for one source of funds: carry-in, income, spending (see the module docstring)."""

    code: str
    name: str
    fund: str = "general_budget"
    carryover: Decimal = ZERO  # 年初结转和结余
    income: Decimal = ZERO  # 本年收入
    basic: Decimal = ZERO
    project: Decimal = ZERO
    remit_superior: Decimal = ZERO
    operating_expense: Decimal = ZERO
    affiliate_subsidy: Decimal = ZERO
    initial_budget: Decimal | None = None  # 年初预算数 (一般公共预算财政拨款 lines)
    reason: str | None = None  # why 决算数 differs from 年初预算数

    @property
    def spending(self) -> Decimal:
        return sum((getattr(self, c) for c in SPENDING), ZERO)

    @property
    def carryover_out(self) -> Decimal:
        """年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出."""
        return self.carryover + self.income - self.spending


@dataclass(frozen=True)
class ThreePublicFinal:
    """"三公"经费: 预算数 (the year's budget) and 决算数 (actual), each by its four parts."""

    budget: ThreePublic = field(default_factory=ThreePublic)
    actual: ThreePublic = field(default_factory=ThreePublic)


@dataclass(frozen=True)
class ProcurementFinal:
    """政府采购支出 by category, and the contracts awarded to 中小企业 / 小微企业."""

    goods: Decimal = ZERO  # 货物
    works: Decimal = ZERO  # 工程
    services: Decimal = ZERO  # 服务
    sme: Decimal | None = None  # 授予中小企业合同金额
    small_micro: Decimal | None = None  # 其中：授予小微企业合同金额


@dataclass(frozen=True)
class FinalPrevious:
    """Last year's final-account figures the narrative compares with (``None``: unknown)."""

    year: int | None = None
    grand_total: Decimal | None = None  # 收、支总计
    current_income: Decimal | None = None  # 本年收入合计
    current_expenditure: Decimal | None = None  # 本年支出合计
    fiscal_total: Decimal | None = None  # 财政拨款收、支总计
    general_budget: Decimal | None = None  # 一般公共预算财政拨款支出
    basic: Decimal | None = None  # 一般公共预算财政拨款基本支出
    personnel: Decimal | None = None
    public: Decimal | None = None
    three_public: Decimal | None = None  # "三公"经费 决算数
    abroad: Decimal | None = None
    vehicle: Decimal | None = None
    vehicle_purchase: Decimal | None = None
    vehicle_operation: Decimal | None = None
    reception: Decimal | None = None
    running_costs: Decimal | None = None  # 机关运行经费
    procurement: Decimal | None = None


@dataclass(frozen=True)
class FinalFacts:
    """What a final-account disclosure says that is not in its tables.

    ``reasons`` maps a narrative key to the text after 主要原因 (a missing key prints
    【请填写主要原因】): ``grand_total``, ``fiscal_total``, ``general_budget`` (changes on last
    year), ``initial_budget`` (一般公共预算 决算 vs 年初预算), ``three_public``,
    ``three_public_change``, ``abroad``, ``vehicle``, ``reception`` (决算 vs 预算),
    ``running_costs``.  Per-项 reasons are on the lines (``FinalLine.reason``).
    """

    duties: tuple[str, ...] = ()
    organisation: str | None = None  # 机构设置
    composition: str | None = None  # 决算单位构成
    reasons: dict[str, str] = field(default_factory=dict)
    running_costs: Decimal | None = None  # 机关运行经费; default: 公用经费 of the basic table
    procurement: ProcurementFinal | None = None
    assets: Assets | None = None
    vehicles_fiscal: int | None = None  # 开支财政拨款的公务用车保有量
    performance_note: str | None = None
    glossary: tuple[tuple[str, str], ...] = ()  # (term, explanation); empty: the standard list


@dataclass(frozen=True)
class FinalInput:
    """A department's final account, as primary figures."""

    meta: Meta
    lines: tuple[FinalLine, ...]
    economic_lines: tuple[EconomicLine, ...]  # 一般公共预算财政拨款基本支出 by economic 款
    three_public: ThreePublicFinal = field(default_factory=ThreePublicFinal)
    facts: FinalFacts = field(default_factory=FinalFacts)
    previous: FinalPrevious = field(default_factory=FinalPrevious)
    # Names of 类 and 款 for the subtotal rows, where the catalog does not know them.
    class_names: dict[str, str] = field(default_factory=dict)
