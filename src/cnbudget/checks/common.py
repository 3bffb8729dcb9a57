"""Small helpers shared by the rule families (no rules here): failing closed, reading the
document's text (``Disclosure.text``) sentence by sentence for the wording rules, and the indexes
several rules read within one run (``Texts``: the passages and the tables' text cells, with the
one search that tells which of them a rule's pattern can match in; the economic items' totals)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding
from cnbudget.checks.values import economic_by_code, table_label
from cnbudget.model import Claim, Disclosure, Finding, Row, Table, TextBlock
from cnbudget.narrative.sentences import sentence_span
from cnbudget.numbers import Interval


def claims_by_id(doc: Disclosure) -> dict[int, Claim]:
    """The document's claims by id: a claim names the claims it is linked to (``related``) by id."""
    return {c.id: c for c in doc.claims}


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


def economic_totals(ctx: Context, doc: Disclosure, t: Table, col: str) -> dict[str, Interval]:
    """``economic_by_code(t, col)``, added up once per run: three rules compare the 基本支出表's
    economic items (read it, never change it)."""
    totals: dict[tuple[int, str], tuple[Table, dict[str, Interval]]] = ctx.index("economic_totals", doc, lambda d: {})
    found = totals.get((id(t), col))
    if found is None or found[0] is not t:
        found = totals[(id(t), col)] = (t, economic_by_code(t, col))
    return found[1]


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


# --------------------------------------------------------------------------- which texts a pattern can match

T = TypeVar("T")
# What a rule searches the joined texts for (``Texts.where``): one context-free pattern, or
# several (a text holding any of them is a candidate).
Hint = re.Pattern[str] | tuple[re.Pattern[str], ...]


def literal_first(words: Iterable[str], rest: str = "") -> tuple[re.Pattern[str], ...]:
    """``(?:w1|w2|…)rest`` as a hint of one pattern per word, each opening with its literal (the
    same texts match; see ``Texts``)."""
    return tuple(re.compile(re.escape(w) + rest) for w in words)
# Between two texts in ``Texts.joined``: a hint that matches across it only adds a text to try.
_JOIN = "\n"


@dataclass(frozen=True)
class Texts(Generic[T]):
    """Texts several wording rules read (the passages, or the tables' text cells), with their
    texts joined into one, read once per run.  A rule looks for a slip that most texts do not
    hold; one search of the joined text tells which texts may hold it, where a search of each
    text costs a Python step per text and rule.

    ``holding(hint)`` is exact only for a *context-free* hint: no look-around, anchor (^ $ \\A
    \\Z) or word boundary, so that a match inside one text is a match at the same place of the
    joined text (tests/checks/test_texts.py proves each hint so).  The rule's own pattern, when
    it is context-free, is its own hint; else a hint is a pattern every match of the rule's
    holds (its look-arounds dropped, or turned into the characters they look at).

    A hint may be several patterns (a text holding any of them is tried): a pattern that opens
    with a literal is found at C speed, where an alternation of groups or classes is tried at
    every position of the joined text — several times slower on a long narrative."""

    items: tuple[T, ...]
    texts: tuple[str, ...]
    joined: str
    starts: tuple[int, ...]  # where each text starts in ``joined``

    @classmethod
    def of(cls, items: Sequence[T], texts: Sequence[str]) -> Texts[T]:
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + len(_JOIN)
        return cls(tuple(items), tuple(texts), _JOIN.join(texts), tuple(starts))

    def holding(self, hint: Hint) -> list[T]:
        """The items whose text ``hint`` matches in, in order (and perhaps one where a match of
        the joined text runs on into the next text: the rule tries it and finds nothing)."""
        return [self.items[k] for k in self.where(hint)]

    def where(self, hint: Hint) -> list[int]:
        """The positions of ``holding``'s items."""
        if isinstance(hint, re.Pattern):
            return list(self._candidates(hint))
        found: set[int] = set()
        for pattern in hint:
            found.update(self._candidates(pattern))
        return sorted(found)

    def ending(self, tail: str) -> list[int]:
        """The positions of the texts that may end with ``tail`` (a context-free pattern, spaces
        after it aside): sought where it stands before the break joining a text to the next, and
        in the last text — one scan at C speed, where a Python step per text would not be."""
        found = set(self.where(re.compile(f"(?:{tail})[ \t]*{re.escape(_JOIN)}")))
        if self.texts and re.search(f"(?:{tail})[ \t]*$", self.texts[-1]):
            found.add(len(self.texts) - 1)
        return sorted(found)

    def matched(self, pattern: re.Pattern[str]) -> bool:
        """Whether a context-free ``pattern`` matches inside one of the texts (the first that
        does ends the search)."""
        return any(pattern.search(self.texts[k]) for k in self._candidates(pattern))

    def _candidates(self, hint: re.Pattern[str]) -> Iterator[int]:
        at = 0
        while (m := hint.search(self.joined, at)) is not None:
            k = bisect_right(self.starts, m.start()) - 1
            yield k
            if k + 1 == len(self.starts):
                break
            at = self.starts[k + 1]  # the next text: one match tells this one may hold it


