"""Header rows: where they end, and how they flatten into one label path per column.

Text extracted from PDFs loses cell spans and often slides header cells sideways.  Flattening
is therefore done in three steps:

1. positional spans: a label covers the columns up to the next label of its row, within its
   parent's span (the merged-cell reading);
2. alignment with the data: a label sitting over a column the data shows to be a code or name
   column is slid right, with the labels after it, until it sits over amounts;
3. vocabulary: a label that must sit under a known group (工资福利支出 under 人员经费,
   其中：财政拨款 under 一般公共预算 …) but does not is moved into that group's span, keeping
   the order of the group's labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cnbudget.tables.cells import compact
from cnbudget.tables.columns import column_id

# child label pattern → the group labels it belongs under (preferred first)
_BELONGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(c), ps)
    for c, ps in (
        (r"工资福利|对个人和家庭", ("人员经费", "基本支出")),
        (r"商品和服务|资本性支出", ("公用经费", "基本支出")),
        (r"其他运转|特定目标", ("项目支出",)),
        (r"^其中[:：]?财政拨款$", ("一般公共预算",)),
        (r"^人员经费$|^公用经费$", ("基本支出",)),
        (r"公务用车购置费|公务用车运行", ("公务用车购置及运行", "公务用车购置和运行")),
    )
)

_KEY_LABEL_RE = re.compile(r"编码|代码|编号|^类$|^款$|^项$|名称|^项目$|^科目$|类型|单位$")


@dataclass(frozen=True)
class ColumnProfile:
    """What the data rows hold in one column, and whether it is left of (or is) the name column."""

    amounts: int
    codes: int
    texts: int
    key: bool = False  # at or left of the name column, or a text column

    @property
    def is_amount(self) -> bool:
        return not self.key and self.amounts > 0

    @property
    def is_key(self) -> bool:
        return self.key


def _spans(row: list[str], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end-exclusive, label) for each label of a row within [lo, hi)."""
    idx = [i for i in range(lo, hi) if i < len(row) and compact(row[i])]
    out = []
    for k, i in enumerate(idx):
        end = idx[k + 1] if k + 1 < len(idx) else hi
        out.append((i, end, compact(row[i])))
    return out


def flatten(header: list[list[str]], width: int, profiles: list[ColumnProfile] | None = None) -> list[list[str]]:
    """One label path (top to bottom) per column."""
    rows = [list(r) + [""] * (width - len(r)) for r in header]
    if profiles:
        rows = [_align_to_data(r, profiles) for r in rows]
    for r in range(len(rows) - 1):
        rows[r] = _shift_groups_onto_children(rows[r], rows[r + 1])
    paths: list[list[str]] = [[] for _ in range(width)]
    parent_spans: list[tuple[int, int, str]] = [(0, width, "")]
    for r, row in enumerate(rows):
        if r > 0:
            row = _regroup(row, parent_spans)
        spans: list[tuple[int, int, str]] = []
        for p0, p1, _ in parent_spans:
            spans.extend(_spans(row, p0, p1))
        # columns of a parent with no label in this row keep the parent as their own span
        covered = {c for s0, s1, _ in spans for c in range(s0, s1)}
        for p0, p1, _plabel in parent_spans:
            if not any(c in covered for c in range(p0, p1)):
                # a header row with nothing under this group (a row of 科目编码 / 科目名称
                # beside it): the group stays one span for the rows below
                spans.append((p0, p1, ""))
                continue
            for c in range(p0, p1):
                if c not in covered:
                    spans.append((c, c + 1, ""))
        spans.sort()
        for s0, s1, label in spans:
            for c in range(s0, s1):
                if label:
                    paths[c].append(label)
        parent_spans = [(s0, s1, lab or _last(paths[s0])) for s0, s1, lab in spans]
    return paths


_WHOLE_RE = re.compile(r"^(合计|小计)$")


def _shift_groups_onto_children(parent: list[str], child: list[str]) -> list[str]:
    """A group label printed one column left of its first child (合计/小计) moves onto it.

    "上年结转结余" over "其他收入" with "合计" to its right belongs over that 合计.
    """
    out = list(parent)
    for c in range(1, len(out) - 1):
        if (
            compact(out[c])
            and not compact(out[c + 1])
            and _WHOLE_RE.match(compact(child[c + 1]))
            and not _WHOLE_RE.match(compact(child[c]))
        ):
            out[c + 1], out[c] = out[c], ""
    return out


def _last(path: list[str]) -> str:
    return path[-1] if path else ""


def _align_to_data(row: list[str], profiles: list[ColumnProfile]) -> list[str]:
    """Slide amount labels that sit over key (code/name) columns to the right."""
    width = len(row)
    for _ in range(4):
        bad = next(
            (
                i
                for i, cell in enumerate(row)
                if compact(cell)
                and not _KEY_LABEL_RE.search(compact(cell))
                and column_id([compact(cell)]) is not None
                and i < len(profiles)
                and profiles[i].is_key
                and any(p.is_amount for p in profiles[i + 1 :])
            ),
            None,
        )
        if bad is None:
            break
        tail = row[bad:]
        # keep the width: drop a trailing empty cell, else the first empty one in the tail
        if tail and not compact(tail[-1]):
            tail = tail[:-1]
        else:
            gap = next((k for k in range(1, len(tail)) if not compact(tail[k])), None)
            tail = tail[:gap] + tail[gap + 1 :] if gap is not None else tail[:-1]
        row = row[:bad] + [""] + tail
        row = (row + [""] * width)[:width]
    return row


def _regroup(row: list[str], parent_spans: list[tuple[int, int, str]]) -> list[str]:
    """Move labels into the span of the group their words say they belong to, in order."""
    target: dict[int, tuple[int, int]] = {}
    for i, cell in enumerate(row):
        lab = compact(cell)
        if not lab:
            continue
        for rx, parents in _BELONGS:
            if not rx.search(lab):
                continue
            # the group's span over this very column first: a header may print the same group
            # twice (2025年 | 2026年), and a label belongs under the one above it
            spans = [p for par in parents for p in parent_spans if par in p[2]]
            span = next((p for p in spans if p[0] <= i < p[1]), spans[0] if spans else None)
            if span is not None:
                target[i] = (span[0], span[1])
            break
    if not target or all(s0 <= i < s1 for i, (s0, s1) in target.items()):
        return row
    new = list(row)
    for i in target:
        new[i] = ""
    by_span: dict[tuple[int, int], list[int]] = {}
    for i in sorted(target):
        by_span.setdefault(target[i], []).append(i)
    for (s0, s1), members in by_span.items():
        free = [c for c in range(s0, s1) if not compact(new[c])]
        for c, i in zip(free, members, strict=False):
            new[c] = row[i]
    return new
