"""The number of internal bodies (内设机构 / 处室 / 科室) the 部门概况 states against the bodies it lists.

    wording.institution_count  "设12个内设机构，包括：秘书处、…" naming another number of bodies,
                               or "市统计局设12个内设机构。" followed by the bodies one by one as
                               numbered headings ("1、办公室。" … "13、数据管理处。")

    wording.unit_count         "纳入…部门预算编制范围的二级预算单位共有15个，包括：" followed by the table
                               of those units (序号 / 单位名称) listing another number of them
    wording.unit_scope         "本部门的部门预算包括部门本级（机关）预算和所属事业单位预算。" followed by the
                               table of the budget's units (序号 / 单位名称) that lists the 本级 alone;
                               or "…包括部门本级（机关）预算。" (the 本级 alone) over a table listing
                               more units than it

A list is counted as printed: an aside in brackets is part of its item ("人事处（老干部处）"), a
range is as many bodies as it spans ("综合一处至综合九处": nine), and an item joined with 和 / 及
may be two ("人民建议征集处和市民服务热线管理办公室") or one ("住房改革和保障处"), so the stated
number is judged against the least and the most the list may hold.  A 机关党委 named beside the
count ("设24个处室和机关党委") may be listed or not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from cnbudget.checks.common import passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding, Table, TextBlock
from cnbudget.numbers import count_number

_NUMBER = r"\d+|[一二三四五六七八九十两]+"
COUNT_RE = re.compile(
    rf"(?:设|设有|下设|内设|共有|共设)\s*(?P<n>{_NUMBER})\s*个(?P<what>[^,;。:、()]{{0,8}}?(?:机构|处室|科室))"
    r"(?P<party>(?:和|及)机关党委)?(?P<after>[^。;]{0,30})"
)
_COUNT_HINT = re.compile(r"个[^,;。:、()]{0,8}?(?:机构|处室|科室)")
# what opens the list after the count ("，内设机构具体包括：", "，分别为", "，各处室规范简称依次为：")
LIST_OPEN_RE = re.compile(r"^[^。;:]{0,24}?(?:包括|分别为|分别是|依次为)\s*:?\s*")
_RANGE_RE = re.compile(rf"(?P<a>{_NUMBER})[^至]*至[^至]*?(?P<b>{_NUMBER})[^\d一二三四五六七八九十两]*$")
# a numbered heading ("1、办公室。") naming a body
NUMBERED_RE = re.compile(r"^\s*(?P<k>\d+)\s*[、.]\s*(?P<name>.+?)\s*$")
BODY_NAME_RE = re.compile(r"(?:处|室|科|部|中心|所|队|办公室|委员会|党委|办)[。.]?$")


def list_items(text: str) -> list[str] | None:
    """The items of the 、-list that opens ``text``, up to its first "," / ";" / "。" outside
    brackets (None: a list of one item, or an empty item)."""
    items: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;。":
            text = text[:i]
            break
        elif depth == 0 and ch == "、":
            items.append(text[start:i].strip())
            start = i + 1
    items.append(text[start:].strip())
    return items if all(items) else None


def count_range(items: Sequence[str]) -> tuple[int, int] | None:
    """The least and the most bodies ``items`` may name (None: a range that cannot be read)."""
    least = most = 0
    for item in items:
        plain = re.sub(r"\([^)]*\)", "", item)
        if "至" in plain:
            m = _RANGE_RE.search(plain)
            a, b = (count_number(m.group("a")), count_number(m.group("b"))) if m else (None, None)
            if a is None or b is None or b <= a:
                return None
            least, most = least + b - a + 1, most + b - a + 1
            continue
        least += 1
        most += 1 + len(re.findall("和|及", plain))
    return least, most


def _headed_bodies(blocks: Sequence[TextBlock], after: int) -> list[str]:
    """The bodies listed as numbered headings after block ``after``: the first run of headings
    "1、…", "2、…" at one level (one below another, none skipped), each naming a body; [] when
    the first such run names something else."""
    run: list[str] = []
    level: int | None = None
    for b in blocks[after + 1:]:
        if not b.heading:
            continue
        m = NUMBERED_RE.match(b.text)
        if level is None:
            if m is not None and m.group("k") == "1":
                level, run = b.level, [m.group("name")]
            continue
        if b.level is not None and level is not None and b.level < level:
            break  # the section of the list ends
        if b.level == level:
            if m is None or int(m.group("k")) != len(run) + 1:
                break
            run.append(m.group("name"))
    return run if run and all(BODY_NAME_RE.search(x) for x in run) else []


@rule(
    "wording.institution_count",
    severity="error",
    description="所述内设机构（处室）个数与所列机构数不符（设12个内设机构，下列13个） — "
    "the number of internal bodies stated against the bodies listed",
)
def institution_counts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    for k in text.where(_COUNT_HINT):
        b = text.items[k]
        if b.heading:
            continue
        for m in COUNT_RE.finditer(b.text):
            stated = count_number(m.group("n"))
            if stated is None:
                continue
            spare = 1 if m.group("party") else 0  # the 机关党委 beside the count may be listed
            opened = LIST_OPEN_RE.match(m.group("after"))
            if opened is not None:
                items = list_items(b.text[m.start("after") + opened.end():])
                span = count_range(items) if items else None
                if span is None:
                    continue
                ctx.checked()
                if span[0] <= stated + spare and stated <= span[1]:
                    continue
                listed = span[0] if span[0] == span[1] else f"{span[0]}–{span[1]}"
                yield text_finding(
                    "wording.institution_count",
                    f"称设 {m.group('n')} 个{m.group('what')}，其后列举了 {listed} 个（{items[0]}…{items[-1]}） — "
                    f"{stated} bodies stated, {listed} listed",
                    b, m.start(), m.end(),
                )
            elif not m.group("after").strip(" ,"):
                bodies = _headed_bodies(text.items, k)
                if len(bodies) < 2:
                    continue
                ctx.checked()
                if len(bodies) <= stated + spare and stated <= len(bodies):
                    continue
                yield text_finding(
                    "wording.institution_count",
                    f"称设 {m.group('n')} 个{m.group('what')}，其后逐条列出的机构为 {len(bodies)} 个"
                    f"（{bodies[0].rstrip('。.')}…{bodies[-1].rstrip('。.')}） — {stated} bodies stated, {len(bodies)} listed",
                    b, m.start(), m.end(), severity="warning",
                )


# ------------------------------------------------------------------ budget units against their table

# "…的二级预算单位共有15个，包括：" closing its passage: the units follow as a table
UNIT_COUNT_RE = re.compile(rf"预算单位共有?\s*(?P<n>{_NUMBER})\s*(?:个|家)\s*,?\s*(?:包括|分别是|具体为|如下)?\s*:?\s*$")
_UNIT_COUNT_HINT = re.compile("预算单位共")
# a table of units: its header names them
UNITS_HEADER = "单位名称"
_TOTAL_NAMES = ("合计", "总计")


def _next_table(doc: Disclosure, b: TextBlock) -> Table | None:
    """The first table printed after passage ``b``: below it on its page, or on the next page."""
    page, box = b.source.page, b.source.box
    if page is None or box is None:
        return None
    after = [t for t in doc.tables if t.source.page is not None and t.source.box is not None
             and (t.source.page == page and t.source.box[1] >= box[3] - 1 or t.source.page == page + 1)]
    return min(after, key=lambda t: (t.source.page, t.source.box[1]), default=None)  # type: ignore[index]


@rule(
    "wording.unit_count",
    severity="warning",
    description="所述预算单位个数与其后所列单位表的单位数不符（共有15个，表列16个） — the number of budget units stated against the table listing them",
)
def unit_counts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).holding(_UNIT_COUNT_HINT):
        m = UNIT_COUNT_RE.search(b.text)
        if b.heading or m is None:
            continue
        t = _next_table(doc, b)
        if t is None or not any(UNITS_HEADER in cell for line in t.header for cell in line):
            continue
        ctx.checked()
        listed = [r for r in t.rows if (r.name or "").strip() and not (r.name or "").strip().startswith(_TOTAL_NAMES)]
        stated = count_number(m.group("n"))
        if stated is None or stated == len(listed):
            continue
        yield text_finding(
            "wording.unit_count",
            f"称预算单位共有{m.group('n')}个，其后的单位表列有 {len(listed)} 个单位 — "
            "the number of units stated against the table listing them",
            b, m.start(), m.end(),
        )


# what the department's budget is said to consist of: its 本级 ("部门本级(机关)预算", "局本级预算",
# "局机关预算"), and perhaps its units ("和所属事业单位预算", "、局属事业单位预算", "及直属单位预算")
SCOPE_RE = re.compile(
    r"预算包括\s*:?\s*(?:部门|[局委部办厅署])?(?:本级|机关)(?:\([^()]{1,6}\))?(?:预算)?"
    r"(?P<units>\s*(?:和|及|以及|、)\s*(?:[局委部办厅]?(?:所属|下属|直属|所管|属))[^。;,]{0,8}?单位(?:预算)?)?"
    r"\s*(?P<end>。|$)?"
)
_SCOPE_HINT = re.compile("预算包括")
# the 本级 as a table of units names it: "西安市审计局本级（机关）", "…(机关)", "市气象局（本级）"
_OWN_LEVEL_RE = re.compile(r"本级|\(机关\)$|机关$")


@rule(
    "wording.unit_scope",
    severity="warning",
    description="称部门预算包括本级和所属单位预算，其后的单位表只列本级（或反之） — "
    "the budget's scope stated against the table of its units",
)
def unit_scopes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).holding(_SCOPE_HINT):
        m = SCOPE_RE.search(b.text)
        if b.heading or m is None or (m.group("units") is None and m.group("end") is None):
            continue  # no scope of this form, or one that goes on naming more than the 本级
        t = _next_table(doc, b)
        if t is None or not any(UNITS_HEADER in cell for line in t.header for cell in line):
            continue
        ctx.checked()
        listed = [(r.name or "").strip() for r in t.rows
                  if (r.name or "").strip() and not (r.name or "").strip().startswith(_TOTAL_NAMES)]
        alone = len(listed) == 1 and _OWN_LEVEL_RE.search(_fold(listed[0])) is not None
        if m.group("units") is not None and alone:
            yield text_finding(
                "wording.unit_scope",
                f"称部门预算包括本级预算和{m.group('units').strip(' 和及、以')}，其后的单位表只列本级"
                f"“{listed[0]}”一个单位 — the scope names the department's units, its table lists the 本级 alone",
                b, m.start(), m.end(),
            )
        elif m.group("units") is None and len(listed) > 1:
            yield text_finding(
                "wording.unit_scope",
                f"称部门预算只包括本级预算，其后的单位表列有 {len(listed)} 个单位 — "
                "the scope names the 本级 alone, its table lists more units",
                b, m.start(), m.end(),
            )


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name)
