"""Reading figures out of tables for rules, and the rounding-aware tolerance.

Tolerance comes only from printed digits (``numbers.Interval``): a figure printed with *d*
decimals stands for ±0.5·10⁻ᵈ.  One refinement, decided per table from what it prints: a table
whose software trims trailing zeros ("79", "92.5" beside "565.06", and never "25.70") prints
79.00 as "79", so there every figure is read at the table's largest number of decimals.  In a
zero-padded table ("0.00", "25.70") a figure printed with fewer decimals ("1,942.1") keeps its
own, wider interval (and ``format.decimals`` says so).

Blank cells are absent; inside a sum an absent part counts as exactly zero.

Inside one table the identity rules add figures as whole numbers (``WholeBounds``: each bound
times 10**scale), the same intervals in exact integer arithmetic; an ``Interval`` of Decimal is
built for a message, a figure of another table or a figure of the narrative.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import chain, compress

from cnbudget.model import Row, Table
from cnbudget.numbers import Interval, bounds_meet, decimals
from cnbudget.tables.kinds import KIND_LABELS
from cnbudget.tables.name_codes import CODE_FROM_NAME_REASONS

ZERO = Decimal(0)
UNIT_SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
EXACT_ZERO = Interval(ZERO, ZERO)

# Columns that hold percentages, scores or counts, not amounts.
NON_AMOUNT_COLUMNS = frozenset({"execution_rate", "weight", "score", "quantity"})
# Rows that are group totals of a final-account 06 table, not economic items.
GROUP_TOTAL_ITEMS = frozenset({"personnel_total", "public_total"})


# --------------------------------------------------------------------------- precision


@dataclass(frozen=True)
class TableStyle:
    """How a table prints its figures, read in one pass over them.

    A figure's decimals and digits are read from its ``str`` (a Decimal's plain notation is
    exactly what was printed; its exponent has no cheap accessor), once per distinct text: a
    table prints few distinct figures (0.00 and amounts repeated from line to line — 1,410
    texts for 17,367 figures in a large consolidated document)."""

    max_decimals: int  # of the amounts
    padded: bool  # prints trailing zeros ("25.70", "0.00")
    # one place finer than the table's finest figure: see ``WholeBounds``
    scale: int = 1
    # each printed text → (its digits as one integer, its decimals): the run's, shared by its
    # tables (a superset of this table's texts, ``distinct``)
    digits: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    distinct: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    # the columns the rows print figures in, and how many of the figures are amounts
    columns: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    amounts: int = 0
    # the figures' texts, row after row, each row's in the order of its values (what
    # ``WholeBounds`` is made from)
    texts: list[str] = field(default_factory=list, compare=False, repr=False)
    # decimals floor → the table's figures as whole-number bounds read at that floor
    whole: dict[int, WholeBounds] = field(default_factory=dict, compare=False, repr=False)

    def places(self, value: Decimal) -> int:
        """The decimals ``value`` is printed with (a figure of the table or not)."""
        got = self.digits.get(str(value))
        return decimals(value) if got is None else got[1]

    @property
    def fewer(self) -> frozenset[str]:
        """The texts printed with fewer decimals than the table's amounts (format.decimals)."""
        return frozenset(t for t in self.distinct if self.digits[t][1] < self.max_decimals)


# Half a unit of a place k places coarser than the scale's unit (5·10**k), by k.
_WHOLE_RADII = [5 * 10**k for k in range(64)]
_POWERS = [10**k for k in range(65)]


