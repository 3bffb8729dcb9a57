"""The 情况说明 of a budget disclosure, generated sentence by sentence from its key figures.

Every amount, share (占 x%) and change (增加/减少 x 万元、增长/下降 y%) is computed here from the
tables' figures and last year's figures; y = Δ / last year, rounded half up to 2 decimals.
The reasons after 主要原因 are the department's words: ``Facts.reasons`` or the placeholder
``REASON_PLACEHOLDER``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cnbudget.produce.figures import KeyFigures
from cnbudget.produce.inputs import Facts, PreviousYear
from cnbudget.produce.money import fmt_plain, growth, q2, share

REASON_PLACEHOLDER = "【请填写主要原因】"
FILL = "【请填写】"

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


@dataclass(frozen=True)
class NarrativeSection:
    heading: str
    paragraphs: tuple[str, ...]


def amount(v: Decimal | None) -> str:
    return f"{fmt_plain(v)}万元" if v is not None else f"{FILL}万元"


def pct(v: Decimal | None) -> str:
    return f"{fmt_plain(v)}%" if v is not None else f"{FILL}%"


class _Writer:
    def __init__(self, f: KeyFigures, prev: PreviousYear, facts: Facts) -> None:
        self.f = f
        self.prev = prev
        self.facts = facts
        self.year = f.year
        self.py = prev.year or (f.year - 1 if f.year else None)
        self.dept = f.department or "本部门"

    def reason(self, key: str) -> str:
        return self.facts.reasons.get(key) or REASON_PLACEHOLDER

    def change(self, current: Decimal | None, previous: Decimal | None, key: str, *, subject: str = "",
               with_reason: bool = True) -> str:
        """'比2024年增加12.00万元，增长3.10%，主要原因：…' — or '' when last year is unknown."""
        if current is None or previous is None:
            return ""
        delta = q2(current - previous)
        if delta == 0:
            return f"与{self.py}年{subject}持平"
        word, rate_word = ("增加", "增长") if delta > 0 else ("减少", "下降")
        rate = growth(current, previous)
        text = f"比{self.py}年{subject}{word}{fmt_plain(abs(delta))}万元"
        if rate is not None:
            text += f"，{rate_word}{fmt_plain(abs(rate))}%"
        if with_reason:
            text += f"，主要原因：{self.reason(key)}"
        return text

    def sentence(self, *parts: str) -> str:
        body = "，".join(p for p in parts if p)
        return body.rstrip("。") + "。"

    # --- sections ---------------------------------------------------------------------------

    def overall(self) -> NarrativeSection:
        f = self.f
        text = self.sentence(
            f"{self.dept}{self.year}年收入总计{amount(f.grand_total)}，支出总计{amount(f.grand_total)}",
            self.change(f.grand_total, self.prev.grand_total, "grand_total", subject="收、支总计各"),
        )
        return NarrativeSection("一、收入支出预算总体情况", (text,))

    def income(self) -> NarrativeSection:
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
        return NarrativeSection("二、收入预算总体情况", (text + "。",))

    def expenditure(self) -> NarrativeSection:
        f = self.f
        whole = f.expenditure_total
        parts = []
        for label, v in (("基本支出", f.basic), ("项目支出", f.project)):
            if v is None:
                v = Decimal("0.00")
            parts.append(f"{label}{amount(v)}，占{pct(share(v, whole) if whole else None)}")
        text = f"{self.dept}{self.year}年支出合计{amount(whole)}，其中：" + "；".join(parts) + "。"
        return NarrativeSection("三、支出预算总体情况", (text,))

    def fiscal(self) -> NarrativeSection:
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
        return NarrativeSection("四、财政拨款收支预算总体情况", tuple(p for p in (first, second) if p))

    def general(self) -> NarrativeSection:
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
        return NarrativeSection("五、一般公共预算支出预算情况", tuple(paras))

    def basic(self) -> NarrativeSection:
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
        return NarrativeSection("六、一般公共预算基本支出预算情况", (text,))

    def three_public(self) -> NarrativeSection:
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
            self.change(t.get("vehicle", zero), p.vehicle, "vehicle", with_reason=False),
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
        return NarrativeSection("七、一般公共预算“三公”经费预算情况", tuple(lines))

    def gov_fund(self) -> NarrativeSection:
        v = self.f.gov_fund
        if not v:
            text = f"本部门{self.year}年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。"
        else:
            text = f"{self.dept}{self.year}年政府性基金预算支出{amount(v)}。"
        return NarrativeSection("八、政府性基金预算支出情况", (text,))

    def state_capital(self) -> NarrativeSection:
        v = self.f.state_capital
        if not v:
            text = f"本部门{self.year}年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。"
        else:
            text = f"{self.dept}{self.year}年国有资本经营预算支出{amount(v)}。"
        return NarrativeSection("九、国有资本经营预算支出情况", (text,))

    def others(self) -> NarrativeSection:
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
            text = (f"本部门{self.year}年预算项目共{f.projects_count}个，全部设置了绩效目标，"
                    f"涉及资金{amount(f.projects_amount)}")
            if f.key_projects:
                text += f"；其中100万元以上的重点项目{len(f.key_projects)}个，资金{amount(key_amount)}"
            paras.append(text + "。")
        else:
            paras.append(f"本部门{self.year}年没有安排项目支出。")
        if self.facts.performance_note:
            paras.append(self.facts.performance_note)
        return NarrativeSection("十、其他重要事项的情况说明", tuple(paras))


def budget_narrative(figures: KeyFigures, previous: PreviousYear, facts: Facts) -> list[NarrativeSection]:
    """The sections of 第二部分 情况说明 of a budget disclosure, in the standard order."""
    w = _Writer(figures, previous, facts)
    return [w.overall(), w.income(), w.expenditure(), w.fiscal(), w.general(), w.basic(), w.three_public(),
            w.gov_fund(), w.state_capital(), w.others()]
