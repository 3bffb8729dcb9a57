"""Is last year's file fit to check this year's stated changes against?

``--against`` compares the changes a narrative states (增加 x 万元, 增长 y%) with last year's
published figures.  That only means something for the same department, the year before, and
the same kind of document (budget with budget, final account with final account) and scope
(本级 with 本级, 汇总 with 汇总).  ``mismatch(this, last, links)`` gives the reason the pair is
not comparable, in one line, or ``None``; ``links`` are the library's (old, new) names of
departments renamed between years (``cnbudget link``), which count as the same department.  Meta the reader could not identify counts as a mismatch:
a check against the wrong file would report false changes with confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cnbudget.model import Meta

_KIND = {"budget": "预算", "final": "决算"}
_SCOPE = {"unit": "本级", "consolidated": "汇总"}
_NOISE = re.compile(r"[\s（）()]|本级|部门|单位|汇总|\d{4}年?")


def department_key(name: str | None) -> str:
    """A department name with spacing, brackets and 本级/部门/汇总 removed (for comparison)."""
    return _NOISE.sub("", name or "")


def same_department(a: str | None, b: str | None) -> bool:
    ka, kb = department_key(a), department_key(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka)


def link_groups(links: Iterable[tuple[str, str]]) -> list[set[str]]:
    """The connected groups of linked names (a chain of renames is one group)."""
    groups: list[set[str]] = []
    for old, new in links:
        touching = [g for g in groups if old in g or new in g]
        groups = [g for g in groups if not any(g is t for t in touching)] + [{old, new}.union(*touching)]
    return groups


def linked(a: str, b: str, links: Iterable[tuple[str, str]]) -> bool:
    """Whether ``a`` and ``b`` name one department through the linked names (a name matches a
    linked name as ``same_department`` does)."""
    return any(any(same_department(a, n) for n in g) and any(same_department(b, n) for n in g)
               for g in link_groups(links))


def mismatch(this: Meta, last: Meta, links: Iterable[tuple[str, str]] = ()) -> str | None:
    """Why ``last`` is not the year-before document of ``this`` (None: it is)."""
    reasons: list[str] = []
    if not this.department or not last.department:
        reasons.append("未能识别部门名称，无法确认是同一部门")
    elif not same_department(this.department, last.department) and not linked(this.department, last.department,
                                                                               links):
        reasons.append(f"部门不同（本年“{this.department}”，对比文件“{last.department}”）")
    if this.year is None or last.year is None:
        reasons.append("未能识别年度")
    elif last.year != this.year - 1:
        reasons.append(f"对比文件是 {last.year} 年，应为上一年 {this.year - 1} 年")
    if this.kind and last.kind and this.kind != last.kind:
        reasons.append(f"文件种类不同（本年为{_KIND.get(this.kind, this.kind)}，对比文件为"
                       f"{_KIND.get(last.kind, last.kind)}）")
    elif not this.kind or not last.kind:
        reasons.append("未能识别是预算还是决算")
    if this.scope and last.scope and this.scope != last.scope:
        reasons.append(f"范围不同（本年为{_SCOPE.get(this.scope, this.scope)}，对比文件为"
                       f"{_SCOPE.get(last.scope, last.scope)}）")
    return "；".join(reasons) if reasons else None