@dataclass(frozen=True)
class WholeBounds:
    """One table's figures as whole numbers, for the identities checked inside the table.

    A figure read at *d* decimals stands for value ± 0.5·10⁻ᵈ.  Times 10**scale, with scale one
    place finer than any figure of the table, both ends are integers, so adding the table's
    figures and comparing the sums is exact integer arithmetic: the same answers as ``Interval``
    (Decimal), many times cheaper — the identity rules meet each figure in its row, its column
    and under its parent, tens of thousands of sums in a large consolidated document."""

    scale: int
    floor: int  # the fewest decimals a figure is read at (``_decimals_floor``)
    # column id → its place in a row's bounds (``row``): every column a row of the table prints
    position: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # printed text → (lo, hi): each distinct figure turned into bounds once (shared by the run's
    # tables of the same scale and floor)
    by_text: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    # row id → its figures' bounds by ``position`` (None: a blank cell); every row of the table
    # is read when the bounds are made (each entry holds its row, so the id stays its own)
    rows: dict[int, tuple[Row, tuple[tuple[int, int] | None, ...]]] = field(
        default_factory=dict, compare=False, repr=False)

    def row(self, r: Row) -> tuple[tuple[int, int] | None, ...]:
        """The (lo, hi) of each figure of a row of the table, by column ``position`` (a row is
        added into its parent, its total and its column identities: its bounds are read once)."""
        found = self.rows.get(id(r))
        if found is not None:  # the entry holds its row alive: an id found is that row's
            return found[1]
        vals = r.values
        return tuple(None if (v := vals.get(c)) is None else self.of(v) for c in self.position)

    def of(self, value: Decimal) -> tuple[int, int]:
        """(lo, hi) of a figure, in units of 10**-scale."""
        text = str(value)
        found = self.by_text.get(text)
        if found is None:
            digits, places = _printed(text)
            if max(places, self.floor) >= self.scale:
                raise ValueError(f"{value}: finer than the table's figures, no whole number at its scale")
            found = self.by_text[text] = self._bounds(digits, places)
        return found

    def interval(self, lo: int, hi: int) -> Interval:
        """Whole-number bounds (a figure's, or a sum's) as the Interval of Decimals they stand for."""
        return Interval(Decimal(lo).scaleb(-self.scale), Decimal(hi).scaleb(-self.scale))

    def _bounds(self, digits: int, places: int) -> tuple[int, int]:
        shift = self.scale - places
        value = digits * (_POWERS[shift] if shift < len(_POWERS) else 10**shift)
        k = self.scale - (places if places > self.floor else self.floor) - 1
        radius = _WHOLE_RADII[k] if k < len(_WHOLE_RADII) else 5 * 10**k
        return value - radius, value + radius


