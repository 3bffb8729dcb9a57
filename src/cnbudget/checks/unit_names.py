"""A unit of the department named with characters missing.

    wording.unit_name_gap  "执收主体为北京市特种设备检验研究院" where the document lists the unit as
                           北京市特种设备检验检测研究院: a full name (its region's name first) printed
                           elsewhere in the document, here with one or two characters left out of
                           it — a slip in a name a published document must print whole

A name is the region's name and what follows it up to an ending units have (…研究院、…中心、
…局、…馆、…委员会 …), counted wherever the text or a table prints it.  The shorter name is
reported only where the full one is the document's own: printed more often than it, or as an item
of a list of units (、X、 / ,X,) — and the shorter one never is such an item, so that two units of
like names (无锡市实验幼儿园 and 无锡市阳光实验幼儿园, both listed) are two units.  Nor is it
reported where the document uses its words without the region as the unit's short form
("市港航中心…", "港航中心仍然具体实施…" for 湖州市港航管理中心), or where the words left out are
left out on purpose (和、的、人民、中共 …: "发展改革委" names 发展和改革委员会).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from cnbudget.checks.common import Texts, cell_finding, cells, nfkc, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

# how a unit's name ends ("所" is left out: "…局所属单位" reads as 局所)
UNIT_END_RE = re.compile(r"研究院|医院|学院|大学|学校|中学|小学|幼儿园|中心|局|站|馆|队|委员会|办公室")
# what a short form leaves out on purpose: a conjunction, 的, or words of a name's formal head
ON_PURPOSE = frozenset(("和", "与", "及", "的", "人民", "中共", "中国", "有限", "市", "省", "区", "县"))
# the characters after the region that may hold a unit's name
_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,24}")
# what stands on either side of an item of a list of units
_ITEM_MARKS = "、,;:。()"
# the most characters a gap leaves out, and the fewest a name holds after its region
GAP_MAX, BODY_MIN = 2, 5


@rule(
    "wording.unit_name_gap",
    severity="warning",
    description="单位名称缺字：本文件他处印有完整名称（北京市特种设备检验检测研究院），此处少印一两个字"
    "（北京市特种设备检验研究院） — a unit's name printed with characters missing",
)
def unit_name_gaps(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    region = unicodedata.normalize("NFKC", doc.meta.region or "")
    if len(region) < 2:
        return
    hint = re.compile(re.escape(region))
    text, table_cells = passages(doc, ctx), cells(doc, ctx)
    blocks, in_cells = text.holding(hint), table_cells.holding(hint)
    printed, listed = Counter[str](), Counter[str]()
    # a list is the text's: a cell or a row label that is one name is a table's field, not a list
    for words, lists in [(b.text, True) for b in blocks] + [(c[3], False) for c in in_cells] + _row_names(doc, region):
        for name, is_listed in _names(region, words):
            printed[name] += 1
            listed[name] += is_listed and lists
    if printed:
        ctx.checked(len(printed))  # each name printed is weighed against the others
    gaps = {short: full for short, full in _gaps(region, printed, listed).items()
            if not _short_form_in_use(short[len(region):], full[len(region):], printed[short], text, table_cells)}
    if not gaps:
        return
    pattern = re.compile("|".join(re.escape(g) for g in sorted(gaps, key=len, reverse=True)))
    for b in blocks:
        for m in pattern.finditer(b.text):
            yield text_finding("wording.unit_name_gap", _message(m.group(0), gaps[m.group(0)], printed), b, m.start(), m.end())
    for t, r, col, cell in in_cells:
        for m in pattern.finditer(cell):
            yield cell_finding("wording.unit_name_gap", "：" + _message(m.group(0), gaps[m.group(0)], printed),
                               t, r, col, cell, m.start(), m.end())


def _row_names(doc: Disclosure, region: str) -> list[tuple[str, bool]]:
    """The tables' row labels that print a name of the region (a table listed by unit)."""
    return [(nfkc(r.name), False) for t in doc.tables for r in t.rows if r.name and region in r.name]


def _names(region: str, text: str) -> Iterator[tuple[str, bool]]:
    """(name, whether it stands as an item of a list) for each unit's name ``text`` prints after the
    region's name: every ending of the characters that follow it ("深圳市环境科学研究院综合管理
    中心" names 深圳市环境科学研究院 and itself)."""
    at = text.find(region)
    while at >= 0:
        m = _RUN_RE.match(text, at + len(region))
        if m is not None:
            run = m.group(0)
            opens = at == 0 or text[at - 1] in _ITEM_MARKS
            for end in UNIT_END_RE.finditer(run, 1):
                k = end.end()
                yield region + run[:k], opens and text[m.start() + k:m.start() + k + 1] in _ITEM_MARKS
        at = text.find(region, at + len(region))


def _gaps(region: str, printed: Counter[str], listed: Counter[str]) -> dict[str, str]:
    """{the shorter name: the full one} for each name printed that is a full one with one to
    GAP_MAX characters left out (and not left out on purpose), where the full one is the
    document's own."""
    gaps: dict[str, str] = {}
    for name in printed:
        body = name[len(region):]
        if len(body) < BODY_MIN:
            continue
        for i in range(len(body) - 1):  # the last character (the name's ending) stays
            for n in range(1, GAP_MAX + 1):
                if i + n > len(body) - 1 or body[i:i + n] in ON_PURPOSE:
                    continue
                short = region + body[:i] + body[i + n:]
                if short in printed and short not in gaps and _own(name, short, printed, listed):
                    gaps[short] = name
    return gaps


def _own(full: str, short: str, printed: Counter[str], listed: Counter[str]) -> bool:
    """Is ``full`` the document's own name for the unit ``short`` leaves characters out of (and
    ``short`` no unit of a list)?"""
    return listed[short] == 0 and (printed[full] > printed[short] or listed[full] > 0)


def _short_form_in_use(short: str, full: str, with_region: int, *texts: Texts) -> bool:
    """Does the document print the shorter name's words without the region more often than with
    it (the unit's short form: "港航中心" for 港航管理中心), outside the full name's words?"""
    times = sum(t.joined.count(short) - (t.joined.count(full) if short in full else 0) for t in texts)
    return times > with_region


def _message(short: str, full: str, printed: Counter[str]) -> str:
    same = next(i for i in range(len(full)) if not short.startswith(full[:i + 1]))  # the shared head
    left = full[same:same + len(full) - len(short)]
    return (f"“{short}”少了“{left}”：本文件他处印作“{full}”（{printed[full]}处） — "
            "a unit's name printed with characters missing")
