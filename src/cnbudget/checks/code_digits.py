"""A class code in the text printed with a number of digits no code has.

    code.narrative_digits   "行政单位医疗(210101)": 支出功能分类 codes have 3, 5 or 7 digits and
                            经济分类 codes 3 or 5 (a local sub-item 7), so a bracketed code of 4
                            or 6 digits after a class name is a digit dropped or added; the
                            catalog's code of that name is named

Only a name the catalog knows exactly (``catalog.code_named``), whose code starts with the same
类 as the printed digits, is judged: a bracketed "(2026)" after a title is a year, "(271001)"
after a unit's name is its 单位代码.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from cnbudget.checks.codes import load_catalog
from cnbudget.checks.common import could_not_verify, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

# A name and a bracketed run of 4 or 6 digits: lengths no 类/款/项 code has.
ODD_CODE_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,40})\s*\(\s*(?P<code>[235]\d{3}(?:\d{2})?)\s*\)")
# What every match of ODD_CODE_RE holds: a passage without it is not scanned name by name.
_BRACKETED_DIGITS = re.compile(r"\(\s*[235]\d{3}")
# the 类 a code starts with: the printed digits and the catalog's code must share it
CLASS_DIGITS = 3
# a tail of the name shorter than this ("医疗", "补助") names no one class
MIN_NAME_CHARS = 4


@lru_cache(maxsize=1)
def _class_codes(cat: Any) -> frozenset[str]:
    """The 类 codes of the function catalog and both economic ones (the first three digits)."""
    return frozenset(e.code[:CLASS_DIGITS] for catalog in (cat.FUNCTION, cat.ECONOMIC, cat.GOV_ECONOMIC)
                     for e in cat.entries(catalog))


@lru_cache(maxsize=4096)
def _named_code(cat: Any, name: str, printed: str, year: int | None) -> Any | None:
    """The catalog code of ``name`` (or of its longest tail: "其中行政单位医疗") in the 类 of the
    printed digits, from the function catalog or either economic one."""
    if printed[:CLASS_DIGITS] not in _class_codes(cat):
        return None  # "(271001)" after a unit's name: no class starts so, nothing to look up
    for i in range(len(name) - MIN_NAME_CHARS + 1):
        for catalog in (cat.FUNCTION, cat.ECONOMIC, cat.GOV_ECONOMIC):
            entry = cat.code_named(catalog, name[i:], year, printed)
            if entry is not None and entry.code[:CLASS_DIGITS] == printed[:CLASS_DIGITS]:
                return entry
    return None


@rule(
    "code.narrative_digits",
    severity="error",
    description="正文中科目编码位数错误（支出功能分类3/5/7位、经济分类3/5位），如“行政单位医疗(210101)” — "
    "a class code in the text with a number of digits no code has",
)
def narrative_code_digits(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    cited = [(b, m) for b in passages(doc, ctx).items if _BRACKETED_DIGITS.search(b.text)
             for m in ODD_CODE_RE.finditer(b.text)]
    if not cited:
        return
    cat = load_catalog()
    if cat is None:
        yield could_not_verify(ctx, "正文中的科目编码位数", "编码目录不可用 (codes catalog not available)")
        return
    for b, m in cited:
        code, name = m.group("code"), m.group("name")
        entry = _named_code(cat, name, code, doc.meta.year)
        if entry is None:
            continue  # a year, a unit's code, a name the catalog does not know: not judged
        ctx.checked()
        yield text_finding(
            "code.narrative_digits",
            f"正文“{m.group(0)}”的科目编码 {code} 为 {len(code)} 位，科目编码无此位数；“{entry.name}”的编码为 "
            f"{entry.code} — the text's code has {len(code)} digits; {entry.name} is {entry.code}",
            b, m.start(), m.end(),
        )
