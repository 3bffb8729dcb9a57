"""The 情况说明, generated sentence by sentence from a disclosure's key figures.

Every amount, share (占 x%), change (增加/减少 x 万元、增长/下降 y%) and completion rate (完成
年初预算的 x% = 决算数 / 年初预算数) is computed here from the tables' figures and last year's,
Decimal, half up to 2 decimals.  The reasons after 主要原因 are the department's words
(``Facts.reasons``, ``FinalLine.reason``) or ``REASON_PLACEHOLDER``; facts the input lacks are
``FILL``.

The layout lists the sections and their headings (``[narrative]`` of a layout file); the writer
of the layout's family (``WRITERS``) says what each section id says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cnbudget.produce.figures import FIGURES
from cnbudget.produce.inputs import Facts, Previous
from cnbudget.produce.layout import BadLayout, DocumentLayout
from cnbudget.produce.money import fmt_plain, growth, q2, share

REASON_PLACEHOLDER = "【请填写主要原因】"
FILL = "【请填写】"
ZERO = Decimal("0.00")

Paras = tuple[str, ...]


@dataclass(frozen=True)
class NarrativeSection:
    heading: str
    paragraphs: tuple[str, ...]


def amount(v: Decimal | None) -> str:
    return f"{fmt_plain(v)}万元" if v is not None else f"{FILL}万元"


def pct(v: Decimal | None) -> str:
    return f"{fmt_plain(v)}%" if v is not None else f"{FILL}%"


def completion(actual: Decimal, budget: Decimal | None) -> Decimal | None:
    """决算数 / 预算数 in percent (``None`` when there was no budget)."""
    if budget is None or budget == 0:
        return None
    return q2(actual * 100 / budget)


class _Writer:
    """What every family's writer shares: the figures, last year's, the facts, and the phrases
    of a change on last year."""

    because = "主要原因："

    def __init__(self, f: Any, prev: Previous, facts: Facts, *, year_word: str = "年",
                 initial: Mapping[str, Decimal] | None = None,
                 item_reasons: Mapping[str, str] | None = None) -> None:
        self.f = f
        self.prev = prev
        self.facts = facts
        self.year_word = year_word
        self.initial = initial or {}
        self.item_reasons = item_reasons or {}
        self.year = f.year
        self.py = prev.year or (f.year - 1 if f.year else None)
        self.dept = f.department or "本部门"

    def reason(self, key: str) -> str:
        return self.facts.reasons.get(key) or REASON_PLACEHOLDER

    def change(self, current: Decimal | None, previous: Decimal | None, key: str | None, *,
               subject: str = "") -> str:
        """'比2024年增加12.00万元，增长3.10%，主要原因：…' — '' when last year is unknown; no
        reason when ``key`` is ``None``."""
        if current is None or previous is None:
            return ""
        delta = q2(current - previous)
        if delta == 0:
            return f"与{self.py}{self.year_word}{subject}持平"
        word, rate_word = ("增加", "增长") if delta > 0 else ("减少", "下降")
        text = f"比{self.py}{self.year_word}{subject}{word}{fmt_plain(abs(delta))}万元"
        rate = growth(current, previous)
        if rate is not None:
            text += f"，{rate_word}{fmt_plain(abs(rate))}%"
        if key is not None:
            text += f"，{self.because}{self.reason(key)}"
        return text

    @staticmethod
    def sentence(*parts: str) -> str:
        return "，".join(p for p in parts if p).rstrip("。") + "。"


# --- budgets --------------------------------------------------------------------------------

_INCOME_LABELS = {
    "general_budget": "一般公共预算拨款收入",
    "gov_fund": "政府性基金预算拨款收入",
    "state_capital": "国有资本经营预算拨款收入",
    "special_account": "财政专户管理资金收入",
    "business": "事业收入",
    "operating": "事业单位经营收入",
    "superior_subsidy": "上级补助收入",
    "affiliated": "附属单位上缴收入",
    "other": "其他收入",
    "carryover": "上年结转结余",
}


class BudgetWriter(_Writer):
    """The sections of a budget's 情况说明 (``family = "budget"``)."""

    because = "主要原因："

    # --- sections ---------------------------------------------------------------------------

    def overall(self) -> Paras:
        f = self.f
        text = self.sentence(
            f"{self.dept}{self.year}年收入总计{amount(f.grand_total)}，支出总计{amount(f.grand_total)}",
            self.change(f.grand_total, self.prev.grand_total, "grand_total", subject="收、支总计各"),
        )
        return (text,)

    def income(self) -> Paras:
        f = self.f
        whole = f.current_income
        parts = []
        for item, label in _INCOME_LABELS.items():
            v = f.income.get(item)
            if v is None or v == 0 or item == "carryover":
                continue
            s = share(v, whole) if whole else None
            parts.append(f"{label}{amount(v)}，占{pct(s)}")
        text = f"{self.dept}{self.year}年收入合计{amount(whole)}"
        if parts:
            text += "，其中：" + "；".join(parts)
        carry = f.income.get("carryover")
        if carry:
            text += f"；另有上年结转结余{amount(carry)}"
        return (text + "。",)

    def expenditure(self) -> Paras:
        f = self.f
        whole = f.expenditure_total
        parts = []
        for label, v in (("基本支出", f.basic), ("项目支出", f.project)):
            if v is None:
                v = Decimal("0.00")
            parts.append(f"{label}{amount(v)}，占{pct(share(v, whole) if whole else None)}")
        text = f"{self.dept}{self.year}年支出合计{amount(whole)}，其中：" + "；".join(parts) + "。"
        return (text,)

    def fiscal(self) -> Paras:
        f = self.f
        sources = [f"{_INCOME_LABELS[k]}{amount(v)}" for k, v in f.fiscal_income.items()
                   if k in ("general_budget", "gov_fund", "state_capital") and v]
        classes = [f"{name}{amount(v)}" for _code, name, v in f.fiscal_classes if v]
        first = self.sentence(
            f"{self.dept}{self.year}年财政拨款收支总预算{amount(f.fiscal_total)}",
            self.change(f.fiscal_total, self.prev.fiscal_total, "fiscal_total"),
        )
        second = ""
        if sources:
            second += "收入包括：" + "、".join(sources) + "。"
        if classes:
            second += "支出包括：" + "、".join(classes) + "。"
        return tuple(p for p in (first, second) if p)

    def general(self) -> Paras:
        f = self.f
        gb = f.general_budget
        paras = [self.sentence(
            f"（一）总体情况。{self.dept}{self.year}年一般公共预算支出{amount(gb)}，"
            f"占本年支出合计的{pct(share(gb, f.expenditure_total) if gb is not None and f.expenditure_total else None)}",
            self.change(gb, self.prev.general_budget, "general_budget", subject="一般公共预算支出"),
        )]
        if f.gb_classes and gb:
            parts = [f"{name}{amount(v)}，占{pct(share(v, gb))}" for _c, name, v in f.gb_classes]
            paras.append("（二）结构情况。一般公共预算支出主要用于以下方面：" + "；".join(parts) + "。")
        return tuple(paras)

    def basic(self) -> Paras:
        f = self.f
        b = f.basic_total
        parts = []
        for label, v, items in (("人员经费", f.personnel, f.personnel_items),
                                ("公用经费", f.public, f.public_items)):
            v = v if v is not None else Decimal("0.00")
            s = f"{label}{amount(v)}，占{pct(share(v, b) if b else None)}"
            if items:
                s += "，主要包括" + "、".join(items)
            parts.append(s)
        text = f"{self.dept}{self.year}年一般公共预算基本支出{amount(b)}，其中：" + "；".join(parts) + "。"
        return (text,)

    def three_public(self) -> Paras:
        t = self.f.three_public
        p = self.prev
        zero = Decimal("0.00")
        head = self.sentence(
            f"{self.dept}{self.year}年一般公共预算“三公”经费预算{amount(t.get('total', zero))}",
            self.change(t.get("total", zero), p.three_public, "three_public"),
        )
        lines = [head]
        lines.append(self.sentence(
            f"（一）因公出国（境）费{amount(t.get('abroad', zero))}",
            self.change(t.get("abroad", zero), p.abroad, "abroad"),
        ))
        lines.append(self.sentence(
            f"（二）公务用车购置及运行费{amount(t.get('vehicle', zero))}",
            self.change(t.get("vehicle", zero), p.vehicle, None),
        ))
        lines.append(self.sentence(
            f"其中：公务用车购置费{amount(t.get('vehicle_purchase', zero))}",
            self.change(t.get("vehicle_purchase", zero), p.vehicle_purchase, "vehicle_purchase"),
        ))
        lines.append(self.sentence(
            f"公务用车运行维护费{amount(t.get('vehicle_operation', zero))}",
            self.change(t.get("vehicle_operation", zero), p.vehicle_operation, "vehicle_operation"),
        ))
        lines.append(self.sentence(
            f"（三）公务接待费{amount(t.get('reception', zero))}",
            self.change(t.get("reception", zero), p.reception, "reception"),
        ))
        return tuple(lines)

    def gov_fund(self) -> Paras:
        v = self.f.gov_fund
        if not v:
            text = f"本部门{self.year}年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。"
        else:
            text = f"{self.dept}{self.year}年政府性基金预算支出{amount(v)}。"
        return (text,)

    def state_capital(self) -> Paras:
        v = self.f.state_capital
        if not v:
            text = f"本部门{self.year}年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。"
        else:
            text = f"{self.dept}{self.year}年国有资本经营预算支出{amount(v)}。"
        return (text,)

    def others(self) -> Paras:
        f = self.f
        running = self.facts.running_costs if self.facts.running_costs is not None else f.public
        paras = ["（一）机关运行经费", self.sentence(
            f"{self.year}年本部门机关运行经费预算{amount(running)}",
            self.change(running, self.prev.running_costs, "running_costs"),
        )]
        paras.append("（二）政府采购情况")
        if f.procurement:
            cats = [f"政府采购{c}预算{amount(f.procurement_by_category.get(c, Decimal('0.00')))}"
                    for c in ("货物", "工程", "服务")]
            paras.append(f"{self.year}年本部门政府采购预算{amount(f.procurement)}，其中：" + "、".join(cats) + "。")
        else:
            paras.append(f"{self.year}年本部门没有安排政府采购预算。")
        paras.append("（三）国有资产占用情况")
        a = self.facts.assets
        if a is not None:
            paras.append(
                f"截至{a.as_of or FILL}，本部门共有车辆{a.vehicles}辆，其中：一般公务用车{a.vehicles_general}辆、"
                f"执法执勤用车{a.vehicles_enforcement}辆、特种专业技术用车{a.vehicles_special}辆、"
                f"其他用车{a.vehicles_other}辆；单价50万元以上通用设备{a.equipment_general}台（套），"
                f"单价100万元以上专用设备{a.equipment_special}台（套）。")
        else:
            paras.append(f"截至{FILL}，本部门共有车辆{FILL}辆；单价50万元以上通用设备{FILL}台（套），"
                         f"单价100万元以上专用设备{FILL}台（套）。")
        paras.append("（四）预算绩效目标设置情况")
        if f.projects_count:
            key_amount = sum((v for _n, v in f.key_projects), Decimal("0.00"))
            text = f"本部门{self.year}年预算项目共{f.projects_count}个，{self.targets(f.projects_count)}"
            text += f"涉及资金{amount(f.projects_amount)}"
            if f.key_projects:
                text += f"；其中100万元以上的重点项目{len(f.key_projects)}个，资金{amount(key_amount)}"
            paras.append(text + "。")
        else:
            paras.append(f"本部门{self.year}年没有安排项目支出。")
        if self.facts.performance_note:
            paras.append(self.facts.performance_note)
        return tuple(paras)

    def targets(self, projects: int) -> str:
        """What the department entered about 绩效目标 ("全部设置了绩效目标，"); a placeholder when it
        entered nothing, never an assumption."""
        entered = self.facts.targets_count
        if entered is not None:
            return "全部设置了绩效目标，" if entered >= projects else f"其中{entered}个设置了绩效目标，"
        if self.facts.performance_note:  # its own words follow; no sentence of ours about targets
            return ""
        return f"设置绩效目标的项目{FILL}个，"


