"""``Produced``: a whole disclosure in its layout's order, as blocks every renderer draws.

Blocks are ``Heading`` (level 1 = document title, 2 = 第X部分, 3 = section), ``Para`` and
``TableBlock`` (a model ``Table``).  The layout's parts give the order: a budget prints title,
第一部分 概况, 第二部分 情况说明, 第三部分 名词解释, 附件 (the tables); a final account prints
its nine 公开表 as 第二部分 and the 情况说明 after them.  A table the input lacks is printed
empty with its note.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.document import Source
from cnbudget.model import Column, Disclosure, Meta, Row, Table
from cnbudget.produce.consistency import InconsistentInput, ensure_consistent
from cnbudget.produce.derive import derive_disclosure, input_layout, validate
from cnbudget.produce.inputs import Facts, FinalInput, Input, Previous
from cnbudget.produce.layout import BadLayout, DocumentLayout, Part, layout_of
from cnbudget.produce.narrative import FILL, narrate
from cnbudget.produce.recipe import table_title


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class TableBlock:
    table: Table


Block = Heading | Para | TableBlock


@dataclass(frozen=True)
class Produced:
    meta: Meta
    blocks: tuple[Block, ...]
    disclosure: Disclosure

    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if isinstance(b, TableBlock)]

    def text_of_narrative(self) -> str:
        return "\n".join(b.text for b in self.blocks if isinstance(b, Para))


_CN = "一二三四五六七八九十"


def _cn(i: int) -> str:
    if i <= 10:
        return _CN[i - 1]
    return "十" + _CN[i - 11]


def document_title(meta: Meta, layout: DocumentLayout | None = None) -> str:
    layout = layout or layout_of(meta.kind)
    name = meta.department or FILL
    if meta.scope == "unit" and "本级" not in name:
        name = f"{name}（本级）"
    return f"{name}{meta.year or FILL}年{layout.title_word}"


def empty_table(kind: str, meta: Meta, layout: DocumentLayout | None = None) -> Table:
    """A required table the input lacks: printed empty, with its notes."""
    layout = layout or layout_of(meta.kind)
    t = layout.table(kind)
    if t is None:
        raise BadLayout(f"版式 {layout.name} 没有表 {kind}")
    labels = t.labels()
    note = (t.empty_note or layout.empty_table_note).format(year=meta.year or FILL)
    rows = () if t.two_sided or t.three_groups else (
        Row(code=None, name="合计", values={}, source=Source(), item="total"),)
    return Table(kind=kind, title=table_title(t, layout, meta.year), unit=meta.unit or "万元",
                 columns=tuple(Column(c, labels.get(c, c)) for c in t.amount_ids()), rows=rows,
                 source=Source(), number=t.number or None, notes=(*t.notes, note))


def _profile(part: Part, facts: Facts, fill: dict[str, object]) -> list[Block]:
    blocks: list[Block] = []
    for section in part.sections:
        blocks.append(Heading(section.heading, 3))
        for item in section.items:
            value = getattr(facts, item.fact, None)
            if isinstance(value, tuple):  # a list of duties: （一）…, （二）…
                if value:
                    blocks.extend(Para(f"（{_cn(i)}）{d}") for i, d in enumerate(value, start=1))
                    continue
            elif value:
                blocks.append(Para(str(value)))
                continue
            blocks.append(Para(item.placeholder.format(**fill)))
    return blocks


def assemble(
    disclosure: Disclosure,
    *,
    facts: Facts | None = None,
    previous: Previous | None = None,
    initial: Mapping[str, Decimal] | None = None,
    item_reasons: Mapping[str, str] | None = None,
    layout: DocumentLayout | None = None,
) -> Produced:
    """The whole disclosure of ``disclosure``'s tables in its layout (by default the one of its
    ``meta.kind``), with its narrative generated."""
    layout = layout or layout_of(disclosure.meta.kind)
    facts = facts or Facts()
    meta = disclosure.meta
    fill = {"dept": meta.department or FILL, "year": meta.year or FILL}
    blocks: list[Block] = [Heading(document_title(meta, layout), 1)]
    for part in layout.parts:
        blocks.append(Heading(part.heading.format(**fill), 2))
        if part.content == "profile":
            blocks.extend(_profile(part, facts, fill))
        elif part.content == "narrative":
            for section in narrate(disclosure, layout, previous, facts, initial, item_reasons):
                blocks.append(Heading(section.heading, 3))
                blocks.extend(Para(p) for p in section.paragraphs)
        elif part.content == "glossary":
            for i, (term, text) in enumerate(facts.glossary or layout.glossary, start=1):
                blocks.append(Para(f"{_cn(i)}、{term}：{text}"))
        elif part.content == "tables":
            by_kind = {t.kind: t for t in disclosure.tables}
            for kind in layout.order:
                blocks.append(TableBlock(by_kind.get(kind) or empty_table(kind, meta, layout)))
            for t in disclosure.tables:  # tables beyond the standard set keep their place after them
                if t.kind not in layout.order:
                    blocks.append(TableBlock(t))
        else:
            raise BadLayout(f"版式 {layout.name} 的部分“{part.heading}”内容未知：{part.content}")
    return Produced(meta=meta, blocks=tuple(blocks), disclosure=disclosure)


def _initial_budget(inp: FinalInput) -> dict[str, Decimal] | None:
    """年初预算数 by 项 of 一般公共预算财政拨款 (``None`` when no line has one)."""
    sums: dict[str, Decimal] = {}
    for ln in inp.lines:
        if ln.fund == "general_budget" and ln.initial_budget is not None:
            sums[ln.code] = sums.get(ln.code, Decimal(0)) + ln.initial_budget
    return sums or None


def build_produced(inp: Input, previous: Previous | None = None, file: str = "",
                   layout: DocumentLayout | None = None) -> Produced:
    """An input's whole disclosure: validated, derived, verified, narrated."""
    layout = input_layout(inp, layout)
    problems = validate(inp)
    if problems:
        raise InconsistentInput(problems, file=file or None)
    disclosure = derive_disclosure(inp, file=file, layout=layout)
    ensure_consistent(disclosure, file=file or None)
    initial = reasons = None
    if isinstance(inp, FinalInput):
        initial = _initial_budget(inp)
        reasons = {ln.code: ln.reason for ln in inp.lines if ln.reason}
    return assemble(disclosure, facts=inp.facts, previous=previous or inp.previous, initial=initial,
                    item_reasons=reasons, layout=layout)
