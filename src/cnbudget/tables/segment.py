"""Find the tables in a document: each Grid with its title, number, unit and notes, and the
grids that continue a table after a page break joined to it.

A grid continues the table before it when nothing but page furniture (the repeated title,
"编制部门：…", "单位：万元", page numbers) stands between them and the table was not closed
by its notes ("注：…", "说明：…").  A repeated header at the top of the continuation is
removed by the row parser, which sees both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cnbudget.document import Document, Grid, Paragraph, Source
from cnbudget.tables.cells import clean, compact
from cnbudget.tables.kinds import kind_from_title

_NUMBER_RE = re.compile(r"^(?:公开|预算|决算|附)?\s*(?:\d{1,2}\s*表|表\s*[0-9一二三四五六七八九十]{1,3})$")
_NUMBER_IN_TEXT_RE = re.compile(r"(公开\s*\d{1,2}\s*表|预算\s*\d{1,2}\s*表|附表\s*\d{1,2}|(?<![\u4e00-\u9fff])表\s*\d{1,2}(?!\d))")
_UNIT_RE = re.compile(r"(?:金额)?单\s*位\s*[:：]\s*(万元|元|千元|亿元)")
# "编制部门：", "单位名称：", "部门（单位）：", "预算部门(单位)名称：", "填报单位：", or the label
# alone on its line with the name on the next ("部门（单位）名称" / "西安市气象局") — the line that
# names the department above a table (repeated on every page of a continued table)
_DEPT_RE = re.compile(r"^(?:编制|填报|预算)?(?:部门|单位)(?:[（(](?:单位|部门)[)）])?(?:名称\s*$|(?:名称)?\s*[:：])")
# a line that only names the department or unit, with or without its code: "507-湖州市卫生健康委员会"
_ORG_LINE_RE = re.compile(
    r"^(?:\d{3,9}\s*[-－—_]?\s*)?[\u4e00-\u9fff（）()]{2,40}"
    r"(?:局|委员会|委|办公室|办|中心|院|所|站|队|厅|部|馆|会|学校|医院|政府)(?:（本级）|\(本级\))?$"
)
# "注：…", "备注：…", and the same in brackets: "（注：2026年没有使用…安排的支出。）"
_NOTE_RE = re.compile(r"^[（(]?\s*(?:注|备注|说明|备注说明)\s*[:：\d（(]")
_PAGE_RE = re.compile(r"^[-—\s]*\d{1,3}[-—\s]*$|^第\s*\d+\s*页")
_YEAR_LINE_RE = re.compile(r"^[(（]\s*\d{4}\s*年度?\s*[)）]$")
_TITLE_MAX = 70


@dataclass
class Candidate:
    """A table as found in the document, before its rows are read."""

    title: str = ""
    number: str | None = None
    unit: str | None = None
    grids: list[Grid] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    closed: bool = False
    lead: tuple[str, ...] = ()  # the lines printed above its first grid (number, title, 部门…)

    @property
    def source(self) -> Source:
        return self.grids[0].source


def unit_in(text: str) -> str | None:
    m = _UNIT_RE.search(compact(text))
    return m.group(1) if m else None


def number_in(text: str) -> str | None:
    t = compact(text)
    if _NUMBER_RE.match(t):
        return t
    m = _NUMBER_IN_TEXT_RE.search(t)
    return m.group(1).replace(" ", "") if m else None


def is_title(text: str) -> bool:
    t = compact(text)
    if not t or len(t) > _TITLE_MAX or t.startswith(("注", "说明", "备注")):
        return False
    if "。" in t or "，" in t or "," in t:
        return False
    return kind_from_title(t) is not None and ("表" in t or "情况" in t)


def _role(p: Paragraph) -> str:
    t = compact(p.text)
    if not t or _PAGE_RE.match(t) or _YEAR_LINE_RE.match(t):
        return "furniture"
    if _NOTE_RE.match(t):
        return "note"
    if is_title(t):
        return "title"
    if number_in(t) and len(t) <= 12:
        return "number"
    if unit_in(t) and len(t) <= 40:
        return "unit"
    if (_DEPT_RE.match(t) or _ORG_LINE_RE.match(t)) and len(t) <= 60:
        return "dept"
    return "prose"


def find_tables(doc: Document) -> list[Candidate]:
    """Group the document's grids into table candidates, in document order."""
    out: list[Candidate] = []
    pending: list[tuple[str, Paragraph]] = []  # paragraphs since the last grid
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if pending and (joined := _title_continued(pending[-1][1], block)) is not None:
                pending[-1] = ("title", joined)
                continue
            role = _role(block)
            if role == "note" and out and not pending_has(pending, "title", "prose", "number"):
                out[-1].notes.append(block.text.strip())
                out[-1].closed = True
                continue
            pending.append((role, block))
            continue
        grid: Grid = block
        # a title counts only after the last paragraph of prose (not a far-away 目录 entry)
        last_prose = max((i for i, (r, _) in enumerate(pending) if r == "prose"), default=-1)
        titles = [p for r, p in pending[last_prose + 1 :] if r == "title"]
        numbers = [number_in(p.text) for r, p in pending if r in ("number", "title") and number_in(p.text)]
        units = [unit_in(p.text) for r, p in pending if unit_in(p.text)]
        prose = [p for r, p in pending if r == "prose"]
        prev = out[-1] if out else None
        lead = tuple(compact(p.text) for r, p in pending if r != "furniture")
        # every line above the grid repeats a line above the table's first page: a page header
        # printed again (number, title, "507-某某局", unit, the document's running head),
        # whatever its wording
        repeated = prev is not None and bool(lead) and set(lead) <= set(prev.lead)
        continues = (
            prev is not None
            and not prev.closed
            and (not prose or repeated)
            and (not numbers or all(n == prev.number for n in numbers))
            and (not titles or all(_same_title(compact(t.text), prev.title) for t in titles))
        )
        inner = _inner_title(grid)
        if continues and prev is not None and inner and compact(inner) != compact(prev.title):
            continues, titles = False, []  # a new form whose title is printed inside its grid
        if continues and prev is not None and titles and _starts_new_form(grid, prev):
            continues = False  # the same title again, over a new form (one per project)
        if continues and prev is not None:
            prev.grids.append(grid)
        else:
            cand = Candidate(
                title=clean(titles[-1].text) if titles else (inner or ""),
                number=numbers[-1] if numbers else None,
                unit=units[-1] if units else None,
                grids=[grid],
                lead=lead,
            )
            if not cand.title and prose and len(compact(prose[-1].text)) <= _TITLE_MAX and "表" in prose[-1].text:
                cand.title = clean(prose[-1].text)
            out.append(cand)
        pending = []
    return out


