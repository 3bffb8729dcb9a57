"""Figures that slid one column sideways in extraction, put back where the table's own
identities say they belong.

PDF-to-text tools sometimes drop an empty cell, so the figures after it move one column left
(in one seed the 上年结转 20.00 of an income table stands under 其他收入).  A row is repaired
only when (a) some identity of its table fails as printed, (b) moving one run of adjacent
figures one column left or right into empty cells makes every identity hold, and (c) exactly
one such move exists.  Every repair is recorded on the row.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.numbers import Interval, interval_sum
from cnbudget.tables.columns import INCOME_SOURCES

# 财政拨款 (fiscal) is inside 一般公共预算; it joins the parts only where that is not printed
_CURRENT_PARTS = (*(i for i in INCOME_SOURCES if i != "fiscal"), "transfer.gov_fund")
_EXPENDITURE_PARTS = ("basic", "project", "remit_superior", "operating_expense", "affiliate_subsidy")


def _identities(ids: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """(whole, parts) pairs that hold in every row of a table with these columns."""
    out: list[tuple[str, tuple[str, ...]]] = []
    # final-account income tables print 财政拨款收入 instead of 一般公共预算
    parts_pool = _CURRENT_PARTS if "general_budget" in ids else ("fiscal", *_CURRENT_PARTS)
    carry_parts = tuple(sorted(i for i in ids if i.startswith("carryover.")))
    if "current_total" in ids:
        out.append(("current_total", tuple(p for p in parts_pool if p in ids)))
        if "total" in ids and "carryover" in ids:
            out.append(("total", ("current_total", "carryover")))
    elif "total" in ids and any(p in ids for p in ("general_budget", "business", "other")) and "basic" not in ids:
        out.append(("total", tuple(p for p in (*parts_pool, "carryover", *carry_parts) if p in ids)))
    if "carryover" in ids and carry_parts:
        out.append(("carryover", carry_parts))
    if "total" in ids and "basic" in ids:
        out.append(("total", tuple(p for p in _EXPENDITURE_PARTS if p in ids)))
    if "basic" in ids and {"wages", "goods_services"} <= ids:
        out.append(("basic", tuple(p for p in ("wages", "household", "goods_services", "capital") if p in ids)))
    if "basic" in ids and {"personnel", "public"} <= ids:
        out.append(("basic", ("personnel", "public")))
    if "project" in ids and {"project_operating"} <= ids:
        out.append(("project", tuple(p for p in ("project_operating", "project_specific") if p in ids)))
    return [(w, ps) for w, ps in out if ps]


def _holds(values: dict[str, Decimal], whole: str, parts: tuple[str, ...]) -> bool | None:
    """None when the identity cannot be judged (whole absent, or no part printed)."""
    if whole not in values:
        present = [values[p] for p in parts if p in values]
        return None if not present else interval_sum(present).meets(Interval.of(Decimal(0)))
    present = [values[p] for p in parts if p in values]
    if not present:
        return None
    return interval_sum(present).meets(Interval.of(values[whole]))


def _all_hold(values: dict[str, Decimal], rules: list[tuple[str, tuple[str, ...]]]) -> tuple[bool, int]:
    verdicts = [_holds(values, w, ps) for w, ps in rules]
    judged = [v for v in verdicts if v is not None]
    return all(judged) and bool(judged), sum(1 for v in verdicts if v is False)


def _gaps(values: dict[str, Decimal], rules: list[tuple[str, tuple[str, ...]]]) -> list[Interval]:
    """whole − Σ parts for each identity that fails as printed."""
    out = []
    for whole, parts in rules:
        if _holds(values, whole, parts) is False:
            present = [values[p] for p in parts if p in values]
            w = Interval.of(values[whole]) if whole in values else Interval.exact(Decimal(0))
            out.append(w - interval_sum(present))
    return out


def repair_slid(cells: dict[int, Decimal], cols: list[int], ids: list[str]) -> tuple[dict[int, Decimal], str | None]:
    """Return the (possibly moved) figures by column and a description of the move, if any."""
    id_of = dict(zip(cols, ids, strict=True))
    rules = _identities(set(ids))
    if not rules:
        return cells, None

    def as_values(by_col: dict[int, Decimal]) -> dict[str, Decimal]:
        return {id_of[c]: v for c, v in by_col.items() if c in id_of}

    before = as_values(cells)
    ok, broken = _all_hold(before, rules)
    if ok or broken == 0:
        return cells, None
    gaps = _gaps(before, rules)
    filled = sorted(cells)
    candidates: list[tuple[dict[int, Decimal], str]] = []
    for a in range(len(filled)):
        for b in range(a, len(filled)):
            run = filled[a : b + 1]
            if any(run[k + 1] != run[k] + 1 for k in range(len(run) - 1)):
                continue
            for step in (1, -1):
                pos = {c: cols.index(c) for c in run}
                targets = [pos[c] + step for c in run]
                if min(targets) < 0 or max(targets) >= len(cols):
                    continue
                moved_cols = [cols[t] for t in targets]
                if any(mc in cells and mc not in run for mc in moved_cols):
                    continue
                new = {c: v for c, v in cells.items() if c not in run}
                for c, mc in zip(run, moved_cols, strict=True):
                    new[mc] = cells[c]
                good, _ = _all_hold(as_values(new), rules)
                # a figure counted under the wrong heading breaks an identity by its own amount;
                # a wrong figure does not, and must stay where it is printed for the checks
                amounts = [Interval.of(cells[c]) for c in run] + [interval_sum([cells[c] for c in run])]
                explains = any(g.meets(a) or g.meets(-a) for g in gaps for a in amounts)
                if good and explains:
                    names = "、".join(f"{id_of[c]}→{id_of[mc]}" for c, mc in zip(run, moved_cols, strict=True))
                    candidates.append((new, names))
    if len(candidates) != 1:
        return cells, None
    return candidates[0]
