"""The primary figures of a disclosure: what a department types, nothing derived.

Every total, subtotal, 类/款 row, share, growth rate and 完成率 is computed from these by
``produce.derive`` and ``produce.narrative``; nothing here holds a sum.  A layout's ``family``
says which input it takes: ``BudgetInput`` (部门预算) or ``FinalInput`` (部门决算); ``Facts``
(what is not in the tables) and ``Previous`` (last year's figures) serve both.

Budget funds (``fund`` of a ``FunctionLine``): ``general_budget`` (一般公共预算),
``gov_fund`` (政府性基金预算), ``state_capital`` (国有资本经营预算), ``special_account``
(财政专户管理资金), ``business`` (事业收入), ``other`` (其他收入).  The income side of the
summary tables is the sum of the expenditure lines by fund (a budget balances).

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

ZERO = Decimal("0.00")

FUNDS: tuple[str, ...] = ("general_budget", "gov_fund", "state_capital", "special_account", "business", "other")

# Project categories as printed (项目类型) → column id.
PROJECT_CATEGORIES: dict[str, str] = {"其他运转类": "project_operating", "特定目标类": "project_specific"}

PROCUREMENT_CATEGORIES: tuple[str, ...] = ("货物", "工程", "服务")


@dataclass(frozen=True)
class FunctionLine:
    """One 项 of the function classification (7-digit code) for one fund.

    Basic expenditure by economic class (``wages`` 301, ``household`` 303, ``goods_services``
    302, ``capital`` 310) and project expenditure by category.
    """

    code: str
    name: str
    wages: Decimal = ZERO
    household: Decimal = ZERO
    goods_services: Decimal = ZERO
    capital: Decimal = ZERO
    project_operating: Decimal = ZERO
    project_specific: Decimal = ZERO
    fund: str = "general_budget"


@dataclass(frozen=True)
class EconomicLine:
    """One 款 of the department economic classification in 一般公共预算基本支出 (``30101``).

    ``gov_code`` / ``gov_name``: the government economic classification beside it (``50101``).
    Whether it is 人员经费 or 公用经费 follows from the class (301/303 → 人员经费).
    """

    code: str
    name: str
    amount: Decimal
    gov_code: str | None = None
    gov_name: str | None = None


@dataclass(frozen=True)
class Project:
    """One project of 项目支出 (``category``: 其他运转类 | 特定目标类)."""

    name: str
    category: str
    amount: Decimal
    function_code: str | None = None
    code: str | None = None
    fund: str = "general_budget"
    purpose: str | None = None


@dataclass(frozen=True)
class ProcurementItem:
    """One line of 政府采购预算 (``category``: 货物 | 工程 | 服务)."""

    project: str
    item: str
    category: str
    amount: Decimal
    fund: str = "general_budget"


@dataclass(frozen=True)
class ThreePublic:
    """The four primary parts of "三公"经费; 公务用车购置及运行费 and the total are derived."""

    abroad: Decimal = ZERO
    vehicle_purchase: Decimal = ZERO
    vehicle_operation: Decimal = ZERO
    reception: Decimal = ZERO


@dataclass(frozen=True)
class Assets:
    """国有资产占用情况 at the end of the previous year (counts)."""

    as_of: str | None = None  # "2024年末"
    vehicles_general: int = 0  # 一般公务用车
    vehicles_enforcement: int = 0  # 执法执勤用车
    vehicles_special: int = 0  # 特种专业技术用车
    vehicles_other: int = 0  # 其他用车
    equipment_general: int = 0  # 单价50万元以上通用设备（台、套）
    equipment_special: int = 0  # 单价100万元以上专用设备（台、套）

    @property
    def vehicles(self) -> int:
        return self.vehicles_general + self.vehicles_enforcement + self.vehicles_special + self.vehicles_other


@dataclass(frozen=True)
class ProcurementFinal:
    """政府采购支出 by category, and the contracts awarded to 中小企业 / 小微企业."""

    goods: Decimal = ZERO  # 货物
    works: Decimal = ZERO  # 工程
    services: Decimal = ZERO  # 服务
    sme: Decimal | None = None  # 授予中小企业合同金额
    small_micro: Decimal | None = None  # 其中：授予小微企业合同金额


@dataclass(frozen=True)
class Previous:
    """Last year's figures the narrative compares with (``None``: not known, no comparison).

    One class for every kind of document: a budget compares with last year's budget, a final
    account with last year's final account; each fills the figures its narrative speaks of.
    """

    year: int | None = None
    grand_total: Decimal | None = None  # 收支总计
    current_income: Decimal | None = None  # 本年收入合计 (决算)
    current_expenditure: Decimal | None = None  # 本年支出合计 (决算)
    fiscal_total: Decimal | None = None  # 财政拨款收支总计
    general_budget: Decimal | None = None  # 一般公共预算（财政拨款）支出
    basic: Decimal | None = None
    project: Decimal | None = None
    personnel: Decimal | None = None
    public: Decimal | None = None
    three_public: Decimal | None = None  # "三公"经费 (预算数; a final account's 决算数)
    abroad: Decimal | None = None
    vehicle: Decimal | None = None
    vehicle_purchase: Decimal | None = None
    vehicle_operation: Decimal | None = None
    reception: Decimal | None = None
    running_costs: Decimal | None = None  # 机关运行经费
    procurement: Decimal | None = None


PreviousYear = Previous  # the budget's name for it
FinalPrevious = Previous  # the final account's


@dataclass(frozen=True)
class Facts:
    """What the disclosure says that is not in its tables.

    ``reasons`` maps a narrative key to the text after 主要原因; a missing key prints
    【请填写主要原因】.  Budget keys: ``grand_total``, ``fiscal_total``, ``general_budget``,
    ``three_public``, ``abroad``, ``vehicle_purchase``, ``vehicle_operation``, ``reception``,
    ``running_costs``.  Final-account keys: ``grand_total``, ``fiscal_total``,
    ``general_budget`` (changes on last year), ``initial_budget`` (一般公共预算 决算 vs 年初预算),
    ``three_public``, ``three_public_change``, ``abroad``, ``vehicle``, ``reception`` (决算 vs
    预算), ``running_costs``; per-项 reasons are on the lines (``FinalLine.reason``).
    """

    duties: tuple[str, ...] = ()
    organisation: str | None = None  # 机构设置 (决算)
    composition: str | None = None  # 预算 / 决算单位构成
    reasons: dict[str, str] = field(default_factory=dict)
    assets: Assets | None = None
    running_costs: Decimal | None = None  # 机关运行经费; default: 公用经费 of the basic table
    procurement: ProcurementFinal | None = None  # 政府采购支出 (决算)
    vehicles_fiscal: int | None = None  # 开支财政拨款的公务用车保有量 (决算)
    performance_note: str | None = None
    targets_count: int | None = None  # 设置了绩效目标的项目个数 (预算); None: not entered
    glossary: tuple[tuple[str, str], ...] = ()  # (term, explanation); empty: the layout's list


FinalFacts = Facts


@dataclass(frozen=True)
class BudgetInput:
    """A department's budget, as primary figures."""

    meta: Meta
    dept_code: str
    unit_code: str
    unit_name: str
    function_lines: tuple[FunctionLine, ...]
    economic_lines: tuple[EconomicLine, ...]
    projects: tuple[Project, ...] = ()
    procurement: tuple[ProcurementItem, ...] = ()
    three_public: ThreePublic = field(default_factory=ThreePublic)
    facts: Facts = field(default_factory=Facts)
    previous: Previous = field(default_factory=Previous)
    # Names of 类 and 款 for the subtotal rows, where the catalog does not know them.
    class_names: dict[str, str] = field(default_factory=dict)


# --- final accounts (部门决算) -------------------------------------------------------------

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
class FinalInput:
    """A department's final account, as primary figures."""

    meta: Meta
    lines: tuple[FinalLine, ...]
    economic_lines: tuple[EconomicLine, ...]  # 一般公共预算财政拨款基本支出 by economic 款
    three_public: ThreePublicFinal = field(default_factory=ThreePublicFinal)
    facts: Facts = field(default_factory=Facts)
    previous: Previous = field(default_factory=Previous)
    # Names of 类 and 款 for the subtotal rows, where the catalog does not know them.
    class_names: dict[str, str] = field(default_factory=dict)


Input = BudgetInput | FinalInput  # what a layout's ``family`` takes: "budget" | "final"