def _title_continued(first: Paragraph, second: Paragraph) -> Paragraph | None:
    """A title wrapped over two lines ("…一般公共预算支出明细表" / "（按经济分类科目分）",
    "…政府采购（资产配置、购买服务）" / "预算表（不含上年结转）"): the two lines as one title,
    where together they are a title and the second line is none of its own."""
    a, b = compact(first.text), compact(second.text)
    if not a or not b or len(a) > 50 or len(b) > 30 or len(a) + len(b) > _TITLE_MAX:
        return None
    if _role(first) not in ("title", "prose") or _role(second) != "prose" or is_title(b):
        return None
    if not is_title(a + b) or (is_title(a) and not b.startswith(("(", "（"))):
        return None
    return Paragraph(text=first.text.rstrip() + second.text.strip(), source=first.source, heading=first.heading,
                     bold=first.bold)


def pending_has(pending: list[tuple[str, Paragraph]], *roles: str) -> bool:
    return any(r in roles for r, _ in pending)


def _same_title(a: str, b: str) -> bool:
    """The title repeated on a continuation page (not merely another table of the same kind)."""
    return compact(a) == compact(b)


_FORM_START = ("项目名称", "部门名称", "部门(单位)名称", "单位名称", "预算部门(单位)名称", "项目支出名称")


def _inner_title(grid: Grid) -> str | None:
    """A table title printed in the first rows of the grid itself (not a row of a list of
    tables: "表1 | 2020年部门收支总表 | …")."""
    for row in grid.rows[:2]:
        if is_list_of_tables_row(row):
            continue
        for cell in row:
            if is_title(cell):
                return clean(cell)
    return None


def is_list_of_tables_row(row: tuple[str, ...] | list[str]) -> bool:
    return any(_NUMBER_RE.match(compact(c)) for c in row if c.strip())


def _starts_new_form(grid: Grid, prev: Candidate) -> bool:
    first = next((r for r in grid.rows if any(c.strip() for c in r)), None)
    if first is None:
        return False
    lead = compact(next(c for c in first if c.strip()))
    prev_first = next((r for r in prev.grids[0].rows if any(c.strip() for c in r)), ())
    return lead in _FORM_START and [compact(c) for c in first] != [compact(c) for c in prev_first]
