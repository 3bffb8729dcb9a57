"""A claim that names a row by its printed name (``Ref.by_name``) is checked against that row."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.narrative import resolve_all
from cnbudget.document import Source
from cnbudget.model import Column, Disclosure, Meta, Ref, Row, Table


def test_a_row_known_by_its_name_is_found():
    src = Source(page=3)
    table = Table("projects", "项目支出表", "万元", (Column("total", "合计"),),
                  (Row(None, "测绘成果管理", {"total": Decimal("529.23")}, src),
                   Row(None, "综合管理", {"total": Decimal("50")}, src)), src)
    doc = Disclosure(file="x.pdf", meta=Meta(department="示例市测绘局", region="示例市", year=2025, kind="budget",
                                             unit="万元"), tables=(table,))
    found = resolve_all(doc, Ref.by_name("projects", "测绘成果 管理"))
    assert [r.shown for r in found] == [Decimal("529.23")]
    assert resolve_all(doc, Ref.by_name("projects", "测绘管理")) == []


def test_a_figure_in_wan_cut_from_a_table_in_yuan_is_info():
    from cnbudget.checks import check_disclosure
    from cnbudget.model import Claim

    src = Source(page=3)
    table = Table("general_expenditure", "一般公共预算支出表", "元", (Column("total", "合计"),),
                  (Row(None, "合计", {"total": Decimal("936647884.33")}, src, item="total"),), src)

    def finding_of(value: str):
        claim = Claim(id=1, text="一般公共预算支出", kind="amount", value=Decimal(value), unit="万元",
                      subject="一般公共预算支出", source=src, refers_to=Ref("general_expenditure", "total", "total"))
        doc = Disclosure(file="x.pdf", meta=Meta(department="示例市测绘局", region="示例市", year=2025,
                                                 kind="budget", unit="元"), tables=(table,), claims=(claim,))
        return [f for f in check_disclosure(doc).findings if f.rule == "claim.amount"]

    assert [f.severity for f in finding_of("93664.78")] == ["info"]  # 93,664.788… cut, not rounded
    assert [f.severity for f in finding_of("93664.70")] == ["error"]
    assert finding_of("93664.79") == []
