"""A 类 / 款 / 项 path named in the text that does not nest in the catalog, or followed by a stray word.

    code.narrative_path   "教育支出（类）普通教育（款）职业教育（项）": 职业教育 is a 款 of 教育支出
                          of its own (20503), not an item of 普通教育 (20502) — the text names a
                          subject that does not exist
    wording.stray_after_item "其他政府性基金安排的支出（项）事务 7000.00 万元": a word left between
                          an item's name and its amount

The 名词解释 and the 情况说明 name subjects by their path; a path whose 项 the catalog files under
another 款 of the same class is a subject that does not exist. A 项 the catalog does not know at
all says nothing (the catalog may lack a newer item), nor does a path whose class or 款 cannot be
resolved to one catalog entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from cnbudget.checks.common import could_not_verify, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

if TYPE_CHECKING:
    from cnbudget.codes.catalog import CodeEntry

_NAME = r"[\u4e00-\u9fff]{2,24}?"
PATH_RE = re.compile(rf"(?P<cls>{_NAME})\s*\(类\)\s*(?P<kuan>{_NAME})\s*\(款\)\s*(?P<item>{_NAME})\s*\(项\)")


@dataclass(frozen=True)
class _Tree:
    """One edition's function classes, their 款 and their items, by parent code."""

    classes: tuple[CodeEntry, ...]
    children: dict[str, tuple[CodeEntry, ...]]


@lru_cache(maxsize=8)
def _tree(year: int | None) -> _Tree:
    from cnbudget.codes.catalog import FUNCTION, entries

    children: dict[str, list[CodeEntry]] = {}
    classes = []
    for e in entries(FUNCTION, year):
        if e.parent is None:
            classes.append(e)
        else:
            children.setdefault(e.parent, []).append(e)
    return _Tree(tuple(classes), {k: tuple(v) for k, v in children.items()})


@lru_cache(maxsize=1024)
def _misplaced(cls: str, kuan: str, item: str, year: int | None) -> tuple[str, str, str] | None:
    """(款 code, the code the item has elsewhere, its name there) when ``item`` is no item of
    the named 款 but another subject of the same class; else None."""
    from cnbudget.codes.catalog import name_matches

    tree = _tree(year)
    classes = [e for e in tree.classes if cls.endswith(e.name)]
    if len(classes) != 1:
        return None
    kuans = tree.children.get(classes[0].code, ())
    named = [e for e in kuans if name_matches(e, kuan)]
    if len(named) != 1:
        return None
    k = named[0].code
    if any(name_matches(e, item) for e in tree.children.get(k, ())):
        return None
    elsewhere = [e for other in kuans if other.code != k
                 for e in (other, *tree.children.get(other.code, ())) if name_matches(e, item)]
    return (k, elsewhere[0].code, elsewhere[0].name) if elsewhere else None


@rule(
    "code.narrative_path",
    severity="warning",
    description="正文所列“类/款/项”科目不成立（普通教育（款）职业教育（项）：职业教育是另一款） — a named 类/款/项 path that does not nest",
)
def narrative_paths(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # every path prints "(类)": a passage without it is not scanned name by name
    found = [(b, m) for b in passages(doc, ctx).items if "(类)" in b.text
             for m in PATH_RE.finditer(b.text)]
    if not found:
        return
    try:
        _tree(doc.meta.year)
    except (ImportError, OSError, ValueError, KeyError):
        yield could_not_verify(ctx, "正文中的类/款/项科目", "编码目录不可用 (codes catalog not available)")
        return
    for b, m in found:
        ctx.checked()
        wrong = _misplaced(m.group("cls"), m.group("kuan"), m.group("item"), doc.meta.year)
        if wrong is None:
            continue
        k, code, name = wrong
        level = "款" if len(code) == 5 else "项"
        yield text_finding(
            "code.narrative_path",
            f"“{m.group('kuan')}（款）”下没有“{m.group('item')}（项）”：{name}是{level} {code}，"
            f"不属于 {k} — the named item is no item of that 款",
            b, m.start(), m.end(),
        )


# "…支出（项）事务 7000.00 万元": words between an item's （项） and its amount.  The amount follows
# the item's name directly, or after words that say what the figure is ("（项）支出", "（项）预算为").
ITEM_THEN_AMOUNT_RE = re.compile(r"\(项\)\s*(?P<words>[\u4e00-\u9fff]{1,6})\s*(?=\d)")
FIGURE_WORDS_RE = re.compile(r"^(?:下|中|内)?(?:支出|预算|决算|年初|全年|调整|执行|安排|拨款|资金|经费|共|计|总|合|金额|数)*(?:为|是|达)?$")


@rule(
    "wording.stray_after_item",
    severity="info",
    description="“（项）”与金额之间多出字词（“其他政府性基金安排的支出（项）事务 7000.00 万元”） — a stray word after an item's name",
)
def stray_after_items(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).items:
        for m in ITEM_THEN_AMOUNT_RE.finditer(b.text):
            ctx.checked()
            if FIGURE_WORDS_RE.match(m.group("words")):
                continue
            amount = re.match(r"[\d,.]+\s*(?:亿元|万元|元)?", b.text[m.end():])
            yield text_finding(
                "wording.stray_after_item",
                f"“（项）{m.group('words')} {amount.group(0) if amount else ''}”：科目名称与金额之间多出“{m.group('words')}”"
                " — a stray word between an item's name and its amount",
                b, m.start(), m.end(),
            )
