"""Recipes of the other tables: economic classification, "三公"经费, projects, procurement.

    economic_classes    一般公共预算基本支出表 (budget): each economic 类 and its 款, 人员/公用经费
    economic_groups     公开06表 (final): every standard item of the layout's column ``groups``
                        (blank where unused), then 人员经费合计 and 公用经费合计
    three_public        一般公共预算“三公”经费预算表: one line, its parts and sums
    three_public_final  公开09表: 预算数 and 决算数 side by side
    projects            项目支出预算表: one line per project, by fund
    procurement         政府采购预算表: one line per item, by fund
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal

from cnbudget.model import Row, Table
from cnbudget.produce.inputs import BudgetInput, FinalInput, ThreePublic
from cnbudget.produce.layout import DocumentLayout, TableLayout
from cnbudget.produce.money import total
from cnbudget.produce.recipe import NO_SOURCE, ZERO, make_table, recipe, values

ECONOMIC_CLASSES: dict[str, str] = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "307": "债务利息及费用支出",
    "309": "资本性支出（基本建设）",
    "310": "资本性支出",
    "312": "对企业补助",
    "399": "其他支出",
}

# Economic classes whose items are 人员经费 (the rest of basic expenditure is 公用经费).
PERSONNEL_CLASSES = frozenset({"301", "303"})


@recipe("economic_classes")
def _economic_classes(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    lines = list(inp.economic_lines)

    def vals(members: list) -> dict[str, Decimal]:
        personnel = total(m.amount for m in members if m.code[:3] in PERSONNEL_CLASSES)
        public = total(m.amount for m in members if m.code[:3] not in PERSONNEL_CLASSES)
        return values([("total", total([personnel, public])), ("personnel", personnel), ("public", public)],
                      keep_zero=("total",))

    rows = [Row(code=None, name="合计", values=vals(lines), source=NO_SOURCE, item="total")]
    for cls in sorted({ln.code[:3] for ln in lines}):
        members = [ln for ln in lines if ln.code.startswith(cls)]
        rows.append(Row(code=cls, name=ECONOMIC_CLASSES.get(cls, cls), values=vals(members), source=NO_SOURCE))
        for ln in sorted(members, key=lambda m: m.code):
            texts = {k: v for k, v in (("gov_code", ln.gov_code), ("gov_name", ln.gov_name)) if v}
            rows.append(Row(code=ln.code, name=ln.name, values=vals([ln]), source=NO_SOURCE, texts=texts))
    return make_table(layout, doc, inp.meta, rows)


def basic_rows(amounts: Mapping[str, Decimal], names: Mapping[str, str], layout: TableLayout,
               standard: Mapping[str, str]) -> list[Row]:
    """Every standard economic item of the column groups (blank where unused), each class the
    sum of its items, then 人员经费合计 (the first group) and 公用经费合计 (the others)."""
    groups = layout.groups
    personnel_classes = frozenset(groups[0])
    codes = set(standard) | set(amounts)
    rows: list[Row] = []
    for group in groups:
        for cls in group:
            items = sorted(c for c in codes if len(c) > 3 and c[:3] == cls)
            rows.append(Row(code=cls, name=names.get(cls) or standard.get(cls, cls),
                            values=values([("total", total(amounts.get(c, ZERO) for c in items))]),
                            source=NO_SOURCE))
            for c in items:
                rows.append(Row(code=c, name=names.get(c) or standard.get(c, c),
                                values=values([("total", total([amounts.get(c, ZERO)]))]), source=NO_SOURCE))
    extra = sorted(c for c in amounts if all(c[:3] not in g for g in groups))
    for c in extra:  # a class the standard form lacks: printed in the last group
        rows.append(Row(code=c, name=names.get(c, c), values=values([("total", amounts[c])]), source=NO_SOURCE))
    personnel = total(v for c, v in amounts.items() if c[:3] in personnel_classes)
    public = total(v for c, v in amounts.items() if c[:3] not in personnel_classes)
    rows.append(Row(code=None, name="人员经费合计", values={"total": personnel}, source=NO_SOURCE,
                    item="personnel_total"))
    rows.append(Row(code=None, name="公用经费合计", values={"total": public}, source=NO_SOURCE,
                    item="public_total"))
    return rows


@recipe("economic_groups")
def _economic_groups(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    names: dict[str, str] = {}
    for e in inp.economic_lines:
        amounts[e.code] += e.amount
        names[e.code] = e.name
    return make_table(layout, doc, inp.meta, basic_rows(dict(amounts), names, layout, doc.economic_items))


def three_public_values(prefix: str, t: ThreePublic) -> dict[str, Decimal]:
    """The six columns of "三公"经费 from its four parts (``prefix``: "" or "budget." / "actual.")."""
    vehicle = total([t.vehicle_purchase, t.vehicle_operation])
    return {
        f"{prefix}total": total([t.abroad, vehicle, t.reception]),
        f"{prefix}abroad": total([t.abroad]),
        f"{prefix}vehicle": vehicle,
        f"{prefix}vehicle_purchase": total([t.vehicle_purchase]),
        f"{prefix}vehicle_operation": total([t.vehicle_operation]),
        f"{prefix}reception": total([t.reception]),
    }


@recipe("three_public")
def _three_public(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    rows = [Row(code=None, name=None, values=three_public_values("", inp.three_public), source=NO_SOURCE,
                item="total")]
    return make_table(layout, doc, inp.meta, rows)


@recipe("three_public_final")
def _three_public_final(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    t = inp.three_public
    vals = {**three_public_values("budget.", t.budget), **three_public_values("actual.", t.actual)}
    rows = [Row(code=None, name="“三公”经费", values=vals, source=NO_SOURCE, item="total")]
    return make_table(layout, doc, inp.meta, rows)


_FUND_COLUMN = {"general_budget": "general_budget", "gov_fund": "gov_fund", "state_capital": "state_capital",
                "special_account": "special_account", "business": "unit_funds", "other": "unit_funds"}


def _fund_values(items: list) -> dict[str, Decimal]:
    pairs = [("total", total(x.amount for x in items))]
    for col in ("general_budget", "gov_fund", "state_capital", "special_account", "unit_funds"):
        pairs.append((col, total(x.amount for x in items if _FUND_COLUMN.get(x.fund) == col)))
    return values(pairs)


@recipe("projects")
def _projects(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    projects = list(inp.projects)
    rows = [Row(code=None, name="合计", values=_fund_values(projects) if projects else {}, source=NO_SOURCE,
                item="total")]
    for p in projects:
        rows.append(Row(code=p.code, name=p.name, values=_fund_values([p]), source=NO_SOURCE,
                        texts={"项目类型": p.category, "项目单位": inp.unit_name}))
    return make_table(layout, doc, inp.meta, rows)


@recipe("procurement")
def _procurement(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    items = list(inp.procurement)
    rows = [Row(code=None, name="合计", values=_fund_values(items) if items else {}, source=NO_SOURCE,
                item="total")]
    for it in items:
        rows.append(Row(code=None, name=it.item, values=_fund_values([it]), source=NO_SOURCE,
                        texts={"项目名称": it.project, "采购类别": it.category}))
    return make_table(layout, doc, inp.meta, rows)
