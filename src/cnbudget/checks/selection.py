"""Which findings a person asked to see: ``--min-severity``, ``--ignore``, ``--show-info``.

``Selection`` is the noise a person controls (from the command line or ``cnbudget.toml``,
see ``cnbudget.config``).  ``select(report)`` drops the findings below the minimum severity or
of an ignored rule and says how many it dropped; ``show_info`` only tells the text and HTML
reports whether to list info findings or fold them into a count (the JSON and the findings
sheet list every finding that was selected).  Rule patterns are rule ids or shell patterns
("code.*"); a pattern that names no rule is refused, so a typo never silences nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from cnbudget.checks.engine import CheckReport
from cnbudget.errors import CnbudgetError
from cnbudget.model import Finding

SEVERITIES = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_ZH = {"错误": "error", "警告": "warning", "提示": "info"}


def severity_id(value: str, place: str = "--min-severity") -> str:
    """``error|warning|info`` (or 错误/警告/提示) → the id; anything else is refused."""
    v = _ZH.get(value.strip(), value.strip().lower())
    if v not in _RANK:
        raise CnbudgetError(f"级别只能是 error、warning 或 info（错误/警告/提示），而不是“{value}”", place=place)
    return v


@dataclass(frozen=True)
class Selection:
    min_severity: str = "info"
    ignore: tuple[str, ...] = ()
    show_info: bool = False

    def keeps(self, f: Finding) -> bool:
        if _RANK.get(f.severity, 2) > _RANK[self.min_severity]:
            return False
        return not any(fnmatchcase(f.rule, pat) for pat in self.ignore)

    def validate(self, rule_ids: set[str]) -> Selection:
        """Refuse an ``ignore`` pattern that matches no rule (a typo would silence nothing)."""
        for pat in self.ignore:
            if not any(fnmatchcase(r, pat) for r in rule_ids):
                raise CnbudgetError(f"没有名为“{pat}”的规则（cnbudget rules 列出全部规则）", place="--ignore")
        return self

    @property
    def active(self) -> bool:
        return self.min_severity != "info" or bool(self.ignore)

    def describe(self) -> str:
        parts = []
        if self.min_severity != "info":
            parts.append(f"--min-severity {self.min_severity}")
        if self.ignore:
            parts.append("--ignore " + ",".join(self.ignore))
        return " ".join(parts)


@dataclass(frozen=True)
class Selected:
    """A report with only the selected findings, and how many were dropped."""

    report: CheckReport
    hidden: int = 0


def select(report: CheckReport, selection: Selection) -> Selected:
    if not selection.active:
        return Selected(report, 0)
    kept = tuple(f for f in report.findings if selection.keeps(f))
    return Selected(replace(report, findings=kept), len(report.findings) - len(kept))


def parse_rules(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """``["a,b", "c"]`` → ``("a", "b", "c")``."""
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)
