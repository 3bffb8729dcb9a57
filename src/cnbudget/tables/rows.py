"""The rows of a table candidate: page furniture removed, header separated from data.

Every stage after this sees ``Line``s: cleaned cell texts with the source of the printed row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cnbudget.document import Source
from cnbudget.tables.cells import (
    clean,
    compact,
    has_cjk,
    is_amount,
    is_code,
    is_ordinal_row,
    is_placeholder_row,
    is_total_label,
)
from cnbudget.tables.segment import Candidate, number_in, unit_in

_UNIT_PHRASE_RE = re.compile(r"[（(]?\s*(?:金额)?单\s*位\s*[:：]\s*(?:万元|元|千元|亿元)\s*[)）]?")
# the page furniture printed inside a grid ("单位：万元", "编制部门：…", "公开01表"); a unit in
# brackets is part of a header label ("预算数（单位：万元）"), not furniture
_FURNITURE_RE = re.compile(r"^(?:编制)?(?:部门|单位)(?:名称)?[:：]|(?<![（(])单位[:：]|^公开\d+表$|^表\d+$|^\(\d{4}年度\)$")


@dataclass
class Line:
    cells: list[str]
    source: Source

    def text(self) -> str:
        return "".join(compact(c) for c in self.cells)

    def nonempty(self) -> list[tuple[int, str]]:
        return [(i, c) for i, c in enumerate(self.cells) if c]


@dataclass
class TableLines:
    header: list[Line]
    data: list[Line]
    unit: str | None
    number: str | None
    width: int


def is_furniture(line: Line) -> bool:
    cells = [c for _, c in line.nonempty()]
    if not cells:
        return True
    joined = "".join(compact(c) for c in cells)
    if any(is_amount(c) for c in cells) and not unit_in(joined):
        return False
    return bool(_FURNITURE_RE.search(joined)) and len(cells) <= 3


def is_data(line: Line, key_cols: int = 5) -> bool:
    cells = line.nonempty()
    if not cells:
        return False
    if any(is_amount(c) and not is_code(c) for _, c in cells):
        return True
    lead = [c for i, c in cells if i < key_cols]
    if any(is_code(c) for c in lead):
        return True
    first = cells[0][1]
    if is_total_label(first) and cells[0][0] < key_cols:
        # a 合计 row: the label first, then only amounts (or OCR noise without CJK)
        return all(not has_cjk(c) or is_total_label(c) for _, c in cells[1:])
    return False


def split_lines(cand: Candidate) -> TableLines:
    """Collect the candidate's rows; find where the header ends; drop repeated headers."""
    unit, number = cand.unit, cand.number
    lines: list[Line] = []
    first_header: list[str] | None = None
    header: list[Line] = []
    data: list[Line] = []
    for g_index, grid in enumerate(cand.grids):
        in_header = True
        for r, row in enumerate(grid.rows):
            line = Line([clean(c) for c in row], grid.row_source(r))
            if is_furniture(line):
                unit = unit or unit_in(line.text())
                number = number or number_in(line.text())
                continue
            u = unit_in(line.text())
            if u:
                unit = unit or u
                # a cell that is only the unit goes; a label that carries it keeps its words
                # ("预算数（单位：万元）" → "预算数")
                line.cells = [_UNIT_PHRASE_RE.sub("", c).strip() if unit_in(c) else c for c in line.cells
                              if not unit_in(c) or _UNIT_PHRASE_RE.sub("", c).strip()]
            if in_header and (is_ordinal_row(line.cells) or is_placeholder_row(line.cells)):
                in_header = False
                continue
            if in_header and not is_data(line):
                if g_index == 0:
                    header.append(line)
                    if first_header is None:
                        first_header = line.cells
                    continue
                if _repeats_header(line, header):
                    continue  # the header printed again on a continuation page
                # a line continuing a cell broken over the page break: data
            in_header = False
            if is_ordinal_row(line.cells) and not data:
                continue
            lines.append(line)
            data.append(line)
    data = split_glued_figures(join_wrapped_figures(data))
    width = max([len(x.cells) for x in header + data] or [0])
    return TableLines(header=header, data=data, unit=unit, number=number, width=width)


_TAIL_RE = re.compile(r"^(?:\d{1,2}|\.\d{1,2})$")
_ONE_DECIMAL_RE = re.compile(r"^-?[\d,]*\d\.\d$")
_INTEGER_RE = re.compile(r"^-?\d{1,3}(?:,\d{3})+$|^-?\d+$")
_TWO_DECIMALS_RE = re.compile(r"\.\d\d$")


_GLUED_RE = re.compile(r"^(.*[\u4e00-\u9fff）)])(-?\d{1,3}(?:,\d{3})*\.\d{1,2}|-?\d+\.\d{1,2})$")


# A name's tail, a gap, then a figure: the tail spilled into the amount cell ("维 6540000", 西安)
_SPILLED_TAIL_RE = re.compile(
    r"^([\u4e00-\u9fff][\u4e00-\u9fff）)”」]*)\s+(-?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|-?\d+(?:\.\d{1,2})?)$")


