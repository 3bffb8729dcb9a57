"""Random consistent budgets render consistently: tables sum, the narrative restates them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnbudget.model import Meta
from cnbudget.produce.consistency import verify
from cnbudget.produce.derive import derive_disclosure
from cnbudget.produce.document import assemble
from cnbudget.produce.inputs import (
    BudgetInput,
    EconomicLine,
    FunctionLine,
    PreviousYear,
    Project,
    ThreePublic,
)
from cnbudget.produce.money import growth, share
from cnbudget.render.text import render_text

ITEMS = ("2010301", "2080505", "2101101", "2210201")
amounts = st.integers(min_value=1, max_value=9_999_999).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def budgets(draw):
    wages = [draw(amounts) for _ in ITEMS]
    goods = draw(amounts)
    project = draw(amounts)
    lines = [FunctionLine(code=c, name=f"项{c}", wages=w) for c, w in zip(ITEMS, wages, strict=True)]
    lines[0] = FunctionLine(code=ITEMS[0], name="行政运行", wages=wages[0], goods_services=goods)
    lines.append(FunctionLine(code="2010302", name="一般行政管理事务", project_specific=project))
    econ = (EconomicLine("30101", "基本工资", sum(wages, Decimal(0))), EconomicLine("30201", "办公费", goods))
    three = ThreePublic(abroad=draw(amounts), vehicle_operation=draw(amounts), reception=draw(amounts))
    previous = PreviousYear(year=2024, grand_total=draw(amounts))
    return BudgetInput(
        meta=Meta(department="随机局", year=2025, kind="budget", scope="unit", unit="万元"),
        dept_code="900", unit_code="900001", unit_name="随机局", function_lines=tuple(lines),
        economic_lines=econ, projects=(Project("随机项目", "特定目标类", project),), three_public=three,
        previous=previous,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_random_budget_renders_consistently(inp):
    d = derive_disclosure(inp)
    assert verify(d) == []
    total = d.table("expenditure").total_row().values["total"]
    assert total == sum((ln.wages + ln.goods_services + ln.project_specific for ln in inp.function_lines),
                        Decimal(0))
    text = render_text(assemble(d, previous=inp.previous))
    assert f"收入总计{total:.2f}万元" in text
    basic = d.table("expenditure").total_row().values["basic"]
    assert f"基本支出{basic:.2f}万元，占{share(basic, total):.2f}%" in text
    prev = inp.previous.grand_total
    delta = total - prev
    if delta:
        rate = growth(total, prev)
        word = "增加" if delta > 0 else "减少"
        assert f"{word}{abs(delta):.2f}万元" in text
        assert f"{abs(rate):.2f}%" in text
