"""The classification catalogs (政府收支分类科目) as data, and their lookup.

Three catalogs, each a CSV file in ``codes/data`` (sources and coverage: ``data/SOURCES.md``):

=====================  =========================  ==========================================
catalog id             file                       what
=====================  =========================  ==========================================
``function``           ``function.csv``           支出功能分类: 类 3 digits, 款 5, 项 7
``economic``           ``economic_department.csv``  部门预算支出经济分类: 类 3 (301…), 款 5
``gov_economic``       ``economic_government.csv``  政府预算支出经济分类: 类 3 (501…), 款 5
=====================  =========================  ==========================================

A CSV row is ``code,name,from,to,aliases``: the name the code has from edition ``from`` to
edition ``to`` (blank: no bound recorded), and other names it is printed with
(``;``-separated: older names whose exact years are not recorded, common variants). A code
renamed in a known year has one row per name.

The files are read on first use and cached. Nothing here imports from a later stage.

Economic codes of 7 digits (3010201 工作性津贴) are local sub-items that provinces and
cities add under an official 5-digit 款; ``economic_code`` resolves them to that 款 with
``local=True`` and the printed code in ``local_code``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from cnbudget.codes.names import name_similarity, names_equivalent, normalize_code, stem

__all__ = [
    "CATALOGS",
    "CodeEntry",
    "Coverage",
    "coverage",
    "covers_year",
    "economic_code",
    "entries",
    "function_code",
    "gov_economic_code",
    "lookup",
    "name_matches",
    "preload",
    "suggest_code",
    "suggest_economic_code",
    "suggest_function_code",
]

FUNCTION = "function"
ECONOMIC = "economic"
GOV_ECONOMIC = "gov_economic"


@dataclass(frozen=True)
class _CatalogInfo:
    id: str
    label: str
    file: str
    first_year: int  # the editions the file was compiled for
    last_year: int
    code_lengths: tuple[int, ...]


CATALOGS: dict[str, _CatalogInfo] = {
    FUNCTION: _CatalogInfo(FUNCTION, "支出功能分类科目", "function.csv", 2019, 2025, (3, 5, 7)),
    ECONOMIC: _CatalogInfo(
        ECONOMIC, "部门预算支出经济分类科目", "economic_department.csv", 2018, 2025, (3, 5)
    ),
    GOV_ECONOMIC: _CatalogInfo(
        GOV_ECONOMIC, "政府预算支出经济分类科目", "economic_government.csv", 2018, 2025, (3, 5)
    ),
}

_LEVELS = {3: "类", 5: "款", 7: "项"}


@dataclass(frozen=True)
class CodeEntry:
    """One code of a catalog under one name.

    ``valid_from``/``valid_to`` are the first and last editions (years) in which the code has
    this name; ``None`` means no bound is recorded. ``local`` is set when a 7-digit local
    economic code was resolved to this (official) entry; ``local_code`` is then the code as
    printed.
    """

    code: str
    name: str
    level: str  # "类" | "款" | "项"
    parent: str | None
    valid_from: int | None
    valid_to: int | None
    catalog: str  # a key of CATALOGS
    aliases: tuple[str, ...] = ()
    local: bool = False
    local_code: str | None = None

    @property
    def years(self) -> tuple[int | None, int | None]:
        """(first, last) edition with this name; ``None`` = no bound recorded."""
        return (self.valid_from, self.valid_to)

    @property
    def catalog_label(self) -> str:
        return CATALOGS[self.catalog].label

    def valid_in(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )


@dataclass(frozen=True)
class Coverage:
    """What one catalog file holds, for messages such as "编码表未覆盖该年度"."""

    catalog: str
    label: str
    first_year: int
    last_year: int
    codes: int  # distinct codes
    by_level: dict[str, int] = field(hash=False)
    detailed_classes: tuple[str, ...]  # 类 codes for which 款 or 项 are listed
    source: str = "codes/data/SOURCES.md"

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


# -- loading -------------------------------------------------------------------------------


def _year(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell else None


@cache
def _load(catalog: str) -> dict[str, tuple[CodeEntry, ...]]:
    """code → its entries (one per name), oldest first."""
    info = CATALOGS[catalog]
    text = resources.files("cnbudget.codes").joinpath("data", info.file).read_text(encoding="utf-8")
    by_code: dict[str, list[CodeEntry]] = {}
    for row in csv.DictReader(text.splitlines()):
        code = row["code"].strip()
        parent = {5: code[:3], 7: code[:5]}.get(len(code))
        entry = CodeEntry(
            code=code,
            name=row["name"].strip(),
            level=_LEVELS[len(code)],
            parent=parent,
            valid_from=_year(row["from"]),
            valid_to=_year(row["to"]),
            catalog=catalog,
            aliases=tuple(a for a in (row.get("aliases") or "").split(";") if a),
        )
        by_code.setdefault(code, []).append(entry)
    return {c: tuple(sorted(es, key=lambda e: e.valid_from or 0)) for c, es in by_code.items()}


def entries(catalog: str = FUNCTION, year: int | None = None) -> Iterator[CodeEntry]:
    """Every entry of a catalog, in code order; with ``year``, only those valid that year."""
    for code in sorted(_load(catalog)):
        for entry in _load(catalog)[code]:
            if year is None or entry.valid_in(year):
                yield entry


def _pick(candidates: tuple[CodeEntry, ...], year: int | None) -> CodeEntry | None:
    if year is None:
        return candidates[-1]  # the current name
    for entry in candidates:
        if entry.valid_in(year):
            return entry
    return None


def lookup(catalog: str, code: str, year: int | None = None) -> CodeEntry | None:
    """The entry for ``code`` (spaces and full-width digits tolerated) valid in ``year``
    (``None``: the latest name); ``None`` when the code is unknown or not valid that year."""
    candidates = _load(catalog).get(normalize_code(code))
    return _pick(candidates, year) if candidates else None


# -- the three lookups ---------------------------------------------------------------------


def function_code(code: str, year: int | None = None) -> CodeEntry | None:
    """支出功能分类: '2101501' → 行政运行 (parent 21015); '208 05 05' also works."""
    return lookup(FUNCTION, code, year)


def _economic(catalog: str, code: str, year: int | None) -> CodeEntry | None:
    digits = normalize_code(code)
    if len(digits) == 7:  # a local sub-item of an official 款
        parent = lookup(catalog, digits[:5], year)
        return replace(parent, local=True, local_code=digits) if parent else None
    return lookup(catalog, digits, year)


def economic_code(code: str, year: int | None = None) -> CodeEntry | None:
    """部门预算支出经济分类: '30102' → 津贴补贴; '3010201' (local) → 津贴补贴 with local=True."""
    return _economic(ECONOMIC, code, year)


def gov_economic_code(code: str, year: int | None = None) -> CodeEntry | None:
    """政府预算支出经济分类: '50101' → 工资奖金津补贴."""
    return _economic(GOV_ECONOMIC, code, year)


# -- names ---------------------------------------------------------------------------------


def known_names(entry: CodeEntry) -> tuple[str, ...]:
    """Every name the entry's code is known by: its own, its aliases, its names in other
    editions."""
    names: list[str] = [entry.name, *entry.aliases]
    for other in _load(entry.catalog).get(entry.code, ()):
        names += [other.name, *other.aliases]
    return tuple(dict.fromkeys(names))


def name_matches(entry: CodeEntry, printed_name: str) -> bool:
    """Whether ``printed_name`` names ``entry``, tolerating what documents do to names:
    spaces, bracket widths, '支出' dropped or added, a cut-off tail, an older name."""
    return any(names_equivalent(n, printed_name) for n in known_names(entry))


def _similarity(entry: CodeEntry, printed_name: str) -> float:
    return max(name_similarity(n, printed_name) for n in known_names(entry))


# -- suggestions ---------------------------------------------------------------------------

# How much each kind of code resemblance counts (the rest of a score is name similarity).
CODE_WEIGHT = 0.4
NAME_WEIGHT = 0.6
_EXACT, _PREFIX, _DELETION, _SUBSTITUTION, _SAME_CLASS = 1.0, 0.9, 0.75, 0.6, 0.3
MIN_NAME_SIMILARITY = 0.5  # below this, a candidate found by code alone is dropped (name given)
MIN_SIBLING_SIMILARITY = 0.3  # a nearest sibling is named only when its name is not unlike


def _code_resemblance(printed: str, candidate: str) -> float:
    if printed == candidate:
        return _EXACT
    if candidate.startswith(printed):
        return _PREFIX
    if len(candidate) == len(printed) + 1 and any(
        candidate[:i] + candidate[i + 1 :] == printed for i in range(len(candidate))
    ):
        return _DELETION
    if len(candidate) == len(printed) and sum(a != b for a, b in zip(candidate, printed, strict=True)) == 1:
        return _SUBSTITUTION
    return 0.0


def suggest_code(
    catalog: str, code: str, name: str | None = None, year: int | None = None, limit: int = 5
) -> list[CodeEntry]:
    """The codes most likely meant by a printed ``code`` (and ``name``), best first.

    A code cut off by a narrow cell ('210159' for 2101599), one that lost or misread a digit,
    or a right name under a wrong code of the same 类: candidates come from the code's
    resemblance (prefix, one digit lost, one digit changed) and, when a name is given, from
    name matches within the same 类; the name decides between them.
    """
    digits = normalize_code(code)
    if not digits:
        return []
    scored: dict[str, tuple[float, CodeEntry]] = {}
    for entry in entries(catalog, year):
        resemblance = _code_resemblance(digits, entry.code)
        same_class = entry.code[:3] == digits[:3]
        if name is not None and resemblance == 0.0 and same_class and name_matches(entry, name):
            resemblance = _SAME_CLASS
        if resemblance == 0.0:
            continue
        if name is None:
            score = resemblance
        else:
            similarity = _similarity(entry, name)
            if similarity < MIN_NAME_SIMILARITY and resemblance < _EXACT:
                continue
            score = CODE_WEIGHT * resemblance + NAME_WEIGHT * similarity
        best = scored.get(entry.code)
        if best is None or score > best[0]:
            scored[entry.code] = (score, entry)
    ranked = sorted(scored.values(), key=lambda se: (-se[0], se[1].code))
    return [entry for _, entry in ranked[:limit]]


def suggest_function_code(
    code: str, name: str | None = None, year: int | None = None, limit: int = 5
) -> list[CodeEntry]:
    """Likely intended 支出功能分类 codes: '210159' → [2101599 …]; '208050' with name
    '机关事业单位基本养老保险缴费支出' → [2080505 …]."""
    return suggest_code(FUNCTION, code, name, year, limit)


def suggest_economic_code(
    code: str, name: str | None = None, year: int | None = None, limit: int = 5
) -> list[CodeEntry]:
    """Likely intended 部门预算支出经济分类 codes (a 7-digit local code is first reduced to its
    5-digit 款)."""
    digits = normalize_code(code)
    if len(digits) == 7:
        digits = digits[:5]
    return suggest_code(ECONOMIC, digits, name, year, limit)


@cache
def _by_stem(catalog: str) -> dict[str, tuple[CodeEntry, ...]]:
    """stem of any name an entry is known by → those entries, in code order (``code_named``
    looks a printed name up here rather than stemming the whole catalog for each name)."""
    index: dict[str, list[CodeEntry]] = {}
    for entry in entries(catalog):
        for s in dict.fromkeys(stem(n) for n in known_names(entry)):
            index.setdefault(s, []).append(entry)
    return {s: tuple(es) for s, es in index.items()}


def code_named(catalog: str, name: str | None, year: int | None, printed: str = "") -> CodeEntry | None:
    """The one code whose name (or alias) is exactly ``name`` — spaces, brackets and '支出'
    aside, never a prefix — valid in ``year``.  Generic names (行政运行 under every 款) are
    told apart by the longest code prefix they share with ``printed``; ``None`` when no
    single code is left."""
    if not name or not stem(name):
        return None
    found = [e for e in _by_stem(catalog).get(stem(name), ()) if year is None or e.valid_in(year)]
    if len(found) <= 1:
        return found[0] if found else None
    digits = normalize_code(printed)
    if len(digits) in (3, 5, 7):
        found = [e for e in found if len(e.code) == len(digits)] or found

    def shared(e: CodeEntry) -> int:
        return next((i for i, (a, b) in enumerate(zip(e.code, digits, strict=False)) if a != b), min(len(e.code), len(digits)))

    best = max(shared(e) for e in found)
    top = [e for e in found if shared(e) == best]
    # the same 类 at least: a generic name is not placed across classes
    return top[0] if len(top) == 1 and best >= 3 else None


def nearest_sibling(
    catalog: str, printed: str, year: int | None, name: str | None = None
) -> CodeEntry | None:
    """The 项 under the same 款 nearest to a printed 7-digit code by value (2101598 →
    2101599), when exactly one is nearest and, with a printed ``name``, its name is not
    unlike it (款 under one 类 are unrelated items: no guess is made for them)."""
    digits = normalize_code(printed)
    if len(digits) != 7:
        return None
    parent = digits[:-2]
    sibs = [e for e in entries(catalog, year) if len(e.code) == len(digits) and e.code.startswith(parent)]
    if not sibs:
        return None
    dist = {e.code: abs(int(e.code) - int(digits)) for e in sibs}
    best = min(dist.values())
    top = [e for e in sibs if dist[e.code] == best]
    if len(top) != 1 or (name and _similarity(top[0], name) < MIN_SIBLING_SIMILARITY):
        return None
    return top[0]


# -- coverage ------------------------------------------------------------------------------


@cache
def _coverage(catalog: str) -> Coverage:
    info = CATALOGS[catalog]
    loaded = _load(catalog)
    by_level: dict[str, int] = {}
    for code in loaded:
        level = _LEVELS[len(code)]
        by_level[level] = by_level.get(level, 0) + 1
    detailed = tuple(sorted({c[:3] for c in loaded if len(c) > 3}))
    return Coverage(
        catalog=catalog,
        label=info.label,
        first_year=info.first_year,
        last_year=info.last_year,
        codes=len(loaded),
        by_level=by_level,
        detailed_classes=detailed,
    )


def preload() -> None:
    """Load every catalog and its name index now (a worker that checks many documents does
    this once, before the first, instead of inside whichever document comes first)."""
    for catalog in CATALOGS:
        _coverage(catalog)
        _by_stem(catalog)


def coverage(catalog: str | None = None) -> dict[str, Coverage]:
    """What is loaded: per catalog, the editions covered, the number of codes (per level),
    and (function) which 类 have their 款/项 listed. With ``catalog``, only that one."""
    ids: Iterable[str] = CATALOGS if catalog is None else (catalog,)
    return {c: _coverage(c) for c in ids}


def covers_year(catalog: str, year: int) -> bool:
    """Whether the catalog file was compiled for ``year``'s edition."""
    return _coverage(catalog).covers(year)
