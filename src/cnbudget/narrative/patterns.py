"""Named regular expressions for the narrative, and the figures they find in a run of text.

Narrative text is NFKC-folded first (``fold``), so full-width digits, ``，；：（）％`` become their
ASCII forms; every pattern here is written for folded text.

A *figure* is a number printed with something that says what it is: a money unit (万元, 元,
亿元), a percent sign, or a count unit (个, 辆, 人次, 台(套) …).  A bare number directly
followed by "占" is an amount in the document's unit ("卫生健康支出660.31，占91.42%").
Everything else is not a figure: years and dates ("2024 年 3 月"), document numbers
("国办发〔2020〕20号"), phone numbers, list ordinals ("1.", "(2)"), thresholds ("50万元以上",
"≥90%") and approximate figures ("153 余万元").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# A printed number: thousands groups with optional OCR spaces ("1, 442. 80"), decimals with an
# optional OCR space after the point ("29. 4"), or "0." directly before a percent sign ("占 0.%").
NUMBER_RE = re.compile(
    r"(?<![\d.])"
    r"(?P<int>\d{1,3}(?:\s?,\s?\d{3})+(?![\d])|\d+)"
    r"(?:\s?\.\s?(?P<frac>\d+)|\.(?=\s?%))?"
)

# What follows a number.  Amount units; "元月"/"元旦" are dates, not money.
AMOUNT_UNIT_RE = re.compile(r"\s*(?P<unit>亿元|万元|千元|元)(?![月旦])")
PERCENT_RE = re.compile(r"\s*%")
# Count units, longest first.  "项目", "分钟", "人民" … are words, not units.
COUNT_UNIT_RE = re.compile(
    r"\s*(?P<unit>万?(?:人次|批次|台\s*\(\s*套\s*\)|台|套|个|辆|人(?!民)|名|次|家|件|起(?!止)|条|场|份"
    r"|项(?!目)|户|所|张|篇|册|栋|座|分(?![钟别为类值析布配摊项管级之])|万(?![元人个次件份家]))"
    r")"
)
# A bare number read as an amount in the document unit: "660.31，占91.42%".
BARE_BEFORE_SHARE_RE = re.compile(r"\s*,?\s*占")
# …and a change printed without its unit before its bracketed rate: "较上年增加185.24（1026.00%）"
BARE_CHANGE_BEFORE_RE = re.compile(r"(?:增加|减少|增长|下降|上升|降低)\s*$")
BARE_CHANGE_AFTER_RE = re.compile(r"\s*\(\s*\d[\d.,]*\s*%\s*\)")
# "余" between a number and its unit makes the figure approximate ("153 余万元").
APPROXIMATE_AFTER_RE = re.compile(r"\s*余")
# Thresholds: "50万元以上", "100万元及100万元以上", "100万元(含)以上", "96% 以上".
THRESHOLD_AFTER_RE = re.compile(
    r"\s*(?:及\s*\d[\d.,\s]*\s*(?:亿元|万元|元|%)?\s*)?(?:\(含\)\s*)?(?:以上|以下|以内|左右)")
THRESHOLD_BEFORE_RE = re.compile(r"(?:≥|≤|>=|<=|>|<|不低于|不高于|不超过|不少于|不多于|超过|低于|高于|约|近)\s*$")
# Numbers that belong to a code, a document number or an ordinal: "表12", "第3", "〔2020〕", "DRG2".
NOT_A_FIGURE_BEFORE_RE = re.compile(r"(?:[A-Za-z〔\[第表号#]|\d\s?[-~～—])\s*$")
NOT_A_FIGURE_AFTER_RE = re.compile(r"\s*(?:[〕\]\-~～—]\s*\d|[〕\]])")

# A heading announcing the make-up of a figure: "2.一般公共预算当年拨款结构情况。" (whitespace
# removed): the passage under it breaks the whole down.
STRUCTURE_HEADING_RE = re.compile(
    r"^(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]+、)?(?P<whole>[^,;:。\d]{2,30}?)"
    r"(?:的)?(?:结构|构成)(?:情况)?(?:说明)?[。:]?$")


def fold(text: str) -> str:
    """NFKC-fold narrative text: full-width digits and punctuation become ASCII."""
    return unicodedata.normalize("NFKC", text)


def number_value(match: re.Match[str]) -> Decimal:
    """The Decimal a ``NUMBER_RE`` match prints, keeping its printed decimals."""
    digits = re.sub(r"[\s,]", "", match.group("int"))
    frac = match.group("frac")
    return Decimal(digits + "." + frac) if frac else Decimal(digits)


@dataclass(frozen=True)
class Figure:
    """A number found in text with what it is.  ``kind``: "amount" | "percent" | "count".

    ``start``/``end`` span the number and its unit; ``number_start`` is where the digits begin.
    ``bare`` marks an amount printed without a unit (the document unit applies).
    """

    value: Decimal
    kind: str
    unit: str
    start: int
    end: int
    bare: bool = False


def find_figures(text: str) -> list[Figure]:
    """Every figure in folded ``text``, in order (see the module docstring for what is left out)."""
    out: list[Figure] = []
    for m in NUMBER_RE.finditer(text):
        before = text[max(0, m.start() - 6) : m.start()]
        after = text[m.end() : m.end() + 16]
        if NOT_A_FIGURE_BEFORE_RE.search(before) or NOT_A_FIGURE_AFTER_RE.match(after):
            continue
        if THRESHOLD_BEFORE_RE.search(before) or APPROXIMATE_AFTER_RE.match(after):
            continue
        value = number_value(m)
        fig = _classify(value, m.start(), m.end(), after, before)
        if fig is None:
            continue
        if THRESHOLD_AFTER_RE.match(text, fig.end):
            continue
        out.append(fig)
    return out


def _classify(value: Decimal, start: int, end: int, after: str, before: str = "") -> Figure | None:
    if (u := PERCENT_RE.match(after)) is not None:
        return Figure(value, "percent", "%", start, end + u.end())
    if (u := AMOUNT_UNIT_RE.match(after)) is not None:
        return Figure(value, "amount", u.group("unit"), start, end + u.end())
    if (u := COUNT_UNIT_RE.match(after)) is not None:
        unit = re.sub(r"\s+", "", u.group("unit"))
        return Figure(value, "count", unit, start, end + u.end())
    if BARE_BEFORE_SHARE_RE.match(after) or (BARE_CHANGE_AFTER_RE.match(after) and BARE_CHANGE_BEFORE_RE.search(before)):
        return Figure(value, "amount", "", start, end, bare=True)
    return None
