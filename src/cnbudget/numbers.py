"""Amounts as printed: parsing cell text into ``Decimal`` and the rounding interval it stands for.

A published figure printed with *d* decimals stands for every value within ±0.5·10⁻ᵈ of it
(DESIGN.md, "Numbers and tolerance").  ``Decimal`` keeps its exponent, so ``Decimal("79")``,
``Decimal("79.0")`` and ``Decimal("79.00")`` remember how they were printed; that is all the
tolerance machinery needs.  Nothing here uses float.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Cells that mean "nothing here" (absent, not zero).
_ABSENT = {"", "-", "—", "–", "－", "──", "——", "--", "/", "／", "…", "...", "×", "无"}

# OCR puts spaces after separators ("1, 442. 80"); full-width forms are folded by NFKC.
# Some spreadsheets print only the last separator ("120258,600" for 120,258,600): the groups
# after a comma are always three digits, the first may be longer.
_AMOUNT_RE = re.compile(
    r"""^(?P<sign>[-−+])?\s*
        (?P<int>\d+(?:\s*,\s*\d{3})+|\d+)
        (?:\s*\.\s*(?P<frac>\d+))?$""",
    re.VERBOSE,
)


def normalize_text(text: str) -> str:
    """NFKC-fold (full-width digits and punctuation) and trim a cell."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_amount(text: str | None) -> Decimal | None:
    """Parse a printed amount; ``None`` for a blank or dash cell, or for text that is no number.

    Accepts "1,942.11", "1, 442. 80", "1942.1", "１２.５", "（12.5）" (negative), "-3.2", and "+406.39"
    (a 变化 row prints the sign of an increase too).
    """
    if text is None:
        return None
    s = normalize_text(text)
    if s in _ABSENT:
        return None
    neg = False
    if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
        neg, s = True, s[1:-1].strip()
    m = _AMOUNT_RE.match(s)
    if not m:
        return None
    digits = re.sub(r"[\s,]", "", m.group("int"))
    frac = m.group("frac")
    literal = digits + ("." + frac if frac is not None else "")
    try:
        value = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    if neg or m.group("sign") in ("-", "−"):
        value = -value
    return value


# a figure as running text prints it ("13,650.79", "192.99")
_FIGURE_TEXT_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def figure_spans(text: str, value: Decimal) -> list[tuple[int, int]]:
    """Where ``text`` prints the figure ``value`` (its digits, "13,650.79" for 13650.79), in order."""
    return [m.span() for m in _FIGURE_TEXT_RE.finditer(text) if parse_amount(m.group(0)) == abs(value)]


def parse_percent(text: str) -> Decimal | None:
    """"87.73%" → Decimal("87.73"); also "87.73 %" and full-width "％"."""
    s = normalize_text(text).rstrip("%").strip()
    return parse_amount(s)


def decimals(value: Decimal) -> int:
    """How many decimals the figure was printed with (never negative)."""
    # Read from the figure's own text: Decimal prints exactly its decimals in plain notation
    # (no "E"), and its text is many times cheaper than its tuple (a checked document meets
    # tens of thousands of figures).
    text = str(value)
    if "E" not in text:
        point = text.find(".")
        return 0 if point < 0 else len(text) - point - 1
    exp = value.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def half_ulp(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit: the rounding radius of a published figure."""
    return Decimal(5).scaleb(-decimals(value) - 1)


@dataclass(frozen=True)
class Interval:
    """A closed interval of exact values; arithmetic is exact (Decimal)."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def of(cls, value: Decimal) -> Interval:
        """The interval a printed figure stands for."""
        r = half_ulp(value)
        return cls(value - r, value + r)

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share a value.

        A printed figure stands for a half-open interval (0.725 rounds up to 0.73, so 0.72
        covers [0.715, 0.725)); two intervals of positive width that only touch at an end do
        not meet.  An exact value (zero width) meets an interval that contains it.
        """
        return bounds_meet(self.lo, self.hi, other.lo, other.hi)

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    def divide(self, other: Interval) -> Interval | None:
        """Quotient interval; ``None`` where the divisor interval contains zero."""
        if other.lo <= 0 <= other.hi:
            return None
        qs = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(qs), max(qs))

    def scale(self, k: Decimal) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2


def bounds_meet(lo: Decimal, hi: Decimal, other_lo: Decimal, other_hi: Decimal) -> bool:
    """``Interval(lo, hi).meets(Interval(other_lo, other_hi))`` without building either (the
    checks test tens of thousands of identities per document)."""
    if lo == hi or other_lo == other_hi:
        return lo <= other_hi and other_lo <= hi
    return lo < other_hi and other_lo < hi


def interval_sum(values: list[Decimal]) -> Interval:
    """The interval of the true sum of printed figures."""
    total = Interval.exact(Decimal(0))
    for v in values:
        total = total + Interval.of(v)
    return total


def consistent_sum(parts: list[Decimal], total: Decimal) -> bool:
    """Do printed parts and a printed total agree once rounding is accounted for?"""
    return interval_sum(parts).meets(Interval.of(total))


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def count_number(s: str) -> int | None:
    """A count printed in digits or in Chinese numerals up to 99 ("12", "八", "十三", "二十"); None
    when it is neither."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十") and len(s) == 2:
        return 10 + _CN_DIGITS.get(s[1], 0) if s[1] in _CN_DIGITS else None
    if len(s) == 1:
        return _CN_DIGITS.get(s)
    if len(s) == 2 and s[1] == "十":
        return _CN_DIGITS.get(s[0], 0) * 10 or None
    if len(s) == 3 and s[1] == "十" and s[0] in _CN_DIGITS and s[2] in _CN_DIGITS:
        return _CN_DIGITS[s[0]] * 10 + _CN_DIGITS[s[2]]
    return None
