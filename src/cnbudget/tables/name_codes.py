"""Function codes for tables that print only names (科学技术支出 / 技术研究与开发 / …).

Some layouts (Zhejiang's, among others) list the function classification by name alone,
indented 类 → 款 → 项.  Without codes neither the hierarchy nor the cross-table comparison
can be checked, so the codes are looked up in the official catalog: a 类 by its name, a 款
among the children of the 类 above it, a 项 among the children of the 款 above it.  A name
that matches nothing (or more than one entry) gets no code.  Every code found this way is
recorded as a repair.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cnbudget.codes.catalog import ECONOMIC, FUNCTION, entries, function_code, known_names, name_matches
from cnbudget.codes.classes import function_class_code
from cnbudget.codes.names import names_equivalent, normalize_name
from cnbudget.model import Repair, Row, Table

_FUNCTION_KINDS = {"income", "expenditure", "general_expenditure", "gov_fund", "state_capital"}
# the repair reasons of codes looked up by name: the checks tell such tables by them
FUNCTION_FROM_NAME = "表中未印科目编码，按名称及上级科目补出"
ECONOMIC_FROM_NAME = "表中未印经济分类编码，按名称及上级科目补出"
CODE_FROM_NAME_REASONS = frozenset({FUNCTION_FROM_NAME, ECONOMIC_FROM_NAME})


def _children(parent: str, catalog: str = FUNCTION) -> list:
    return [e for e in entries(catalog) if e.parent == parent]


def _match(parent: str | None, name: str, catalog: str = FUNCTION) -> str | None:
    if parent is None:
        return None
    matches = [e for e in _children(parent, catalog) if name_matches(e, name)]
    if len({e.code for e in matches}) > 1:
        # a name that is one code's own name and another's alias (a later edition's wording)
        # belongs to the code it names
        own = [e for e in matches if names_equivalent(e.name, name)]
        matches = own if len({e.code for e in own}) == 1 else matches
    found = {e.code for e in matches}
    return found.pop() if len(found) == 1 else None


def _names_class_rather(code: str, name: str) -> bool:
    """A name that is a class's own catalog name ("其他支出") and only a cut-off form of the
    item found below ("其他交通运输支出") opens that class: a document prints an item's name whole."""
    cls = function_class_code(name)
    entry, cls_entry = function_code(code), function_code(cls) if cls else None
    if cls_entry is None or entry is None or cls == code:
        return False
    return normalize_name(cls_entry.name) == normalize_name(name) and not any(
        normalize_name(n) == normalize_name(name) for n in known_names(entry))


def _economic_class(name: str) -> str | None:
    found = {e.code for e in entries(ECONOMIC) if len(e.code) == 3 and name_matches(e, name)}
    return found.pop() if len(found) == 1 else None


