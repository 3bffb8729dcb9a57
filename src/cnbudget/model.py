"""The structured model of a disclosure: plain frozen dataclasses shared by every stage.

``Disclosure`` = ``Meta`` + ``Table``s (of ``Row``s) + ``Claim``s (from the narrative).
``Finding`` is what a rule says about a disclosure.  Amounts are ``Decimal`` that remember how
they were printed; an absent cell is simply missing from ``Row.values`` (never zero).

Identifiers (table kinds, column ids, row items) are those of DESIGN.md's vocabulary; each is
documented where it is defined (``tables.kinds`` for table kinds, ``tables.columns`` for column
ids, ``tables.summary`` for the items of two-sided summary tables).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from cnbudget.document import Source

__all__ = [
    "Claim",
    "Column",
    "Disclosure",
    "Finding",
    "Meta",
    "Ref",
    "Repair",
    "Row",
    "Section",
    "Source",
    "Table",
    "TextBlock",
]


@dataclass(frozen=True)
class Repair:
    """A value the parser changed from what was printed, and why (shown to the user)."""

    field: str  # "code", or "values.<column id>"
    original: str
    repaired: str
    reason: str


@dataclass(frozen=True)
class Column:
    """One amount column: its id (DESIGN.md vocabulary, dotted for groups) and printed header."""

    id: str
    label: str


@dataclass(frozen=True)
class Row:
    """One line of a table.

    ``code``: function / economic / unit / project code as a string ("2080505", "30101",
    "313001").  ``side`` and ``item`` are set for two-sided summary tables.  ``texts`` holds the
    non-amount cells a person needs (project type, unit name, indicator values), keyed by their
    header label.  ``values`` maps column id → amount; an absent (blank) cell has no key.
    ``breaks`` says where a text cell carried over a page break goes on: (header label, offset in
    its text, the source of the rest), so that a finding on its words names the page they are on.
    """

    code: str | None
    name: str | None
    values: Mapping[str, Decimal]
    source: Source
    side: str | None = None
    item: str | None = None
    texts: Mapping[str, str] = field(default_factory=dict)
    repairs: tuple[Repair, ...] = ()
    breaks: tuple[tuple[str, int, Source], ...] = ()

    @property
    def is_total(self) -> bool:
        """The table's 合计/总计 row (not a subtotal of a unit or class)."""
        return self.item == "total"

    def text_source(self, column: str, offset: int) -> Source:
        """Where ``texts[column][offset]`` was printed: the row's own line, or the page its cell
        was carried onto."""
        src = self.source
        for col, at, s in self.breaks:
            if col == column and at <= offset:
                src = s
        return src

    def carried_on(self, texts: Mapping[str, str], source: Source, name: str = "") -> Row:
        """This row with the text of a line continuing it (``source``) appended to its cells
        (and to its name): a long cell broken over lines or over a page break."""
        joined = dict(self.texts)
        breaks = list(self.breaks)
        for k, v in texts.items():
            before = joined.get(k, "")
            if source.page is not None and source.page != self.text_source(k, len(before)).page:
                breaks.append((k, len(before), source))
            joined[k] = before + v
        return replace(self, name=(self.name or "") + name if name else self.name, texts=joined, breaks=tuple(breaks))


@dataclass(frozen=True)
class Table:
    """A recognised table.  ``kind`` is one of ``tables.kinds.TABLE_KINDS`` or ``"other"``.

    ``header`` keeps the header rows as printed (for ``--explain`` and the renderer);
    ``matched`` says what made the kind certain (title words, header signature).
    ``uncertain`` lists what could not be identified with confidence (columns, unit), so that
    rules needing it report "could not verify" instead of passing in silence.
    """

    kind: str
    title: str
    unit: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    source: Source
    number: str | None = None  # "公开01表", "表1", "预算01表"
    notes: tuple[str, ...] = ()
    header: tuple[tuple[str, ...], ...] = ()
    matched: str = ""
    uncertain: tuple[str, ...] = ()

    def column_ids(self) -> list[str]:
        return [c.id for c in self.columns]

    def total_row(self) -> Row | None:
        return next((r for r in self.rows if r.is_total), None)

    def row_by_code(self, code: str) -> Row | None:
        return next((r for r in self.rows if r.code == code), None)

    def row_by_item(self, side: str, item: str) -> Row | None:
        return next((r for r in self.rows if r.side == side and r.item == item), None)


@dataclass(frozen=True)
class Meta:
    """Document meta.  ``kind``: "budget" | "final"; ``scope``: "unit" (本级) | "consolidated" (汇总)."""

    department: str | None = None
    region: str | None = None
    year: int | None = None
    kind: str | None = None
    scope: str | None = None
    unit: str | None = None  # "万元" or "元"
    title: str | None = None


