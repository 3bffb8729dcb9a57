"""The bundled example builds, and every total in it equals the sum of its parts exactly."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.produce.consistency import verify
from cnbudget.produce.derive import derive_disclosure


def _sum(values):
    return sum(values, Decimal(0))


def test_example_writes_the_named_file(example, tmp_path):
    assert example.main(["make_example.py", str(tmp_path)]) == 0
    out = tmp_path / "示例市数据管理局2025年部门预算.txt"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("示例市数据管理局（本级）2025年部门预算")
    for heading in ("第一部分", "第二部分", "第三部分 名词解释", "2025年部门收支预算表", "2025年政府采购预算表"):
        assert heading in text
    assert "\n\n\t" not in text  # no table row after a blank line inside a table


def test_example_totals_are_exact_sums(example):
    d = derive_disclosure(example.build_input())
    exp = d.table("expenditure")
    total = exp.total_row().values
    classes = [r for r in exp.rows if r.code and len(r.code) == 3]
    items = [r for r in exp.rows if r.code and len(r.code) == 7]
    for col in total:
        assert total[col] == _sum(r.values.get(col, Decimal(0)) for r in classes)
        assert total[col] == _sum(r.values.get(col, Decimal(0)) for r in items)
    for r in exp.rows:
        v = r.values
        assert v["total"] == v.get("basic", 0) + v.get("project", 0)
        assert v.get("basic", 0) == _sum(v.get(c, Decimal(0)) for c in ("wages", "household", "goods_services",
                                                                        "capital"))
    basic = d.table("basic_expenditure").total_row().values
    assert basic["total"] == basic["personnel"] + basic["public"] == total["basic"]
    summary = d.table("summary")
    assert summary.row_by_item("income", "grand_total").values["total"] == total["total"]
    assert summary.row_by_item("expenditure", "grand_total").values["total"] == total["total"]
    three = d.table("three_public").rows[0].values
    assert three["total"] == three["abroad"] + three["vehicle"] + three["reception"]
    assert three["vehicle"] == three["vehicle_purchase"] + three["vehicle_operation"]
    projects = d.table("projects")
    assert projects.total_row().values["total"] == total["project"]
    assert verify(d) == []


def test_example_narrative_restates_the_figures(example):
    text = "\n".join(b.text for b in example.build().blocks if hasattr(b, "text"))
    # 971.02 = this year's total; 1055.80 last year's: Δ = -84.78, rate = -84.78 / 1055.80 = -8.03%
    assert "收入总计971.02万元" in text
    assert "减少84.78万元，下降8.03%" in text
    assert "基本支出719.52万元，占74.10%" in text
    assert "【请填写主要原因】" not in text
