"""What a rule gets besides the disclosure: last year's disclosure, settings, and counters.

``CheckSettings`` names every threshold of this stage (STYLE 12).  None of them is an amount
tolerance: tolerance comes only from the printed digits (``numbers.Interval``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from cnbudget.model import Disclosure

T = TypeVar("T")


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds of the check stage.

    ``near_miss_digits``: a stated share or rate that misses the computed interval by at most
    this many units of its own last printed digit is a ``warning`` (尾差调整, e.g. shares forced
    to add up to 100%), not an ``error``.
    ``max_could_not_verify``: at most this many ``verify.could_not_verify`` findings per rule
    (the coverage counters keep the full count).
    """

    near_miss_digits: int = 1
    max_could_not_verify: int = 5


@dataclass
class Coverage:
    """How much of the document was verified: identities/comparisons checked vs not."""

    checked: int = 0
    unverified: int = 0
    rules_run: int = 0
    rules_skipped: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=dict)  # id → [checked, unverified]
    # how much of the document was verified: financial tables read reliably, their rows, and
    # the narrative's figures tied to a verified table
    tables: int = 0
    tables_verified: int = 0
    rows: int = 0
    rows_verified: int = 0
    claims: int = 0
    claims_verified: int = 0

    def verified_share(self) -> float | None:
        """Share of the financial tables' rows read reliably (None: no such table)."""
        return self.rows_verified / self.rows if self.rows else None

    def summary_zh(self) -> str:
        """One line for people: 已核验表格 9/10，行 120/131，说明中的数字 40/52."""
        return (
            f"已核验表格 {self.tables_verified}/{self.tables}，行 {self.rows_verified}/{self.rows}，"
            f"说明中的数字 {self.claims_verified}/{self.claims}"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "checked": self.checked,
            "could_not_verify": self.unverified,
            "rules_run": self.rules_run,
            "rules_not_applicable": self.rules_skipped,
            "tables": self.tables,
            "tables_verified": self.tables_verified,
            "rows": self.rows,
            "rows_verified": self.rows_verified,
            "claims": self.claims,
            "claims_verified": self.claims_verified,
        }


@dataclass
class Context:
    """Per-run state handed to every rule."""

    against: Disclosure | None = None
    settings: CheckSettings = field(default_factory=CheckSettings)
    coverage: Coverage = field(default_factory=Coverage)
    current_rule: str = ""
    # indexes of a disclosure several rules read (built by the first that asks): name → (the
    # disclosure it was built from, the index)
    _indexes: dict[str, tuple[Disclosure, object]] = field(default_factory=dict, repr=False)

    def index(self, name: str, doc: Disclosure, build: Callable[[Disclosure], T]) -> T:
        """``build(doc)``, built once per run and shared by the rules that ask for ``name``."""
        hit = self._indexes.get(name)
        if hit is not None and hit[0] is doc:
            return cast(T, hit[1])
        built = build(doc)
        self._indexes[name] = (doc, built)
        return built

    def checked(self, n: int = 1) -> None:
        self.coverage.checked += n
        self.coverage.by_rule.setdefault(self.current_rule, [0, 0])[0] += n

    def unverified(self, n: int = 1) -> None:
        self.coverage.unverified += n
        self.coverage.by_rule.setdefault(self.current_rule, [0, 0])[1] += n
