"""The primary figures of a budget disclosure: what a department types, nothing derived.

Every total, subtotal, 类/款 row, share and growth rate is computed from these by
``produce.derive`` and ``produce.narrative``; nothing here holds a sum.

Funds (``fund`` of a line): ``general_budget`` (一般公共预算), ``gov_fund`` (政府性基金预算),
``state_capital`` (国有资本经营预算), ``special_account`` (财政专户管理资金), ``business``
(事业收入), ``other`` (其他收入).  The income side of the summary tables is the sum of the
expenditure lines by fund (a budget balances).
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
class PreviousYear:
    """Last year's figures the narrative compares with (``None``: not known, no comparison)."""

    year: int | None = None
    grand_total: Decimal | None = None  # 收支总计
    fiscal_total: Decimal | None = None  # 财政拨款收支总计
    general_budget: Decimal | None = None  # 一般公共预算支出
    basic: Decimal | None = None
    project: Decimal | None = None
    personnel: Decimal | None = None
    public: Decimal | None = None
    three_public: Decimal | None = None
    abroad: Decimal | None = None
    vehicle: Decimal | None = None
    vehicle_purchase: Decimal | None = None
    vehicle_operation: Decimal | None = None
    reception: Decimal | None = None
    running_costs: Decimal | None = None  # 机关运行经费
    procurement: Decimal | None = None


@dataclass(frozen=True)
class Facts:
    """What the disclosure says that is not in its tables.

    ``reasons`` maps a narrative key (``grand_total``, ``fiscal_total``, ``general_budget``,
    ``three_public``, ``abroad``, ``vehicle_purchase``, ``vehicle_operation``, ``reception``,
    ``running_costs``) to the text after 主要原因; a missing key prints 【请填写主要原因】.
    """

    duties: tuple[str, ...] = ()
    composition: str | None = None  # 部门预算单位构成
    reasons: dict[str, str] = field(default_factory=dict)
    assets: Assets | None = None
    running_costs: Decimal | None = None  # 机关运行经费; default: 公用经费 of the basic table
    performance_note: str | None = None
    glossary: tuple[tuple[str, str], ...] = ()  # (term, explanation); empty: the standard list


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
    previous: PreviousYear = field(default_factory=PreviousYear)
    # Names of 类 and 款 for the subtotal rows, where the catalog does not know them.
    class_names: dict[str, str] = field(default_factory=dict)
