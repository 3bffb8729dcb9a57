"""Extraction accuracy: the cells ``parse_file`` reads against a seed's cell key.

A cell is identified by (table kind, which table of that kind, row key, column id) as
``bench/keys.py`` defines it; it is read *exactly* when the parsed value prints the same
(``format(v, "f")``, so 1.50 ≠ 1.5).  A key cell not read is *missing*, one read with another
value is *wrong*; a parsed cell not in the key is *extra*.

    .venv/bin/python bench/accuracy.py        # prints the markdown section
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import keys  # noqa: E402
from bench.common import load_key, pct, seed_files, seed_id  # noqa: E402

CellId = tuple[str, int, str, str]


def cell_id(c: dict[str, object]) -> CellId:
    return (str(c["table"]), int(c["n"]), str(c["row"]), str(c["column"]))  # type: ignore[call-overload]


@dataclass
class Score:
    """Counts of one comparison (a seed, a table kind, or all)."""

    key: int = 0
    exact: int = 0
    wrong: int = 0
    missing: int = 0
    extra: int = 0
    wrong_cells: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.key += other.key
        self.exact += other.exact
        self.wrong += other.wrong
        self.missing += other.missing
        self.extra += other.extra

    @property
    def share(self) -> float:
        return self.exact / self.key if self.key else 0.0


def compare(key: list[dict[str, object]], got: list[dict[str, object]]) -> dict[str, Score]:
    """Score ``got`` (``keys.cells`` of a parse) against ``key``, per table kind."""
    want = {cell_id(c): str(c["value"]) for c in key}
    have = {cell_id(c): str(c["value"]) for c in got}
    out: dict[str, Score] = {}
    for cid, value in want.items():
        s = out.setdefault(cid[0], Score())
        s.key += 1
        if cid not in have:
            s.missing += 1
            s.wrong_cells.append(f"{'/'.join(map(str, cid))}: missing (key {value})")
        elif have[cid] == value:
            s.exact += 1
        else:
            s.wrong += 1
            s.wrong_cells.append(f"{'/'.join(map(str, cid))}: read {have[cid]}, key {value}")
    for cid in sorted(have.keys() - want.keys()):
        s = out.setdefault(cid[0], Score())
        s.extra += 1
        s.wrong_cells.append(f"{'/'.join(map(str, cid))}: extra (read {have[cid]})")
    return out


def total(scores: dict[str, Score]) -> Score:
    s = Score()
    for v in scores.values():
        s.add(v)
    return s


@dataclass
class AccuracyResult:
    per_seed: dict[str, dict[str, Score]]

    def by_kind(self) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for scores in self.per_seed.values():
            for kind, s in scores.items():
                out.setdefault(kind, Score()).add(s)
        return out

    def overall(self) -> Score:
        return total(self.by_kind())


def measure(seeds: list[Path] | None = None) -> AccuracyResult:
    """Parse each seed and score it against its key."""
    from cnbudget.parse import parse_file

    per_seed: dict[str, dict[str, Score]] = {}
    for path in seeds if seeds is not None else seed_files():
        per_seed[seed_id(path)] = compare(load_key(path), keys.cells(parse_file(path)))
    return AccuracyResult(per_seed)


def markdown(res: AccuracyResult) -> str:
    lines = ["| seed | key cells | read exactly | wrong | missing | extra |", "|---|---|---|---|---|---|"]
    for sid, scores in res.per_seed.items():
        s = total(scores)
        lines.append(f"| {sid} | {s.key} | {pct(s.exact, s.key)} | {s.wrong} | {s.missing} | {s.extra} |")
    o = res.overall()
    lines.append(f"| **all** | {o.key} | **{pct(o.exact, o.key)}** | {o.wrong} | {o.missing} | {o.extra} |")
    lines += ["", "| table kind | key cells | read exactly | wrong | missing | extra |", "|---|---|---|---|---|---|"]
    for kind, s in sorted(res.by_kind().items(), key=lambda kv: keys.FINANCIAL.index(kv[0])
                          if kv[0] in keys.FINANCIAL else 99):
        lines.append(f"| {kind} | {s.key} | {pct(s.exact, s.key)} | {s.wrong} | {s.missing} | {s.extra} |")
    bad: Counter[str] = Counter()
    notes = []
    for sid, scores in res.per_seed.items():
        for s in scores.values():
            for w in s.wrong_cells:
                bad[sid] += 1
                if bad[sid] <= 5:
                    notes.append(f"- {sid} {w}")
    if notes:
        lines += ["", "First cells not read exactly, and extra cells (at most five per seed):", "", *notes]
    return "\n".join(lines)


def main() -> None:
    print(markdown(measure()))


if __name__ == "__main__":
    main()