# --- final accounts -------------------------------------------------------------------------

_SUMMARY_INCOME = (
    ("fiscal", "财政拨款收入"),
    ("superior_subsidy", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated", "附属单位上缴收入"),
    ("other", "其他收入"),
)
_SPENDING = (
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("remit_superior", "上缴上级支出"),
    ("operating_expense", "经营支出"),
    ("affiliate_subsidy", "对附属单位补助支出"),
)
_FISCAL_INCOME = (
    ("general_budget", "一般公共预算财政拨款"),
    ("gov_fund", "政府性基金预算财政拨款"),
    ("state_capital", "国有资本经营预算财政拨款"),
)


class FinalWriter(_Writer):
    """The sections of a final account's 情况说明 (``family = "final"``)."""

    because = "主要原因是"

    def versus_budget(self, actual: Decimal, budget: Decimal | None, what: str, reason: str | None) -> str:
        """'完成预算的x%，决算数小于预算数的主要原因是…' (年初预算 / 预算 as ``what`` says)."""
        if budget is None:
            return f"完成{what}的{FILL}%"
        rate = completion(actual, budget)
        parts = [f"完成{what}的{fmt_plain(rate)}%"] if rate is not None else []
        short = what.replace("完成", "")
        if actual == budget:
            parts.append(f"决算数与{short}数一致")
        else:
            word = "大于" if actual > budget else "小于"
            parts.append(f"决算数{word}{short}数的主要原因是{reason or REASON_PLACEHOLDER}")
        return "，".join(parts)

    # --- sections -----------------------------------------------------------------------------

    def overall(self) -> Paras:
        f = self.f
        text = self.sentence(f"{self.year}年度收、支总计均为{amount(f.grand_total)}",
                             self.change(f.grand_total, self.prev.grand_total, "grand_total"))
        return (text,)

    def income(self) -> Paras:
        f = self.f
        whole = f.current_income
        fiscal = sum((f.income.get(k, ZERO) for k, _ in _FISCAL_INCOME_ITEMS), ZERO)
        values = {"fiscal": fiscal, **f.income}
        parts = []
        for key, label in _SUMMARY_INCOME:
            v = values.get(key, ZERO)
            if v:
                parts.append(f"{label}{amount(v)}，占{pct(share(v, whole) if whole else None)}")
        text = f"{self.year}年度收入合计{amount(whole)}"
        if parts:
            text += "，其中：" + "；".join(parts)
        return (text + "。",)

    def expenditure(self) -> Paras:
        f = self.f
        whole = f.current_expenditure if f.current_expenditure is not None else f.spending.get("total")
        parts = []
        for key, label in _SPENDING:
            v = f.spending.get(key, ZERO)
            if v or key in ("basic", "project"):
                parts.append(f"{label}{amount(v)}，占{pct(share(v, whole) if whole else None)}")
        text = f"{self.year}年度支出合计{amount(whole)}，其中：" + "；".join(parts) + "。"
        return (text,)

    def fiscal(self) -> Paras:
        f = self.f
        first = self.sentence(f"{self.year}年度财政拨款收、支总计均为{amount(f.fiscal_total)}",
                              self.change(f.fiscal_total, self.prev.fiscal_total, "fiscal_total"))
        sources = [f"{label}{amount(f.fiscal_income[k])}" for k, label in _FISCAL_INCOME if f.fiscal_income.get(k)]
        second = ""
        if sources:
            second = f"本年财政拨款收入{amount(f.fiscal_current)}，包括" + "、".join(sources)
            if f.fiscal_carryover:
                second += f"；年初财政拨款结转和结余{amount(f.fiscal_carryover)}"
            second += f"。本年财政拨款支出{amount(f.fiscal_spending)}"
            out = f.fiscal_carryover_out
            second += f"，年末财政拨款结转和结余{amount(out)}。" if out else "。"
        return tuple(p for p in (first, second) if p)

    def general(self) -> Paras:
        f = self.f
        gb = f.general_budget if f.general_budget is not None else ZERO
        whole = f.current_expenditure
        paras = ["（一）总体情况", self.sentence(
            f"{self.year}年度一般公共预算财政拨款支出{amount(gb)}，"
            f"占本年支出合计的{pct(share(gb, whole) if whole else None)}",
            self.change(gb, self.prev.general_budget, "general_budget"))]
        paras.append("（二）结构情况")
        if f.gb_classes and gb:
            parts = [f"{name}（类）{amount(v)}，占{pct(share(v, gb))}" for _c, name, v in f.gb_classes]
            paras.append(f"{self.year}年度一般公共预算财政拨款支出主要用于以下方面：" + "；".join(parts) + "。")
        else:
            paras.append(f"本部门{self.year}年度没有一般公共预算财政拨款支出。")
        paras.append("（三）具体情况")
        if f.gb_items:
            initial_total = (q2(sum(self.initial.values(), ZERO)) if self.initial else None)
            paras.append(
                f"{self.year}年度一般公共预算财政拨款支出年初预算为{amount(initial_total)}，支出决算为{amount(gb)}，"
                + self.versus_budget(gb, initial_total, "年初预算", self.facts.reasons.get("initial_budget"))
                + "。")
            for i, it in enumerate(f.gb_items, start=1):
                budget = self.initial.get(it.code) if self.initial else None
                if self.initial and budget is None:
                    budget = ZERO
                paras.append(self.sentence(
                    f"{i}. {it.class_name}（类）{it.kuan_name}（款）{it.name}（项）：年初预算为{amount(budget)}，"
                    f"支出决算为{amount(it.total)}",
                    self.versus_budget(it.total, budget, "年初预算", self.item_reasons.get(it.code))))
        return tuple(paras)

    def basic(self) -> Paras:
        f = self.f
        b = q2((f.personnel or ZERO) + (f.public or ZERO))
        paras = [f"{self.year}年度一般公共预算财政拨款基本支出{amount(b)}，其中："]
        for label, v, items in (("人员经费", f.personnel, f.personnel_items), ("公用经费", f.public, f.public_items)):
            v = v if v is not None else ZERO
            s = f"{label}{amount(v)}，占基本支出的{pct(share(v, b) if b else None)}"
            if items:
                s += "，主要包括" + "、".join(items)
            paras.append(s + "。")
        return tuple(paras)

    def three_public(self) -> Paras:
        t = self.f.three_public
        p = self.prev
        r = self.facts.reasons

        def b(k: str) -> Decimal:
            return t.get(f"budget.{k}", ZERO)

        def a(k: str) -> Decimal:
            return t.get(f"actual.{k}", ZERO)

        paras = ["（一）“三公”经费财政拨款支出决算总体情况", self.sentence(
            f"{self.year}年度“三公”经费财政拨款支出预算为{amount(b('total'))}，支出决算为{amount(a('total'))}",
            self.versus_budget(a("total"), b("total"), "预算", r.get("three_public")))]
        if p.three_public is not None:
            paras.append(self.sentence(
                "“三公”经费支出决算" + self.change(a("total"), p.three_public, "three_public_change")))
        paras.append("（二）“三公”经费财政拨款支出决算具体情况")
        whole = a("total")
        for n, key, label, reason_key in ((1, "abroad", "因公出国（境）费", "abroad"),
                                          (2, "vehicle", "公务用车购置及运行维护费", "vehicle"),
                                          (3, "reception", "公务接待费", "reception")):
            text = self.sentence(f"{n}. {label}支出预算为{amount(b(key))}，支出决算为{amount(a(key))}",
                                 f"占“三公”经费支出决算的{pct(share(a(key), whole))}" if whole else "",
                                 self.versus_budget(a(key), b(key), "预算", r.get(reason_key)))
            paras.append(text)
            if key == "vehicle":
                paras.append(self.sentence(
                    f"其中：公务用车购置费支出决算{amount(a('vehicle_purchase'))}，"
                    f"公务用车运行维护费支出决算{amount(a('vehicle_operation'))}"))
                if self.facts.vehicles_fiscal is not None:
                    paras.append(f"截至{self.year}年12月31日，本部门开支财政拨款的公务用车保有量为"
                                 f"{self.facts.vehicles_fiscal}辆。")
        return tuple(paras)

    def gov_fund(self) -> Paras:
        g = self.f.gov_fund
        if not any(g.values()):
            text = (f"本部门{self.year}年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，"
                    "政府性基金预算财政拨款收入支出决算表为空表。")
        else:
            text = (f"{self.year}年度政府性基金预算财政拨款年初结转和结余{amount(g.get('carryover', ZERO))}，"
                    f"本年收入{amount(g.get('current_income', ZERO))}，本年支出{amount(g.get('total', ZERO))}，"
                    f"年末结转和结余{amount(g.get('carryover_out', ZERO))}。")
        return (text,)

    def state_capital(self) -> Paras:
        s = self.f.state_capital
        if not s.get("total"):
            text = (f"本部门{self.year}年度没有使用国有资本经营预算财政拨款安排的支出，"
                    "国有资本经营预算财政拨款支出决算表为空表。")
        else:
            text = f"{self.year}年度国有资本经营预算财政拨款支出{amount(s['total'])}。"
        return (text,)

    def running_costs(self) -> Paras:
        running = self.facts.running_costs if self.facts.running_costs is not None else self.f.public
        text = self.sentence(f"{self.year}年度本部门机关运行经费支出{amount(running)}",
                             self.change(running, self.prev.running_costs, "running_costs"))
        return (text,)

    def procurement(self) -> Paras:
        p = self.facts.procurement
        if p is None:
            return (f"{self.year}年度本部门政府采购支出总额{FILL}万元，其中：政府采购货物支出{FILL}万元、"
                    f"政府采购工程支出{FILL}万元、政府采购服务支出{FILL}万元。",)
        whole = q2(p.goods + p.works + p.services)
        if whole == 0:
            return (f"本部门{self.year}年度没有政府采购支出。",)
        text = (f"{self.year}年度本部门政府采购支出总额{amount(whole)}，其中：政府采购货物支出{amount(p.goods)}、"
                f"政府采购工程支出{amount(p.works)}、政府采购服务支出{amount(p.services)}。")
        if p.sme is not None:
            text += f"授予中小企业合同金额{amount(p.sme)}，占政府采购支出总额的{pct(share(p.sme, whole))}"
            if p.small_micro is not None:
                text += (f"，其中：授予小微企业合同金额{amount(p.small_micro)}，"
                         f"占授予中小企业合同金额的{pct(share(p.small_micro, p.sme))}")
            text += "。"
        return (text,)

    def assets(self) -> Paras:
        a = self.facts.assets
        if a is None:
            text = (f"截至{self.year}年12月31日，本部门共有车辆{FILL}辆；单位价值50万元以上通用设备{FILL}台（套），"
                    f"单位价值100万元以上专用设备{FILL}台（套）。")
        else:
            text = (f"截至{a.as_of or f'{self.year}年12月31日'}，本部门共有车辆{a.vehicles}辆，其中：一般公务用车"
                    f"{a.vehicles_general}辆、执法执勤用车{a.vehicles_enforcement}辆、特种专业技术用车"
                    f"{a.vehicles_special}辆、其他用车{a.vehicles_other}辆；单位价值50万元以上通用设备"
                    f"{a.equipment_general}台（套），单位价值100万元以上专用设备{a.equipment_special}台（套）。")
        return (text,)

    def performance(self) -> Paras:
        note = self.facts.performance_note or (
            f"【请填写{self.year}年度预算绩效管理工作开展情况、部门整体支出绩效自评结果和项目支出绩效自评结果】")
        return (note,)


_FISCAL_INCOME_ITEMS = (("general_budget", ""), ("gov_fund", ""), ("state_capital", ""))

# The writer of each layout family.
WRITERS: dict[str, type[_Writer]] = {"budget": BudgetWriter, "final": FinalWriter}


def narrate(disclosure: Any, layout: DocumentLayout, previous: Previous | None = None, facts: Facts | None = None,
            initial: Mapping[str, Decimal] | None = None,
            item_reasons: Mapping[str, str] | None = None) -> list[NarrativeSection]:
    """The sections of 情况说明 the layout lists, in its order, with its headings.

    ``initial``: 年初预算数 by 项 code of 一般公共预算财政拨款 (final accounts; empty: not known,
    placeholders); ``item_reasons``: why a 项's 决算数 differs from it.
    """
    figures = FIGURES[layout.family](disclosure)
    writer = WRITERS[layout.family](figures, previous or Previous(), facts or Facts(), year_word=layout.year_word,
                                    initial=initial, item_reasons=item_reasons)
    out = []
    for section, heading in layout.narrative:
        say = getattr(writer, section, None)
        if section.startswith("_") or not callable(say):
            raise BadLayout(f"版式 {layout.name} 的情况说明没有“{section}”一节 (unknown narrative section)")
        out.append(NarrativeSection(heading, tuple(say())))
    return out