@dataclass(frozen=True)
class Ref:
    """The quantity a claim speaks of: a table kind, a row key and a column id.

    ``row`` is a code ("2080505"), a summary item ("grand_total", "general_budget"),
    "total" for the table's total row, or "name:<printed name>" for a row known by its name
    alone (a project of the 项目支出表; ``Ref.by_name``).  ``side`` ("income" | "expenditure")
    tells the side of a two-sided summary table; ``None`` there means the figure stands for
    both (收、支总计).
    """

    table: str
    row: str | None
    column: str | None
    side: str | None = None

    NAME_PREFIX = "name:"

    @staticmethod
    def name_key(name: str) -> str:
        """A printed name as compared: NFKC-folded (full-width brackets), no whitespace."""
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))

    @classmethod
    def by_name(cls, table: str, name: str, column: str = "total") -> Ref:
        return cls(table, cls.NAME_PREFIX + cls.name_key(name), column)


@dataclass(frozen=True)
class Claim:
    """One figure stated in the narrative (情况说明).

    ``kind``: "amount" | "share" (占 x%, 完成 x%) | "change" (增加/减少 x 万元) |
    "rate" (增长/下降 y%) | "count" (x 个, x 辆).  ``direction``: +1 increase, -1 decrease,
    0 unchanged, for changes and rates.  ``related`` links the claims of one statement by id:
    a share has ``part`` and ``whole``; a change has ``current`` (and ``previous``, last year's
    figure, when the sentence states it); a rate has ``change``, ``current`` (and ``previous``);
    a change's reasons (主要原因: A 减少 x, B 增加 y) list ``component_<n>``; an amount or count
    listed as a part (其中：…) has ``whole``; last year's amount has ``current`` (this year's
    figure it is compared with); an amount stated again, tied to nothing itself, has ``same``;
    an amount stated as a reason of a change (原因是：下达资金 300 万元) has ``reason_of``.
    ``basis`` names the period of an amount: "current" (this year), "previous" (上年),
    "initial_budget" (年初预算), "final_budget" (全年预算), "budget" (预算, in a final
    account, when the text does not say which).
    """

    id: int
    text: str
    kind: str
    value: Decimal
    unit: str
    subject: str
    source: Source
    refers_to: Ref | None = None
    direction: int | None = None
    related: Mapping[str, int] = field(default_factory=dict)
    basis: str = "current"


@dataclass(frozen=True)
class Section:
    """A heading of the narrative or of the document (for completeness rules)."""

    title: str
    source: Source
    level: int | None = None


@dataclass(frozen=True)
class TextBlock:
    """A heading or a passage of the document's text, as the wording rules read it.

    ``text`` is NFKC-folded (full-width digits and ``，；：（）`` become ASCII) and a paragraph
    broken over lines or pages is one block; ``pieces`` maps offsets of ``text`` to the source
    line (or page) each piece was printed on.  ``part`` and ``topic`` say where the block stands
    (``narrative.topics``: ``narrative``, ``profile``, ``glossary`` …; ``assets``,
    ``three_public`` …).  ``heading`` marks a heading (its ``level``: 1 for 第X部分).
    """

    text: str
    pieces: tuple[tuple[int, Source], ...]
    part: str | None = None
    topic: str | None = None
    heading: bool = False
    level: int | None = None
    half_width: tuple[int, ...] = ()  # offsets of the brackets printed half-width: "(" where "（" is usual

    @property
    def source(self) -> Source:
        return self.pieces[0][1] if self.pieces else Source()

    def source_at(self, offset: int) -> Source:
        """The source of the piece ``offset`` falls in."""
        src = self.source
        for start, s in self.pieces:
            if start > offset:
                break
            src = s
        return src


@dataclass(frozen=True)
class Disclosure:
    """Everything read from one file.  ``text`` holds the headings and passages of the
    document's text in reading order (empty for a disclosure produced or loaded from the
    library): the wording rules read it."""

    file: str
    meta: Meta
    tables: tuple[Table, ...]
    claims: tuple[Claim, ...] = ()
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = ()
    format: str = "text"
    text: tuple[TextBlock, ...] = ()
    contents: tuple[Section, ...] = ()  # the entries of the document's own 目录, as printed

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        return next((t for t in self.tables if t.kind == kind), None)


@dataclass(frozen=True)
class Finding:
    """What a rule found.  ``severity``: "error" | "warning" | "info"."""

    rule: str
    severity: str
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: Decimal | None = None
    actual: Decimal | None = None
    source: Source | None = None
    text: str | None = None
