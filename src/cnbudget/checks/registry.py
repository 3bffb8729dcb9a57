"""The rule registry: ``@rule`` registers a rule function into ``RULES``.

A rule is a function ``(doc: Disclosure, ctx: Context) -> Iterable[Finding]``.  It yields
findings and never raises for bad data, prints, or tests its own applicability: the decorator
says where it applies (``kinds``: the table kinds it reads — it runs when the disclosure has at
least one of them; ``doc_kinds``: budget / final documents; ``needs_against``: only when last
year's disclosure is given; ``table_local``: what it finds on a document is exactly what it finds
on each table alone, in table order — it reads no other table and no claim, so the engine may
reuse the findings it already has from judging each table's reliability).

Ids are stable and dotted (``sum.rows``, ``cross.summary_vs_income``, ``claim.rate``).  Ids that
no single function owns (``engine.rule_failed``, ``verify.could_not_verify``) are ``declare``d.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from cnbudget.model import Disclosure, Finding, Source

if TYPE_CHECKING:  # pragma: no cover
    from cnbudget.checks.context import Context

SEVERITIES = ("error", "warning", "info")

RuleFunc = Callable[[Disclosure, "Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One registered rule.  ``func`` is ``None`` for declared, engine-level ids."""

    id: str
    severity: str
    description: str
    kinds: tuple[str, ...] = ()
    doc_kinds: tuple[str, ...] = ("budget", "final")
    needs_against: bool = False
    table_local: bool = False
    module: str = ""
    func: RuleFunc | None = field(default=None, compare=False, repr=False)

    def applies_to(self, doc: Disclosure, has_against: bool) -> bool:
        if self.func is None:
            return False
        if self.needs_against and not has_against:
            return False
        if doc.meta.kind and doc.meta.kind not in self.doc_kinds:
            return False
        return not (self.kinds and not any(t.kind in self.kinds for t in doc.tables))


RULES: dict[str, Rule] = {}


def _register(r: Rule) -> None:
    if r.severity not in SEVERITIES:
        raise ValueError(f"rule {r.id}: severity must be one of {SEVERITIES}")
    if r.id in RULES:
        raise ValueError(f"rule id registered twice: {r.id}")
    if not r.description or "—" not in r.description:
        raise ValueError(f"rule {r.id}: description must read '中文 — English'")
    RULES[r.id] = r


def rule(
    id: str,
    *,
    severity: str,
    description: str,
    kinds: tuple[str, ...] = (),
    doc_kinds: tuple[str, ...] = ("budget", "final"),
    needs_against: bool = False,
    table_local: bool = False,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under ``id`` (see the module docstring)."""

    def deco(func: RuleFunc) -> RuleFunc:
        _register(
            Rule(
                id=id,
                severity=severity,
                description=description,
                kinds=tuple(kinds),
                doc_kinds=tuple(doc_kinds),
                needs_against=needs_against,
                table_local=table_local,
                module=func.__module__,
                func=func,
            )
        )
        func.rule_id = id  # type: ignore[attr-defined]
        return func

    return deco


def declare(id: str, *, severity: str, description: str) -> None:
    """Register an id that the engine or several rules emit (no function of its own)."""
    if id not in RULES:
        _register(Rule(id=id, severity=severity, description=description, module=__name__))


def finding(
    rule_id: str,
    message: str,
    *,
    severity: str | None = None,
    table: str | None = None,
    row: str | None = None,
    column: str | None = None,
    expected: Decimal | None = None,
    actual: Decimal | None = None,
    source: Source | None = None,
    text: str | None = None,
) -> Finding:
    """A Finding with the rule's registered severity unless one is given."""
    sev = severity or RULES[rule_id].severity
    return Finding(
        rule=rule_id,
        severity=sev,
        message=message,
        table=table,
        row=row,
        column=column,
        expected=expected,
        actual=actual,
        source=source,
        text=text,
    )


declare(
    "engine.rule_failed",
    severity="warning",
    description="规则执行出错，该项未能核验 — a rule crashed; what it checks was not verified",
)
declare(
    "verify.could_not_verify",
    severity="info",
    description="缺少所需的表、列或单位，无法核验 — a rule could not verify (table, column or unit missing or uncertain)",
)
