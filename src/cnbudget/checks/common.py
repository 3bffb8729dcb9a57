"""Small helpers shared by the rule families (no rules here): failing closed, and reading the
document's text (``Disclosure.text``) sentence by sentence for the wording rules."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding
from cnbudget.checks.values import table_label
from cnbudget.model import Disclosure, Finding, Row, Table, TextBlock
from cnbudget.narrative.sentences import sentence_span


def could_not_verify(
    ctx: Context, what: str, reason: str, table: Table | None = None, column: str | None = None
) -> Finding:
    """Fail closed: say what could not be verified and why (``verify.could_not_verify``)."""
    ctx.unverified()
    where = f"{table_label(table)}：" if table is not None else ""
    return finding(
        "verify.could_not_verify",
        f"{where}无法核验{what}：{reason} — could not verify ({ctx.current_rule})",
        table=table.kind if table is not None else None,
        column=column,
        source=table.source if table is not None else None,
    )


# --------------------------------------------------------------------------- the document's text

# Parts whose text the wording rules do not read for typography: the tables' captions and notes
# are joined by the reader without the punctuation of running text.
TABLE_PART = "tables"


def text_blocks(doc: Disclosure, *, skip_parts: tuple[str, ...] = ()) -> Iterator[TextBlock]:
    """The headings and passages of ``doc`` (``Disclosure.text``), minus ``skip_parts``."""
    for b in doc.text:
        if b.part not in skip_parts:
            yield b


def sentence_of(block: TextBlock, start: int, end: int | None = None) -> str:
    """The sentence of ``block`` around ``text[start:end]`` (at most 160 characters of it)."""
    s0, s1 = sentence_span(block.text, start)
    if end is not None and end > s1:
        s1 = end
    s = block.text[s0:s1].strip()
    if len(s) <= 160:
        return s
    a = max(s0, start - 70)
    return "…" + block.text[a:a + 150].strip() + "…"


def text_finding(rule_id: str, message: str, block: TextBlock, start: int, end: int | None = None,
                 **kw: object) -> Finding:
    """A finding on the sentence of ``block`` at ``start``; the message starts with the place
    (第12行 / 第3页), so that the same wording found in two places stays two findings."""
    src = block.source_at(start)
    return finding(rule_id, f"{src.label()}：{message}", source=src, text=sentence_of(block, start, end),
                   **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the tables' text cells


def text_cells(doc: Disclosure, ctx: Context) -> list[tuple[Table, Row, str, str]]:
    """The text cells of the tables (a project's 绩效目标, a 指标's 指标值, a 项目概述) — sentences
    too: (table, row, column label, the cell's text NFKC-folded as ``Disclosure.text`` is), folded
    once per run (several rules read them all)."""
    return ctx.index("text_cells", doc, _folded_cells)


def _folded_cells(doc: Disclosure) -> list[tuple[Table, Row, str, str]]:
    return [(t, r, col, unicodedata.normalize("NFKC", cell))
            for t in doc.tables for r in t.rows for col, cell in r.texts.items()]


def cell_finding(rule_id: str, message: str, table: Table, row: Row, column: str, cell: str, start: int,
                 end: int, **kw: object) -> Finding:
    """A finding on a table's text cell, pointing at its table, row and column; the message starts
    with the place and names the cell, ``text`` quotes the cell around ``cell[start:end]``."""
    a, z = max(0, start - 20), end + 20
    name = row.name or row.code or ""
    return finding(
        rule_id, f"{row.source.label()}：{table.title}“{name}”的{column}栏{message}",
        table=table.kind, row=name or None, column=column, source=row.source,
        text=("…" if a else "") + cell[a:z] + ("…" if z < len(cell) else ""), **kw,  # type: ignore[arg-type]
    )
