"""Small helpers shared by the rule families (no rules here)."""

from __future__ import annotations

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding
from cnbudget.checks.values import table_label
from cnbudget.model import Finding, Table


def could_not_verify(
    ctx: Context, what: str, reason: str, table: Table | None = None, column: str | None = None
) -> Finding:
    """Fail closed: say what could not be verified and why (``verify.could_not_verify``)."""
    ctx.unverified()
    where = f"{table_label(table)}：" if table is not None else ""
    return finding(
        "verify.could_not_verify",
        f"{where}无法核验{what}：{reason} — could not verify ({ctx.current_rule})",
        table=table.kind if table is not None else None,
        column=column,
        source=table.source if table is not None else None,
    )