def add_bounds(parts: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """(lo, hi) of the true sum of figures given as whole-number bounds."""
    lo = hi = 0
    for b in parts:
        lo += b[0]
        hi += b[1]
    return lo, hi


@dataclass
class RunMemo:
    """What one check run reads once from the tables and reuses in every rule: each table's
    style and whole-number bounds, and which rows are items.  Keyed by id, each entry holding
    its table or row, so an id is never another object's while the run lasts; the run's end
    drops it all (a document checked earlier is not kept alive by a cache)."""

    styles: dict[int, tuple[Table, TableStyle]] = field(default_factory=dict)
    items: dict[int, tuple[Table, tuple[Row, ...]]] = field(default_factory=dict)
    # a figure's text → its digits and decimals (``_printed``), and, per (scale, floor), its
    # whole-number bounds: the tables of a document print the same texts ("0.00", a total
    # carried from table to table)
    printed: dict[str, tuple[int, int]] = field(default_factory=dict)
    bounds: dict[tuple[int, int], dict[str, tuple[int, int]]] = field(default_factory=dict)


# The memo of the check run in progress (set by the engine); outside a run nothing is kept.
RUN_MEMO: ContextVar[RunMemo | None] = ContextVar("RUN_MEMO", default=None)


def _memo() -> RunMemo:
    return RUN_MEMO.get() or RunMemo()


# Whether the document being checked prints trailing zeros anywhere (set by the engine): one
# document comes from one piece of software, so a table without a "x.x0" of its own is still
# zero-padded when its siblings are.
DOC_PADDED: ContextVar[bool] = ContextVar("DOC_PADDED", default=False)


def document_padded(tables: Iterable[Table]) -> bool:
    return any(table_style(t).padded for t in tables)


@lru_cache(maxsize=16384)  # a pure function of the text, and "0.00" is printed everywhere
def _printed(text: str) -> tuple[int, int]:
    """A figure's printed digits as one integer and its decimals ("1942.10" → 194210, 2), from
    its ``str``: a Decimal's plain notation is exactly what was printed."""
    if "E" in text:
        value = Decimal(text)
        places = decimals(value)
        return int(value.scaleb(places)), places
    point = text.find(".")
    if point < 0:
        return int(text), 0
    return int(text[:point] + text[point + 1:]), len(text) - point - 1


def table_style(table: Table) -> TableStyle:
    memo = _memo()
    styles = memo.styles
    hit = styles.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    # the whole table's figures as one flat list, turned into texts in one go (a loop per row
    # or per figure costs more than the conversion)
    values = [r.values for r in table.rows]
    texts = list(map(str, chain.from_iterable(map(dict.values, values))))
    columns = set().union(*values)
    distinct = set(texts)
    if NON_AMOUNT_COLUMNS.isdisjoint(columns):  # most tables: every figure an amount
        amount_texts = distinct
        amounts = len(texts)
    else:
        of_amounts = [c not in NON_AMOUNT_COLUMNS for c in chain.from_iterable(values)]
        amount_texts = set(compress(texts, of_amounts))
        amounts = sum(of_amounts)
    known = memo.printed  # each text read once per run, whichever table prints it first
    for text in distinct.difference(known):
        known[text] = _printed(text)
    max_dec = max((known[t][1] for t in amount_texts), default=0)
    padded = any(d > 0 and digits % 10 == 0 for digits, d in map(known.__getitem__, amount_texts))
    scale = max(max_dec, max((known[t][1] for t in distinct.difference(amount_texts)), default=0)) + 1
    style = TableStyle(max_dec, padded, scale, digits=known, distinct=frozenset(distinct),
                       columns=frozenset(columns), amounts=amounts, texts=texts)
    styles[id(table)] = (table, style)
    return style


def _decimals_floor(table: Table | None) -> int:
    """The fewest decimals a figure of ``table`` is read at (0: each keeps its own)."""
    if table is None:
        return 0
    style = table_style(table)
    if style.padded or DOC_PADDED.get():
        return 0
    return style.max_decimals


def effective_decimals(table: Table | None, value: Decimal) -> int:
    own = decimals(value) if table is None else table_style(table).places(value)
    return max(own, _decimals_floor(table))


# Half a unit of the last place, per number of decimals: built once, not per figure.
_RADII: dict[int, Decimal] = {}


def _radius(places: int) -> Decimal:
    r = _RADII.get(places)
    if r is None:
        r = _RADII[places] = Decimal(5).scaleb(-places - 1)
    return r


def whole_bounds(table: Table) -> WholeBounds:
    """The table's figures as whole-number bounds (built once per table and decimals floor, every
    row at once: the identity rules meet nearly every row)."""
    style = table_style(table)
    floor = 0 if style.padded or DOC_PADDED.get() else style.max_decimals
    found = style.whole.get(floor)
    if found is None:
        columns = dict.fromkeys(c.id for c in table.columns)
        # and a column a row prints beyond the header's (none in the corpus): no figure is left out
        columns.update(dict.fromkeys(sorted(style.columns.difference(columns))))
        position = {c: i for i, c in enumerate(columns)}
        shared = _memo().bounds.setdefault((style.scale, floor), {})
        found = style.whole[floor] = WholeBounds(style.scale, floor, position, shared)
        _fill_rows(found, table, style)
    return found


def _fill_rows(whole: WholeBounds, table: Table, style: TableStyle) -> None:
    """Every row's bounds, from the texts ``table_style`` read (all the table's at once, then
    cut row by row)."""
    position, by_text, rows = whole.position, whole.by_text, whole.rows
    for text in style.distinct.difference(by_text):
        by_text[text] = whole._bounds(*style.digits[text])
    figures = list(map(by_text.__getitem__, style.texts))
    width = len(position)
    every = tuple(position)
    printed = list(map(tuple, (r.values for r in table.rows)))
    if width and printed.count(every) == len(printed):
        # every row prints every column, in order (most tables): the flat list cut into rows in one go
        cut = zip(*[iter(figures)] * width, strict=True)
        rows.update(zip(map(id, table.rows), zip(table.rows, cut, strict=True), strict=True))
        return
    at = 0
    for r, cols in zip(table.rows, printed, strict=True):
        n = len(cols)
        if cols == every:
            rows[id(r)] = (r, tuple(figures[at:at + n]))
        else:
            out: list[tuple[int, int] | None] = [None] * width
            for col, b in zip(cols, figures[at:at + n], strict=True):
                out[position[col]] = b
            rows[id(r)] = (r, tuple(out))
        at += n


def bounds(table: Table | None, value: Decimal | None) -> tuple[Decimal, Decimal]:
    """``iv(table, value)`` as (lo, hi)."""
    if value is None:
        return ZERO, ZERO
    r = _radius(effective_decimals(table, value))
    return value - r, value + r


def iv(table: Table | None, value: Decimal | None) -> Interval:
    """The interval a printed table figure stands for; an absent cell is exactly zero."""
    if value is None:
        return EXACT_ZERO
    return Interval(*bounds(table, value))


def iv_sum(table: Table | None, values: Iterable[Decimal | None]) -> Interval:
    """Σ iv(table, v) (absent parts add nothing): a table's figures are added as whole numbers."""
    if table is not None:
        values = list(values)
        whole = whole_bounds(table)
        lo_w = hi_w = 0
        try:
            for v in values:
                if v is not None:
                    b = whole.of(v)
                    lo_w += b[0]
                    hi_w += b[1]
        except ValueError:  # a figure finer than the table's: added as a Decimal below
            pass
        else:
            return whole.interval(lo_w, hi_w)
    floor = _decimals_floor(table)
    places = decimals if table is None else table_style(table).places
    lo = hi = ZERO
    for v in values:
        if v is None:
            continue
        own = places(v)
        r = _radius(own if own > floor else floor)
        lo += v - r
        hi += v + r
    return Interval(lo, hi)


def exceeds_tester(a: Table, b: Table) -> Callable[[Sequence[Row], Sequence[Row], str], bool]:
    """For two tables: ``iv_sum(a, a_rows' figures in col).lo > iv_sum(b, …).hi``? — the least
    a's rows may add up to in a column is more than the most b's may — in whole numbers (each
    row's bounds read once, ``WholeBounds.row``), the two tables' brought to the finer scale.
    Made once for a rule that compares many pairs of rows."""
    wa, wb = whole_bounds(a), whole_bounds(b)
    scale = max(wa.scale, wb.scale)
    to_a, to_b = 10 ** (scale - wa.scale), 10 ** (scale - wb.scale)

    def exceeds(a_rows: Sequence[Row], b_rows: Sequence[Row], col: str) -> bool:
        least = most = 0
        if (j := wa.position.get(col)) is not None:
            for r in a_rows:
                if (f := wa.row(r)[j]) is not None:
                    least += f[0]
        if (j := wb.position.get(col)) is not None:
            for r in b_rows:
                if (f := wb.row(r)[j]) is not None:
                    most += f[1]
        return least * to_a > most * to_b

    return exceeds


def parts_tester(table: Table) -> Callable[[Row, Sequence[str], Sequence[Row]], list[tuple[str, bool]]]:
    """For one table: in each of ``cols``, does ``result``'s figure meet the sum of ``parts``'
    figures?  A column where neither prints a figure has nothing to check and no verdict.  The
    test of every parent against its children, in whole numbers."""
    whole = whole_bounds(table)
    position, row, read = whole.position, whole.row, whole.rows.get

    def verdicts(result: Row, cols: Sequence[str], parts: Sequence[Row]) -> list[tuple[str, bool]]:
        # the rows' bounds as read with the table (``WholeBounds.row`` for any other row)
        rows = [row(r) if (got := read(id(r))) is None else got[1] for r in parts]
        target_row = row(result)
        out = []
        for col in cols:
            j = position.get(col)
            if j is None:
                continue  # no row of the table prints the column
            lo = hi = 0
            printed = False
            for bounds_of in rows:
                b = bounds_of[j]
                if b is None:
                    continue
                printed = True
                lo += b[0]
                hi += b[1]
            target = target_row[j]
            if target is not None:
                out.append((col, bounds_meet(lo, hi, *target)))
            elif printed:
                out.append((col, bounds_meet(lo, hi, 0, 0)))
        return out

    return verdicts


def ulp(table: Table | None, value: Decimal) -> Decimal:
    return Decimal(1).scaleb(-effective_decimals(table, value))


def near_miss(computed: Interval, printed: Decimal, digits: int, table: Table | None = None) -> bool:
    """Would the printed figure meet ``computed`` if its last digit were off by ``digits``?"""
    u = ulp(table, printed)
    widened = Interval(printed - u * digits - u / 2, printed + u * digits + u / 2)
    return widened.meets(computed)


def percent_iv(part: Interval, whole: Interval) -> Interval | None:
    q = part.divide(whole)
    return None if q is None else q.scale(Decimal(100))


# --------------------------------------------------------------------------- formatting


def fmt(d: Decimal | None) -> str:
    if d is None:
        return "空白"
    return format(d, "f")


def fmt_iv(i: Interval, places: int = 2) -> str:
    """An interval for people: one number, its midpoint rounded ("相差 90.57", not "90.06～91.08").

    The rounding tolerance the interval carries is stated once by the report, not in every figure.
    """
    q = Decimal(1).scaleb(-places)
    return format(i.mid.quantize(q) + 0, "f")


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def table_label(table: Table) -> str:
    base = kind_label(table.kind)
    if table.number:
        return f"{base}({table.number})"
    return base


def col_label(table: Table, col: str) -> str:
    for c in table.columns:
        if c.id == col:
            return c.label or col
    return col


def row_key(row: Row) -> str | None:
    """The id a finding names a row by: code, else summary item, else name."""
    if row.is_total:
        return "total"
    if row.side and row.item:
        return f"{row.side}.{row.item}"
    return row.code or row.item or row.name


def row_label(row: Row) -> str:
    if row.is_total:
        return "合计"
    parts = [p for p in (row.code, row.name) if p]
    if not parts and row.item:
        parts = [row.item]
    return " ".join(parts) or "?"


# --------------------------------------------------------------------------- rows


# The words a unit's name ends in (before an optional "（本级）")
_ORG_ENDINGS = ("局", "中心", "委员会", "委", "办公室", "院", "所", "站", "队", "厅", "部", "会", "学校", "医院", "分中心")
_OWN_LEVEL = ("（本级）", "(本级)")


def is_column_numbers(row: Row) -> bool:
    """A 栏次 row read as figures: 1, 2, 3 … in column order."""
    if row.code or len(row.values) < 2:
        return False
    return all(v == i + 1 for i, v in enumerate(row.values.values()))


def is_unit_row(row: Row) -> bool:
    """A unit (单位) subtotal row, marked by the parser or printed as a unit code with its name."""
    if row.item is not None:
        return row.item == "unit"
    if len(row.code or "") not in (3, 6):
        return False
    name = (row.name or "").strip()
    if name.endswith(_OWN_LEVEL):
        name = name[:-len("(本级)")]
    return name.endswith(_ORG_ENDINGS)


def is_data_row(row: Row) -> bool:
    """An item row: not the total, not a unit subtotal, not a group total, not a 栏次 row.
    (A rule reading a table's item rows takes ``data_rows``, listed once per run.)"""
    item = row.item
    if item is not None:  # marked by the parser: the total, a unit, a group total, or an item
        if item == "total" or item == "unit" or item in GROUP_TOTAL_ITEMS:
            return False
    elif len(row.code or "") in (3, 6) and is_unit_row(row):
        return False
    return bool(row.code) or len(row.values) < 2 or not is_column_numbers(row)


def data_rows(table: Table) -> tuple[Row, ...]:
    """The table's item rows (``is_data_row``), in printed order."""
    items = _memo().items
    hit = items.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    found = tuple(r for r in table.rows if is_data_row(r))
    items[id(table)] = (table, found)
    return found


def amount_columns(table: Table) -> list[str]:
    return [c.id for c in table.columns if c.id not in NON_AMOUNT_COLUMNS]


@dataclass(slots=True)
class Node:
    row: Row
    children: list[Node]


def code_tree(rows: Sequence[Row]) -> list[Node]:
    """Nest rows by code prefix, in printed order (a parent is followed by its children).

    Rows without a code stay at the top level.  Works for 类/款/项 (3/5/7 digits), economic
    codes (301/30101/3010101) and repeated codes of consolidated tables (one block per unit).
    """
    top: list[Node] = []
    stack: list[Node] = []  # the open parents, outermost first (every one has a code)
    codes: list[str] = []  # their codes, beside them
    named_only = coded_by_name(rows)
    for r in rows:
        node = Node(r, [])
        code = r.code or ""
        if not code:
            if named_only and stack and codes[0].startswith("2"):
                # a function table that prints names only: a line the catalog could not name is
                # still below the 款 (or class) above it, its exact level unknown — never a class
                # of its own (in an economic table such a line may be a unit's, over its own items)
                parent = next((n for n, c in zip(reversed(stack), reversed(codes), strict=True) if len(c) < 7), stack[0])
                parent.children.append(node)
                continue
            stack.clear()
            codes.clear()
            top.append(node)
            continue
        while codes and not (len(code) > len(codes[-1]) and code.startswith(codes[-1])):
            stack.pop()
            codes.pop()
        if stack:
            stack[-1].children.append(node)
        else:
            top.append(node)
        stack.append(node)
        codes.append(code)
    return top


def top_rows(rows: Sequence[Row]) -> list[Row]:
    """The rows ``code_tree`` puts at its top level (``[n.row for n in code_tree(rows)]``),
    without building the tree: a parent's sum is checked against these, block by block."""
    top: list[Row] = []
    codes: list[str] = []  # the open parents' codes, outermost first
    named_only = coded_by_name(rows)
    for r in rows:
        code = r.code or ""
        if not code:
            if named_only and codes and codes[0].startswith("2"):
                continue  # below the 款 (or class) above it: see ``code_tree``
            codes.clear()
            top.append(r)
            continue
        while codes and not (len(code) > len(codes[-1]) and code.startswith(codes[-1])):
            codes.pop()
        if not codes:
            top.append(r)
        codes.append(code)
    return top


def code_from_name(row: Row) -> bool:
    """Whether the row's code was looked up by its name (its table printed no codes)."""
    return bool(row.repairs) and any(rep.field == "code" and rep.reason in CODE_FROM_NAME_REASONS for rep in row.repairs)


def coded_by_name(rows: Sequence[Row]) -> bool:
    return any(code_from_name(r) for r in rows if r.repairs)  # most rows were read as printed


def walk(nodes: Iterable[Node]) -> Iterator[Node]:
    """Every node, each before its children (one loop over a stack: a generator nested per
    level passes each node up through every level above it)."""
    stack = list(nodes)[::-1]
    while stack:
        n = stack.pop()
        yield n
        if n.children:
            stack.extend(n.children[::-1])


def unit_tree(table: Table) -> list[Node]:
    # an item row is never a unit's (and whether a row is an item is known already)
    items = {id(r) for r in data_rows(table)}
    units = [r for r in table.rows if id(r) not in items and is_unit_row(r)]
    if len(units) > 2 and not any(r.code for r in units):
        # no codes to tell the levels: a first line equal to the total is the department, the
        # lines after it its units
        total = table.total_row()
        if total is not None and units[0].values == total.values:
            return [Node(units[0], [Node(u, []) for u in units[1:]])]
    if any(_is_category(r) for r in units):
        # "1 全额" / "2 差额" (西安): a category line over the units printed after it
        nodes: list[Node] = []
        pending: list[Row] = []
        for r in units:
            if _is_category(r):
                if nodes:
                    nodes[-1].children.extend(code_tree(pending))
                elif pending:
                    nodes.extend(code_tree(pending))
                nodes.append(Node(r, []))
                pending = []
            else:
                pending.append(r)
        if nodes:
            nodes[-1].children.extend(code_tree(pending))
        return nodes
    return code_tree(units)


def _is_category(r: Row) -> bool:
    return bool(r.code) and len(r.code or "") <= 2


def function_rows(table: Table) -> list[Row]:
    return [r for r in data_rows(table) if r.code and r.code[:1] == "2" and len(r.code) >= 3]


def class_totals(table: Table, col: str = "total") -> dict[str, tuple[list[Decimal | None], Row]]:
    """Per 支出功能分类 类 (3-digit), the printed class row's value, or its top-level rows' values.

    Returns code → (values to add up, a row to point at).
    """
    out: dict[str, tuple[list[Decimal | None], Row]] = {}
    for row in top_rows(data_rows(table)):
        code = row.code or ""
        if not code[:1].isdigit() or len(code) < 3:
            continue
        cls = code[:3]
        vals, first = out.get(cls, ([], row))
        vals.append(row.values.get(col))
        out[cls] = (vals, first)
    return out


def side_row(table: Table, side: str, item: str) -> Row | None:
    return table.row_by_item(side, item)


def side_rows(table: Table, side: str) -> list[Row]:
    return [r for r in table.rows if r.side == side]


def blocked(table: Table, cols: Iterable[str] = (), need_unit: bool = False) -> str | None:
    """The ``Table.uncertain`` entry that names one of ``cols`` (or the unit), if any."""
    if not table.uncertain:
        return None
    names = set(cols)
    labels = {col_label(table, c) for c in names}
    for u in table.uncertain:
        low = u.lower()
        if need_unit and ("unit" in low or "单位" in u):
            return u
        for n in names | labels:
            if n and n in u:
                return u
        if low in ("columns", "header", "列", "表头"):
            return u
    return None


def general_budget_column(t: Table) -> str | None:
    """The column of a 基本支出 table that holds its 一般公共预算 figures: ``total`` for the
    一般公共预算基本支出表 (or one printing no fund columns), ``general_budget`` for a
    基本支出总表 of all funds (深圳), ``None`` where an all-funds table does not print it."""
    if "一般公共预算" in "".join(t.title.split()):
        return "total"
    ids = set(t.column_ids())
    if "general_budget" in ids:
        return "general_budget"
    funds = {"gov_fund", "state_capital", "special_account", "business", "unit_funds", "other", "fiscal"}
    return None if ids & funds else "total"


def economic_by_code(t: Table, col: str = "total") -> dict[str, Interval]:
    """Economic item totals keyed by 5-digit code; 7-digit local sub-items are added up where
    the 5-digit item itself is not printed; repeated codes (one per unit) are added up."""
    rows = [r for r in data_rows(t) if r.code and r.code[:1] == "3" and len(r.code) >= 5]
    five = {r.code for r in rows if len(r.code or "") == 5}
    whole = whole_bounds(t)  # the sums in whole numbers: each row's bounds are read already
    j = whole.position.get(col)
    sums: dict[str, list[int]] = {}
    for r in rows:
        code = r.code or ""
        if len(code) == 5 or code[:5] not in five:
            total = sums.setdefault(code[:5], [0, 0])
            if j is not None and (f := whole.row(r)[j]) is not None:
                total[0] += f[0]
                total[1] += f[1]
    return {k: whole.interval(lo, hi) for k, (lo, hi) in sums.items()}


def in_table_unit(value: Interval, unit: str | None, table_unit: str | None) -> Interval | None:
    """A stated figure's interval in a table's unit (万元 ↔ 元); ``None`` when either unit is
    unknown (the comparison cannot be verified, never guessed)."""
    a, b = UNIT_SCALE.get(unit or ""), UNIT_SCALE.get(table_unit or "")
    if a is None or b is None:
        return None
    return value if a == b else value.scale(a / b)


def printed_parts(table: Table, row: Row | None, col: str) -> tuple[Decimal, int] | None:
    """The exact sum of a row's printed parts (its children by code; for the total row, the
    top-level rows) in one column, and how many printed figures were rounded on the way (the
    leaves under it); ``None`` with fewer than two parts."""
    if row is None:
        return None
    data = list(data_rows(table))
    tree = code_tree(data)
    if row.is_total:
        nodes = tree
    else:
        node = next((n for n in walk(tree) if n.row is row), None)
        nodes = node.children if node is not None else []
    present = [n for n in nodes if n.row.values.get(col) is not None]
    if len(present) < 2:
        return None
    leaves = sum(max(1, sum(1 for m in walk([n]) if not m.children)) for n in present)
    return sum((n.row.values[col] for n in present), Decimal(0)), leaves


def level_and_parent(table: Table, row: Row | None, col: str) -> tuple[list[Row], Row | None]:
    """The rows of ``row``'s level (same code length, same parent, same side) that print ``col``,
    and their parent: the row of the code above, or for a class the table's total on that side."""
    if row is None or not row.code or col not in row.values:
        return [], None
    code = row.code
    level = [r for r in table.rows if r.code and len(r.code) == len(code) and r.side == row.side
             and r.code[:-2] == code[:-2] and col in r.values]
    if len(code) > 3:
        parent = next((r for r in table.rows if r.code == code[:-2] and r.side == row.side), None)
    else:
        parent = next((r for item in ("current_total", "total", "grand_total") for r in table.rows
                       if r.item == item and r.side == row.side and col in r.values), None) or next(
            (r for r in table.rows if r.side == row.side and r.name in ("合计", "总计") and col in r.values), None)
    return level, parent


def siblings_carry_tail(table: Table, row: Row | None, col: str) -> bool:
    """The rows beside ``row`` (same code level, same parent, same side) add up to their
    parent's printed figure only within rounding, not exactly: the table spread its own 尾差
    over them, so a figure one unit of the last place away elsewhere is the same figure."""
    level, parent = level_and_parent(table, row, col)
    if parent is None or col not in parent.values or len(level) < 2:
        return False
    exact = sum((r.values[col] for r in level), Decimal(0))
    return exact != parent.values[col] and iv_sum(table, [r.values[col] for r in level]).meets(
        iv(table, parent.values[col]))


def last_place(*values: Decimal) -> Decimal:
    """One unit of the finest last printed place among ``values`` (0.01 for 512.38)."""
    return Decimal(1).scaleb(-max(decimals(v) for v in values))


def rounding_tail(table: Table, row: Row | None, value: Decimal | None, other: Decimal | None) -> bool:
    """尾差: one of the two figures (``value``, printed by ``table``, or ``other``, the same
    figure in another table) is the exact sum of the rounded parts ``table`` prints under it,
    and they differ by no more than those parts' rounding."""
    if row is None or value is None or other is None or value == other:
        return False
    col = next((c for c, v in row.values.items() if v == value), None)
    if col is None:
        return False
    parts = printed_parts(table, row, col)
    if parts is None or parts[0] not in (value, other):
        return False
    unit = last_place(value, other)
    return abs(value - other) <= unit * (parts[1] + 1) / 2  # its parts' rounding and the other's
