"""The department's own name where the text's template puts it.

    wording.department_name  a sentence that opens with a government organ's full name and the
                             year ("湖州市卫生健康委员会2026年收入预算…", "（二）关于…局2026年…")
                             names another organ of the same government than the document's
                             department: a disclosure copied from another department's and not
                             renamed

Each 情况说明 section of the template opens with the department's name and the year; a name
there that is not the department's is a copy left over.  Only a full name of the same region
(湖州市…局 in a 湖州市 document), ending as an organ does (局、委员会、厅、办公室、部 …), is
compared: a unit of the department (…中心、…院) may open its own section, and a name mentioned
inside a sentence ("根据湖州市财政局2026年预算编制要求") is a reference, not the subject.  Nor
is a short form of the department's own name ("市城管执法局" for 北京市城市管理综合行政执法局:
its characters in order inside the full name) or one of its offices (the department's name
followed by more).  A name is reported only where the template's places name the department
itself more often: otherwise the name read from the cover may be the wrong one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from cnbudget.checks.common import passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.labels import KIND_ZH
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

ORGAN_SUFFIX = r"(?:委员会|局|厅|办公室|部|署|委|办)"
# where a sentence's subject starts: the block's start or a stop, then an item number and 关于
SUBJECT_START_RE = re.compile(r"(?:^|[。;:!?])\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.]\s*)?(?:关于)?\s*$")


def _short_form(short: str, full: str) -> bool:
    """Are the characters of ``short`` found in order in ``full`` (a short form of it)?"""
    rest = iter(full)
    return all(ch in rest for ch in short)


@rule(
    "wording.department_name",
    severity="warning",
    description="说明中以另一部门的名称作主语（套用其他部门的文本未改名称） — the text opens a statement with another department's name",
)
def department_names(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    dept = unicodedata.normalize("NFKC", doc.meta.department or "")
    region = unicodedata.normalize("NFKC", doc.meta.region or "")
    if not dept or not region or not dept.startswith(region):
        return
    own = dept[len(region):]
    own_count, others = 0, []
    for b in passages(doc, ctx).holding(re.compile(re.escape(region))):
        for start, end, rest in _named_in_region(region, b.text):
            if not SUBJECT_START_RE.search(b.text[max(0, start - 12):start]):
                continue
            ctx.checked()
            name = region + rest
            if name == dept or name.startswith(dept) or dept.startswith(name) or _short_form(rest, own):
                own_count += 1
            else:
                others.append((b, start, end, name))
    # the template's places name the department more often than any slip: where they do not, the
    # name read from the cover may be the wrong one, and nothing is said
    counts = Counter(name for *_, name in others)
    for b, start, end, name in others:
        if counts[name] >= own_count:
            continue
        yield text_finding(
            "wording.department_name",
            f"“{b.text[start:end + 8].strip()}”以“{name}”开头，而本文件是{dept}的"
            f"{KIND_ZH.get(doc.meta.kind or '', '公开文件')}"
            "：疑为套用其他部门的文本未改名称 — the statement names another department",
            b, start, end,
        )


# An organ's name after its region's and before a year: "(湖州市)卫生健康委员会2026年"
_ORGAN_AND_YEAR_RE = re.compile(rf"(?P<rest>[\u4e00-\u9fff]{{1,24}}?{ORGAN_SUFFIX})(?:\(本级\))?\s*(?:19|20)\d\d\s*年")


def _named_in_region(region: str, text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the name after the region) of each organ named with its region's name before
    a year, in order and not overlapping: the region found as a literal, the rest matched after
    it (one pattern for every region; a pattern per region would compile its character class
    again for each document's region)."""
    at = text.find(region)
    while at >= 0:
        m = _ORGAN_AND_YEAR_RE.match(text, at + len(region))
        if m is None:
            at = text.find(region, at + 1)
            continue
        yield at, m.end(), m.group("rest")
        at = text.find(region, m.end())