def expand_partial_codes(table: Table) -> Table:
    """"10" printed under class 201 for 款 20110, "07" under 款 20110 for 项 2011007.

    The catalog and the names decide where they can; for a class the catalog does not list
    (国有资本经营预算 223 …) the figures do: a two-digit code is a 项 of the 款 above it while
    the 款's amount still has room for it, else a new 款.
    """
    function_coded = table.kind in _FUNCTION_KINDS or any(
        r.code and len(r.code) == 3 and r.code[0] == "2" for r in table.rows
    )  # a 基本支出表 "按支出功能分类科目" is function-coded too
    if not function_coded or not any(r.code and len(r.code) == 2 for r in table.rows):
        return table

    later = [r.code or "" for r in table.rows]
    rows: list[Row] = []
    cls: str | None = None
    kuan: str | None = None
    room: Decimal | None = None  # what the current 款 has left for its 项
    placed = False  # the current 款 was placed by its figures (the catalog does not know it)
    for i, r in enumerate(table.rows):
        code = r.code
        value = r.values.get("total")
        if code and len(code) == 3:
            cls, kuan, room, placed = code, None, None, False
        elif code and len(code) == 5:
            cls, kuan, room, placed = code[:3], code, value, False
        elif code and len(code) == 2 and cls:
            fits = []
            if placed and kuan and room is not None and value is not None and value <= room:
                fits = [kuan + code]  # a 项 of a 款 newer than the catalog (21598 超长期特别国债…)
            for cand in (cls + code, (kuan or "") + code) if not fits else ():
                if len(cand) not in (5, 7):
                    continue
                entry = function_code(cand)
                named = entry is not None and r.name is not None and name_matches(entry, r.name)
                below = any(c.startswith(cand) and len(c) > len(cand) for c in later[i + 1 :])
                if named or below:
                    fits.append(cand)
            by_figures = False
            if len(fits) > 1 and kuan and room is not None and value is not None and value <= room:
                # named at both levels (款 21502 制造业, 项 2159802 制造业): the 款 above still has
                # room for it, so it is that 款's item
                fits.sort(key=lambda c: not c.startswith(kuan))
            if not fits:
                # the catalog cannot place it: a 项 while the 款 above has room, else a new 款
                as_item = kuan is not None and room is not None and value is not None and value <= room
                fits, by_figures = ([kuan + code] if as_item and kuan else [cls + code]), True
            # "99" under 款 20799 named like it (其他…支出 at both levels): the 项 2079999, since
            # a table does not print the same 款 twice in a row
            fresh = [c for c in fits if c != kuan]
            if fits:
                full = (fresh or fits)[0]
                if len(full) == 5:
                    kuan, room, placed = full, value, by_figures
                elif room is not None and value is not None:
                    room -= value
                r = replace(r, code=full, repairs=(*r.repairs, Repair(
                    field="code", original=code, repaired=full, reason="只印了末两位的科目编码，按上级科目补全")))
        rows.append(r)
    return replace(table, rows=tuple(rows))


def add_codes_from_names(table: Table) -> Table:
    if table.kind in ("basic_expenditure", "economic_summary"):
        return _economic_codes_from_names(table)
    if table.kind not in _FUNCTION_KINDS:
        return table
    named = [r for r in table.rows if r.item is None and r.name]
    if len(named) < 2 or any(r.code for r in named):
        return table
    rows: list[Row] = []
    cls: str | None = None
    kuan: str | None = None
    found = 0
    for r in table.rows:
        if r.item is not None or not r.name:
            rows.append(r)
            continue
        code = _match(kuan, r.name) or _match(cls, r.name)
        if code is None or _names_class_rather(code, r.name):
            code = function_class_code(r.name) or code
        if code is None:
            rows.append(r)
            continue
        if len(code) == 3:
            cls, kuan = code, None
        elif len(code) == 5:
            kuan = code
        found += 1
        rows.append(
            replace(r, code=code, repairs=(*r.repairs, Repair(
                field="code", original="", repaired=code, reason=FUNCTION_FROM_NAME))))
    return replace(table, rows=tuple(rows)) if found else table


def _economic_codes_from_names(table: Table) -> Table:
    """The same for economic items (工资福利支出 / 基本工资 …): 类 by name, 款 under it."""
    named = [r for r in table.rows if r.item is None and r.name]
    if len(named) < 2 or any(r.code for r in named):
        return table
    rows: list[Row] = []
    cls: str | None = None
    found = 0
    for r in table.rows:
        if r.item is not None or not r.name:
            rows.append(r)
            continue
        code = _match(cls, r.name, ECONOMIC) or _economic_class(r.name)
        if code is None:
            rows.append(r)
            continue
        if len(code) == 3:
            cls = code
        found += 1
        rows.append(
            replace(r, code=code, repairs=(*r.repairs, Repair(
                field="code", original="", repaired=code, reason=ECONOMIC_FROM_NAME))))
    return replace(table, rows=tuple(rows)) if found else table