def split_glued_figures(data: list[Line]) -> list[Line]:
    """A name clipped by its cell runs into the figure after it in the text layer: the figure
    goes back to the empty amount cell on its right ("机关事业单位职业年金缴费支出43608.96"), or
    the name's tail back to the name ("机关事业单位职业年金" | "缴费支出43608.96")."""
    figures = _figure_columns(data)
    for line in data:
        for i, cell in enumerate(line.cells):
            spilled = _SPILLED_TAIL_RE.match(cell.strip()) if i in figures else None
            if spilled and i > 0 and has_cjk(line.cells[i - 1]) and not is_amount(line.cells[i - 1]):
                # a whole figure after the name's spilled tail, set apart by the cell's gap, in
                # a column of figures ("…中国城市”评" | "选 700000")
                line.cells[i - 1], line.cells[i] = line.cells[i - 1] + spilled.group(1), spilled.group(2)
                continue
            m = _GLUED_RE.match(cell.replace(" ", ""))
            if not m:
                continue
            if i + 1 < len(line.cells) and not line.cells[i + 1]:
                line.cells[i], line.cells[i + 1] = m.group(1), m.group(2)
            elif i > 0 and has_cjk(line.cells[i - 1]) and not is_amount(line.cells[i - 1]):
                # the name's tail spilled into the amount cell ("缴费支出43608.96")
                line.cells[i - 1], line.cells[i] = line.cells[i - 1] + m.group(1), m.group(2)
    return data


def _figure_columns(data: list[Line]) -> set[int]:
    """Columns whose filled cells are mostly figures."""
    filled: dict[int, int] = {}
    figures: dict[int, int] = {}
    for line in data:
        for i, c in line.nonempty():
            filled[i] = filled.get(i, 0) + 1
            figures[i] = figures.get(i, 0) + is_amount(c)
    return {i for i, n in filled.items() if figures[i] * 2 > n}


def join_wrapped_figures(data: list[Line]) -> list[Line]:
    """Figures wrapped inside a narrow cell ("18,536.8" over "8", "1,264,602" over ".38") are
    one figure: a line holding nothing but such tails, each under a figure of the line above
    that lacks exactly those digits, is joined to it.  Only in tables that print two decimals,
    so that a small integer of its own (a count) is never glued to the figure above it."""
    amounts = [c for line in data for c in line.cells if is_amount(c) and "." in c]
    if not amounts or sum(1 for c in amounts if _TWO_DECIMALS_RE.search(c)) * 2 <= len(amounts):
        return data
    out: list[Line] = []
    for line in data:
        tails = line.nonempty()
        prev = out[-1] if out else None
        heads = prev.nonempty() if prev is not None else []
        if prev is not None and _split_row(heads, line):
            # a tall row cut in two: its name's head and its figures' heads on one line, the tails
            # (and the figures that fitted) on the next ("中共…（本" 144,177.8 / "级）" 8 143,061.01 …)
            for i, c in heads:
                line.cells[i] = c + line.cells[i]
            out[-1] = line
            continue
        if prev is not None and heads and all(_ONE_DECIMAL_RE.match(c) for _, c in heads) and all(
            i < len(line.cells) and len(line.cells[i]) == 1 and line.cells[i].isdigit() for i, _ in heads
        ):
            # a figure centred in a tall cell: its head on an empty line above, its tail on the
            # labelled line ("" / "24995.9" over "本年支出合计" / "4")
            for i, c in heads:
                line.cells[i] = c + line.cells[i]
            out[-1] = line
            continue
        if prev is not None and tails and all(_TAIL_RE.match(c) for _, c in tails) and all(
            i < len(prev.cells) and _fits(prev.cells[i], c) for i, c in tails
        ):
            for i, c in tails:
                prev.cells[i] = prev.cells[i] + c
            continue
        if prev is not None and _name_and_figure_tails(prev, tails):
            # a row wrapped over a page break: "杭州市机动" 12,437.3 / "车驾驶员考试服务中心" 6
            for i, c in tails:
                prev.cells[i] = prev.cells[i] + c
            continue
        out.append(line)
    return out


def _split_row(heads: list[tuple[int, str]], line: Line) -> bool:
    """The line above holds only heads (a name cut short, figures cut short) whose tails stand
    in the same columns of this line, and at least one figure is among them."""
    figures = 0
    for i, head in heads:
        tail = line.cells[i] if i < len(line.cells) else ""
        if not tail:
            return False
        if has_cjk(head) and not is_amount(head):
            if not has_cjk(tail) or is_amount(tail):
                return False
        elif _TAIL_RE.match(tail) and _fits(head, tail):
            figures += 1
        else:
            return False
    return figures > 0


def _name_and_figure_tails(prev: Line, tails: list[tuple[int, str]]) -> bool:
    """One name tail under the name above and, beside it, only figure tails that fit the
    figures above: the rest of the line above."""
    texts = [(i, c) for i, c in tails if has_cjk(c)]
    figures = [(i, c) for i, c in tails if not has_cjk(c)]
    if len(texts) != 1 or not figures:
        return False
    i, _ = texts[0]
    name_above = prev.cells[i] if i < len(prev.cells) else ""
    return has_cjk(name_above) and not is_amount(name_above) and all(
        _TAIL_RE.match(c) and j < len(prev.cells) and _fits(prev.cells[j], c) for j, c in figures
    )


def _fits(head: str, tail: str) -> bool:
    if tail.startswith("."):
        return bool(_INTEGER_RE.match(head))
    return len(tail) == 1 and bool(_ONE_DECIMAL_RE.match(head))


_HEADER_ONLY = ("科目编码", "科目名称", "功能分类", "经济分类", "项目名称", "单位名称", "预算数", "决算数", "类", "款", "项")


def _repeats_header(line: Line, header: list[Line]) -> bool:
    text = line.text()
    if any(text == h.text() for h in header):
        return True
    labels = [compact(c) for _, c in line.nonempty()]
    return sum(1 for lab in labels if lab in _HEADER_ONLY or lab in ("合计", "小计")) >= 2
