"""The headings of the document against its own 目录.

    wording.heading_vs_contents  a part or section heading that is a near-miss of the 目录 entry of
                                 the same number: the same characters in another order ("第三部分
                                 说明情其他况" for 其他说明情况), or one character replaced by another
                                 — a typo in the heading (or in the 目录)

A heading that is simply different (words added or left out, another wording, another number) is
not judged: only a near-miss says that one of the two was meant to be the other.  Years and other
digits are left to the year rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.model import Disclosure, Finding, Section

# The number a heading or an entry starts with: "第三部分", "六、", "(一)", "1.".
_NUMBER_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])")
# a title shorter than this has too few characters for a rearrangement to mean anything
MIN_TITLE_CHARS = 4


def _plain(title: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))


def _split(title: str) -> tuple[str, str]:
    """(its number, the rest) of a folded, unspaced title."""
    m = _NUMBER_RE.match(title)
    return (m.group(0), title[m.end():]) if m else ("", title)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def near_miss(heading: str, entry: str) -> str | None:
    """How ``heading`` misses ``entry`` ("rearranged" | "one_character"), or None when the two are
    equal or simply different."""
    if heading == entry or len(heading) != len(entry) or len(heading) < MIN_TITLE_CHARS:
        return None
    if sorted(heading) == sorted(entry):
        return "rearranged"
    differ = [(a, b) for a, b in zip(heading, entry, strict=True) if a != b]
    if len(differ) == 1 and all(_is_cjk(ch) for ch in differ[0]):
        return "one_character"
    return None


def _entries_by_number(contents: tuple[Section, ...]) -> dict[str, list[str]]:
    by_number: dict[str, list[str]] = {}
    for s in contents:
        number, rest = _split(_plain(s.title))
        if number:
            by_number.setdefault(number, []).append(rest)
    return by_number


@rule(
    "wording.heading_vs_contents",
    severity="info",
    description="标题与目录条目近似而不同（字序颠倒或错一字，如“说明情其他况”与目录“其他说明情况”） — "
    "a heading that is a near-miss of its 目录 entry",
)
def headings_vs_contents(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_number = _entries_by_number(doc.contents)
    if not by_number:
        return
    titles = {_split(_plain(s.title)) for s in doc.sections}
    for s in doc.sections:
        number, rest = _split(_plain(s.title))
        entries = by_number.get(number)
        if not entries:
            continue
        ctx.checked()
        if rest in entries:
            continue
        for entry in entries:
            how = near_miss(rest, entry)
            if how is None or (number, entry) in titles:
                continue  # the entry has a heading of its own: this one is another section
            what = "字序颠倒" if how == "rearranged" else "错一字"
            yield finding(
                "wording.heading_vs_contents",
                f"标题“{s.title.strip()}”与目录条目“{number}{entry}”{what} — the heading is a near-miss of its "
                f"目录 entry",
                source=s.source,
                text=s.title.strip(),
            )
            break
