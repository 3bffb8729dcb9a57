"""Is a typed classification code in the official catalog — and if not, which one was meant?

An input is refused when a 7-digit 支出功能分类 项 or a 5-digit 部门预算支出经济分类 款 is not
in the catalog of its year (``cnbudget.codes``); the refusal names the likely intended code of
the same level: the catalog's own suggestion (a digit lost, changed or cut off, a right name
under a wrong code), else the code of that level whose name is nearest the typed name, else the
code of that level nearest in digits.
"""

from __future__ import annotations

from cnbudget.codes.catalog import (
    ECONOMIC,
    FUNCTION,
    CodeEntry,
    economic_code,
    entries,
    function_code,
    suggest_economic_code,
    suggest_function_code,
)
from cnbudget.codes.names import name_similarity

SAME_NAME = 0.95  # a typed name this close to a catalog name is that name
MIN_NAME_SIMILARITY = 0.6  # a same-level code found by name alone must be at least this close
MAX_DIGITS_APART = 2  # … and one found by digits alone at most this many digits different

_LABELS = {FUNCTION: "支出功能分类", ECONOMIC: "部门预算支出经济分类"}


def _same_level(catalog: str, code: str, year: int | None) -> list[CodeEntry]:
    return [e for e in entries(catalog, year) if len(e.code) == len(code)]


def likely_code(catalog: str, code: str, name: str | None, year: int | None) -> CodeEntry | None:
    """The catalog code of the same level most likely meant by ``code`` (typed with ``name``).

    A code of the same level carrying the typed name wins (many 款 have a 行政运行: the one
    sharing the most leading digits); then the catalog's suggestion from the digits; then the
    nearest name; then the nearest digits.
    """
    level = _same_level(catalog, code, year)
    by_name: list[tuple[float, int, CodeEntry]] = []
    if name:
        by_name = sorted(((name_similarity(e.name, name), len(_common_prefix(e.code, code)), e) for e in level),
                         key=lambda s: (-s[0], -s[1], s[2].code))
        if by_name and by_name[0][0] >= SAME_NAME:
            return by_name[0][2]
    suggest = suggest_function_code if catalog == FUNCTION else suggest_economic_code
    found = [e for e in suggest(code, name or None, year, limit=5) if len(e.code) == len(code)]
    if found:
        return found[0]
    if by_name and by_name[0][0] >= MIN_NAME_SIMILARITY:
        return by_name[0][2]
    apart = sorted(((sum(a != b for a, b in zip(e.code, code, strict=True)), e) for e in level),
                   key=lambda de: (de[0], -len(_common_prefix(de[1].code, code)), de[1].code))
    if apart and apart[0][0] <= MAX_DIGITS_APART:
        return apart[0][1]
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def unknown_code(catalog: str, code: str, name: str | None, year: int | None) -> str | None:
    """``None`` when ``code`` is in the catalog; else the refusal, naming the likely intended code."""
    lookup = function_code if catalog == FUNCTION else economic_code
    if lookup(code, year) is not None:
        return None
    message = f"科目编码 {code} 不在{_LABELS[catalog]}科目中"
    guess = likely_code(catalog, code, name, year)
    if guess is not None:
        message += f"，可能应为 {guess.code} {guess.name}"
    return message