def passages(doc: Disclosure, ctx: Context, *, tables_part: bool = False) -> Texts[TextBlock]:
    """The headings and passages of ``doc`` (with ``tables_part``: also the tables' captions and
    notes), read once per run."""
    if tables_part:
        return ctx.index("texts.all", doc, lambda d: _texts(list(d.text)))
    return ctx.index("texts.running", doc, lambda d: _texts(list(text_blocks(d, skip_parts=(TABLE_PART,)))))


def _texts(blocks: list[TextBlock]) -> Texts[TextBlock]:
    return Texts.of(blocks, [b.text for b in blocks])


def cells(doc: Disclosure, ctx: Context) -> Texts[tuple[Table, Row, str, str]]:
    """``text_cells`` as ``Texts`` (the folded cell's text is what a hint is matched to)."""
    found = text_cells(doc, ctx)
    return ctx.index("texts.cells", doc, lambda d: Texts.of(found, [c[3] for c in found]))


def checked_each(ctx: Context, items: Sequence[object]) -> None:
    """Count each of ``items`` as checked (a rule that read nothing counts nothing)."""
    if items:
        ctx.checked(len(items))


# --------------------------------------------------------------------------- the tables' text cells


def text_cells(doc: Disclosure, ctx: Context) -> list[tuple[Table, Row, str, str]]:
    """The text cells of the tables (a project's 绩效目标, a 指标's 指标值, a 项目概述) — sentences
    too: (table, row, column label, the cell's text NFKC-folded as ``Disclosure.text`` is), folded
    once per run (several rules read them all)."""
    return ctx.index("text_cells", doc, _folded_cells)


def _folded_cells(doc: Disclosure) -> list[tuple[Table, Row, str, str]]:
    folded: dict[str, str] = {}  # a unit's name or a project type repeats from row to row
    out = []
    for t in doc.tables:
        for r in t.rows:
            if not r.texts:
                continue
            for col, cell in r.texts.items():
                got = folded.get(cell)
                if got is None:
                    got = folded[cell] = nfkc(cell)
                out.append((t, r, col, got))
    return out


# Full-width ASCII forms and the ideographic space, by their NFKC character.
_NARROW = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_WIDE_RE = re.compile("[\uff01-\uff5e\u3000]")


def _narrow(m: re.Match[str]) -> str:
    return _NARROW[m.group()]


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, cheaper for the cells of Chinese tables: their
    only characters NFKC changes are mostly the full-width marks ("，：；（）"), mapped here one by
    one (a few per cell: a substitution per mark beats translating every character); the full
    normalisation runs only where something else is left.  (NFKC decomposes each full-width
    form to its ASCII character, so mapping it first changes nothing.)"""
    if unicodedata.is_normalized("NFKC", text):  # the quick check, in C
        return text
    narrow = _WIDE_RE.sub(_narrow, text)
    return narrow if unicodedata.is_normalized("NFKC", narrow) else unicodedata.normalize("NFKC", narrow)


def pattern_findings(doc: Disclosure, ctx: Context, rule_id: str, hint: Hint, pattern: re.Pattern[str],
                     message: Callable[[str, re.Match[str]], str | None], *,
                     skip_parts: tuple[str, ...] = ()) -> Iterator[Finding]:
    """A finding on each match of ``pattern`` in the running text (not in ``skip_parts``) and in
    the tables' text cells, both sought through ``hint``; ``message(text, match)`` words it, or
    says None where the match is no slip."""
    text, table_cells = passages(doc, ctx), cells(doc, ctx)
    checked_each(ctx, text.items)
    checked_each(ctx, table_cells.items)
    for b in text.holding(hint):
        if b.part in skip_parts:
            continue
        for m in pattern.finditer(b.text):
            if (said := message(b.text, m)) is not None:
                yield text_finding(rule_id, said, b, m.start(), m.end())
    for t, r, col, cell in table_cells.holding(hint):
        for m in pattern.finditer(cell):
            if (said := message(cell, m)) is not None:
                yield cell_finding(rule_id, "：" + said, t, r, col, cell, m.start(), m.end())


def cell_finding(rule_id: str, message: str, table: Table, row: Row, column: str, cell: str, start: int,
                 end: int, **kw: object) -> Finding:
    """A finding on a table's text cell, pointing at its table, row and column; the message starts
    with the place and names the cell, ``text`` quotes the cell around ``cell[start:end]``."""
    a, z = max(0, start - 20), end + 20
    name = row.name or row.code or ""
    source = row.text_source(column, start)  # a cell carried over a page break: the page of its words
    return finding(
        rule_id, f"{source.label()}：{table.title}“{name}”的{column}栏{message}",
        table=table.kind, row=name or None, column=column, source=source,
        text=("…" if a else "") + cell[a:z] + ("…" if z < len(cell) else ""), **kw,  # type: ignore[arg-type]
    )
