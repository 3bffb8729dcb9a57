"""Detection: does ``check_disclosure`` notice one wrong amount?  A mutation harness.

Each mutant is a copy of a document's text with one amount of a financial table changed:

- ``digit``      one digit replaced by another (never a new leading zero);
- ``transpose``  two adjacent, different digits swapped ("644.06" → "646.04");
- ``shift``      the decimal point moved by one place ("644.06" → "6440.6" or "64.406");
- ``swap``       the amounts of two rows of the same table and column exchanged.

Only cells that the key says are amounts are mutated (a seed's ``bench/keys/<id>.json``; for
the fictional example, the cells of its own parse): the key's line number and value locate the
printed figure on that line.  A mutant *lands* when parsing it reads the new value in that
cell (otherwise it is counted as not landed and left out of the rates).  A landed mutant is
*caught* when ``check_disclosure`` reports an error or warning whose (rule, table, row, column)
the unmutated document's errors and warnings do not have.  ``engine.rule_failed`` and
``verify.could_not_verify`` do not count as catching (they are counted apart).

Everything is deterministic: the choices come from ``random.Random("<doc>:<type>")``.

    .venv/bin/python bench/detection.py [--per-type N]    # prints the markdown section
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import keys  # noqa: E402
from bench.accuracy import CellId, cell_id  # noqa: E402
from bench.common import load_key, pct, seed_files, seed_id, write_example  # noqa: E402

TYPES = ("digit", "transpose", "shift", "swap")
PER_TYPE = 15  # mutants per type per document: 6 documents × 4 types × 15 = 360
NOT_A_CATCH = frozenset({"engine.rule_failed", "verify.could_not_verify"})

# A printed figure: optional sign or opening parenthesis, digits with thousands separators,
# decimals, optional closing parenthesis.  Not part of a longer run of digits.
_NUMBER = re.compile(r"(?<![\d.,])([-(（]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([)）]?)(?![\d,]|\.\d)")


@dataclass(frozen=True)
class Printed:
    """One figure as printed on a line: its span and its parts."""

    start: int
    end: int
    sign: str  # "", "-", "(" or "（"
    integer: str  # digits only
    fraction: str | None
    close: str
    grouped: bool

    @property
    def value(self) -> str:
        """As the key writes it: separators removed, parentheses as a minus sign."""
        body = self.integer + (f".{self.fraction}" if self.fraction is not None else "")
        return f"-{body}" if self.sign and self.close or self.sign == "-" else body

    def render(self, integer: str, fraction: str | None) -> str:
        if self.grouped:
            integer = f"{int(integer):,}"
        body = integer + (f".{fraction}" if fraction is not None else "")
        return f"{self.sign}{body}{self.close}"


def figures(line: str) -> list[Printed]:
    """The figures printed on a line, in order."""
    text = unicodedata.normalize("NFKC", line) if not line.isascii() else line
    if len(text) != len(line):  # NFKC changed the length: spans would not match; be plain
        text = line
    out = []
    for m in _NUMBER.finditer(text):
        sign, integer, fraction, close = m.group(1), m.group(2), m.group(3), m.group(4)
        end = m.end()
        if close and not sign:  # a closing parenthesis without its opening one is not the figure's
            close, end = "", m.start(4)
        out.append(Printed(m.start(), end, sign, integer.replace(",", ""), fraction, close, "," in integer))
    return out


def locate(line: str, values: list[str]) -> list[Printed | None]:
    """Match key values (in key order) to the figures of their line, in print order."""
    figs = figures(line)
    used: set[int] = set()
    out: list[Printed | None] = []
    pos = 0
    for v in values:
        hit = next((i for i in range(pos, len(figs)) if i not in used and figs[i].value == v), None)
        if hit is None:
            hit = next((i for i in range(len(figs)) if i not in used and figs[i].value == v), None)
        if hit is None:
            out.append(None)
            continue
        used.add(hit)
        pos = hit + 1
        out.append(figs[hit])
    return out


# -- mutations ----------------------------------------------------------------------------------


def mutate_digit(p: Printed, rng: random.Random) -> tuple[str, str] | None:
    digits = p.integer + (p.fraction or "")
    i = rng.randrange(len(digits))
    choices = [d for d in "0123456789" if d != digits[i] and not (i == 0 and d == "0" and len(p.integer) > 1)]
    new = digits[:i] + rng.choice(choices) + digits[i + 1:]
    return _split(p, new)


def mutate_transpose(p: Printed, rng: random.Random) -> tuple[str, str] | None:
    digits = p.integer + (p.fraction or "")
    spots = [i for i in range(len(digits) - 1) if digits[i] != digits[i + 1]
             and not (i == 0 and digits[1] == "0" and len(p.integer) > 1)]
    if not spots:
        return None
    i = rng.choice(spots)
    new = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
    return _split(p, new)


def mutate_shift(p: Printed, rng: random.Random) -> tuple[str, str] | None:
    if not (p.integer + (p.fraction or "")).strip("0"):
        return None  # zero stays zero wherever the point is
    frac = p.fraction or ""
    moves = ["left", "right"]
    direction = rng.choice(moves)
    if direction == "right":
        integer, frac = p.integer + (frac[:1] or "0"), frac[1:]
    else:
        integer, frac = p.integer[:-1], p.integer[-1] + frac
    integer = integer.lstrip("0") or "0"
    fraction = frac if frac else None
    text = p.render(integer, fraction)
    return text, _value(p, integer, fraction)


def _split(p: Printed, digits: str) -> tuple[str, str]:
    n = len(p.integer)
    integer, fraction = digits[:n], (digits[n:] if p.fraction is not None else None)
    return p.render(integer, fraction), _value(p, integer, fraction)


def _value(p: Printed, integer: str, fraction: str | None) -> str:
    body = integer + (f".{fraction}" if fraction is not None else "")
    return f"-{body}" if p.value.startswith("-") else body


MUTATORS = {"digit": mutate_digit, "transpose": mutate_transpose, "shift": mutate_shift}


# -- mutants ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A key cell located on its printed line."""

    cell: CellId
    line: int  # 1-based
    printed: Printed


@dataclass(frozen=True)
class Mutant:
    doc: str
    type: str
    text: str
    changes: tuple[tuple[CellId, str, str], ...]  # (cell, old value, new value)


def sites(text: str, key: list[dict[str, object]]) -> list[Site]:
    """Every key cell whose printed figure could be found on its line."""
    lines = text.splitlines()
    by_line: dict[int, list[dict[str, object]]] = {}
    for c in key:
        if c.get("line"):
            by_line.setdefault(int(c["line"]), []).append(c)  # type: ignore[call-overload]
    out = []
    for ln, cells in sorted(by_line.items()):
        if not 1 <= ln <= len(lines):
            continue
        for c, p in zip(cells, locate(lines[ln - 1], [str(c["value"]) for c in cells]), strict=True):
            if p is not None:
                out.append(Site(cell_id(c), ln, p))
    return out


def _replace(lines: list[str], edits: Iterable[tuple[int, int, int, str]]) -> str:
    out = list(lines)
    for ln, start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        s = out[ln - 1]
        out[ln - 1] = s[:start] + new + s[end:]
    return "".join(out)


def mutants(doc: str, text: str, key: list[dict[str, object]], per_type: int = PER_TYPE) -> list[Mutant]:
    """``per_type`` mutants of each type for one document (fewer where it has too few cells)."""
    lines = text.splitlines(keepends=True)
    all_sites = sites(text, key)
    out: list[Mutant] = []
    for kind in TYPES:
        rng = random.Random(f"{doc}:{kind}")
        made = 0
        if kind == "swap":
            groups: dict[tuple[str, int, str], list[Site]] = {}
            for s in all_sites:
                groups.setdefault((s.cell[0], s.cell[1], s.cell[3]), []).append(s)
            pairs = [(a, b) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1:]
                     if a.line != b.line and Decimal(a.printed.value) != Decimal(b.printed.value)]
            rng.shuffle(pairs)
            for a, b in pairs[:per_type]:
                new_text = _replace(lines, [
                    (a.line, a.printed.start, a.printed.end, a.printed.render(*_parts(b.printed))),
                    (b.line, b.printed.start, b.printed.end, b.printed.render(*_parts(a.printed))),
                ])
                out.append(Mutant(doc, kind, new_text, ((a.cell, a.printed.value, b.printed.value),
                                                        (b.cell, b.printed.value, a.printed.value))))
            continue
        order = list(all_sites)
        rng.shuffle(order)
        for s in order:
            if made >= per_type:
                break
            res = MUTATORS[kind](s.printed, rng)
            if res is None or _same(res[1], s.printed.value):
                continue
            new_text = _replace(lines, [(s.line, s.printed.start, s.printed.end, res[0])])
            out.append(Mutant(doc, kind, new_text, ((s.cell, s.printed.value, res[1]),)))
            made += 1
    return out


def _parts(p: Printed) -> tuple[str, str | None]:
    return p.integer, p.fraction


def _same(a: str, b: str) -> bool:
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return a == b


# -- evaluation ---------------------------------------------------------------------------------


def finding_keys(report, baseline: bool = False) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(f.rule, f.table, f.row, f.column) for f in report.findings
            if f.severity in ("error", "warning") and (baseline or f.rule not in NOT_A_CATCH)}


@dataclass
class Outcome:
    doc: str
    type: str
    table: str
    landed: bool
    caught: bool = False
    caught_error: bool = False
    rules: tuple[str, ...] = ()
    crashed: bool = False
    note: str = ""  # for a mutant that did not land: what the parse read instead


@dataclass
class DocBaseline:
    doc: str
    summary: dict[str, int]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class DetectionResult:
    outcomes: list[Outcome]
    baselines: list[DocBaseline]
    example: str  # the example's document id

    def rate(self, pred) -> tuple[int, int]:
        landed = [o for o in self.outcomes if o.landed and pred(o)]
        return sum(o.caught for o in landed), len(landed)

    def rate_error(self, pred) -> tuple[int, int]:
        landed = [o for o in self.outcomes if o.landed and pred(o)]
        return sum(o.caught_error for o in landed), len(landed)


def evaluate(doc: str, path: Path, key: list[dict[str, object]], per_type: int, workdir: Path
             ) -> tuple[DocBaseline, list[Outcome]]:
    from cnbudget.checks import check_disclosure
    from cnbudget.errors import CnbudgetError
    from cnbudget.parse import parse_file

    text = path.read_text(encoding="utf-8")
    base = check_disclosure(parse_file(path))
    base_keys = finding_keys(base, baseline=True)
    baseline = DocBaseline(
        doc, base.summary,
        errors=[_describe(f) for f in base.findings if f.severity == "error"],
        warnings=[_describe(f) for f in base.findings if f.severity == "warning"],
    )
    base_cells = {cell_id(c): str(c["value"]) for c in keys.cells(parse_file(path))}
    target = workdir / path.name  # same file name: the name may carry meta
    outcomes = []
    for m in mutants(doc, text, key, per_type):
        target.write_text(m.text, encoding="utf-8")
        table = m.changes[0][0][0]
        try:
            d = parse_file(target)
        except CnbudgetError as e:
            outcomes.append(Outcome(doc, m.type, table, landed=False, note=f"unreadable: {e}"))
            continue
        got = {cell_id(c): str(c["value"]) for c in keys.cells(d)}
        diff = {c: got.get(c) for c in base_cells.keys() | got.keys() if got.get(c) != base_cells.get(c)}
        landed = diff == {cell: new for cell, _old, new in m.changes}
        if not landed and len(m.changes) == 1 and len(diff) == 1:
            # The same figure printed twice on the line: the other one was changed; keep the
            # mutant, attributed to the cell that did change.
            (cell, value), = diff.items()
            _c, old, new = m.changes[0]
            landed = value == new and base_cells.get(cell) == old
            table = cell[0] if landed else table
        rep = check_disclosure(d)
        new_keys = finding_keys(rep) - base_keys
        errors = {(f.rule, f.table, f.row, f.column) for f in rep.findings if f.severity == "error"} & new_keys
        note = "" if landed else "; ".join(
            f"{'/'.join(map(str, c))} {base_cells.get(c)}→{v}" for c, v in sorted(diff.items())[:3]
        ) + (f" (+{len(diff) - 3})" if len(diff) > 3 else "") + f" [printed {m.changes[0][1]}→{m.changes[0][2]}]"
        outcomes.append(Outcome(
            doc, m.type, table, landed=landed, caught=bool(new_keys), caught_error=bool(errors),
            rules=tuple(sorted({k[0] for k in new_keys})),
            crashed=any(f.rule == "engine.rule_failed" for f in rep.findings)
            and not any(f.rule == "engine.rule_failed" for f in base.findings),
            note=note,
        ))
    return baseline, outcomes


def _describe(f) -> str:
    where = "/".join(x for x in (f.table, f.row, f.column) if x)
    return f"`{f.rule}` {where}".strip()


def documents(workdir: Path, seeds: list[Path] | None = None, with_example: bool = True
              ) -> list[tuple[str, Path, list[dict[str, object]]]]:
    """(id, path, key) of each seed and of the fictional example."""
    from cnbudget.parse import parse_file

    docs = [(seed_id(p), p, load_key(p)) for p in (seeds if seeds is not None else seed_files())]
    if with_example:
        ex = write_example(workdir / "example")
        docs.append(("example", ex, keys.cells(parse_file(ex))))
    return docs


def measure(per_type: int = PER_TYPE, seeds: list[Path] | None = None, with_example: bool = True
            ) -> DetectionResult:
    outcomes: list[Outcome] = []
    baselines: list[DocBaseline] = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc, path, key in documents(Path(tmp), seeds, with_example):
            work = Path(tmp) / f"mut-{doc}"
            work.mkdir()
            b, o = evaluate(doc, path, key, per_type, work)
            baselines.append(b)
            outcomes.extend(o)
    return DetectionResult(outcomes, baselines, "example")


def markdown(res: DetectionResult) -> str:
    made = len(res.outcomes)
    landed = sum(o.landed for o in res.outcomes)
    c, n = res.rate(lambda o: True)
    ce, _ = res.rate_error(lambda o: True)
    lines = [
        f"{made} mutants, {landed} landed (parsed with the new value in the mutated cell); "
        f"caught: **{pct(c, n)}** (error or warning), {pct(ce, n)} by an error.",
        "",
        "| mutation | landed | caught (error or warning) | caught by an error |",
        "|---|---|---|---|",
    ]
    for t in TYPES:
        c, n = res.rate(lambda o, t=t: o.type == t)
        ce, _ = res.rate_error(lambda o, t=t: o.type == t)
        lines.append(f"| {t} | {n} of {sum(o.type == t for o in res.outcomes)} | {pct(c, n)} | {pct(ce, n)} |")
    lines += ["", "| document | landed | caught | " + " | ".join(TYPES) + " |",
              "|---|---|---|" + "---|" * len(TYPES)]
    for doc in dict.fromkeys(o.doc for o in res.outcomes):
        c, n = res.rate(lambda o, d=doc: o.doc == d)
        per = [res.rate(lambda o, d=doc, t=t: o.doc == d and o.type == t) for t in TYPES]
        lines.append(f"| {doc} | {n} | {pct(c, n)} | " + " | ".join(pct(*x) for x in per) + " |")
    lines += ["", "| table kind mutated | landed | caught |", "|---|---|---|"]
    for kind in sorted({o.table for o in res.outcomes},
                       key=lambda k: keys.FINANCIAL.index(k) if k in keys.FINANCIAL else 99):
        c, n = res.rate(lambda o, k=kind: o.table == k)
        lines.append(f"| {kind} | {n} | {pct(c, n)} |")
    rules = Counter(r for o in res.outcomes if o.landed for r in o.rules)
    lines += ["", "Rules with a new finding on caught mutants (mutants per rule): "
              + ", ".join(f"`{r}` {k}" for r, k in rules.most_common(12)) + "."]
    off = [o for o in res.outcomes if not o.landed]
    if off:
        flagged = sum(o.caught for o in off)
        lines.append(f"\nNot landed: {len(off)} mutants whose parse did not read the new figure in its cell "
                     f"(the parser dropped, moved or repaired it); the checks still flagged {flagged} of them. "
                     "The first few (cell: unmutated → mutant parse):\n")
        lines += [f"- {o.doc} {o.type}: {o.note}" for o in off[:8]]
    crashed = sum(o.crashed for o in res.outcomes)
    if crashed:
        lines.append(f"\nMutants on which a rule crashed (`engine.rule_failed`, not counted as caught): {crashed}.")
    missed = Counter((o.type, o.table) for o in res.outcomes if o.landed and not o.caught)
    if missed:
        lines.append("\nMissed most often (type, table kind): "
                     + ", ".join(f"{t}/{k} {n}" for (t, k), n in missed.most_common(8)) + ".")
    lines += ["", "### Findings on the unchanged documents", "",
              "| document | errors | warnings | info | errors (rule, table/row/column) |", "|---|---|---|---|---|"]
    for b in res.baselines:
        errs = "; ".join(b.errors[:8]) + (" …" if len(b.errors) > 8 else "")
        lines.append(f"| {b.doc} | {b.summary['error']} | {b.summary['warning']} | {b.summary['info']} | {errs or '—'} |")
    ex = next((b for b in res.baselines if b.doc == res.example), None)
    if ex is not None:
        verdict = ("checks clean: no false alarm" if ex.summary["error"] == 0
                   else f"**{ex.summary['error']} false alarm(s)** (the example is consistent by construction)")
        lines.append(f"\nThe fictional example {verdict}"
                     + (f"; its warnings: {'; '.join(ex.warnings)}." if ex.warnings else "."))
    lines.append("The seeds' errors are real inconsistencies of the published documents, not false alarms.")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-type", type=int, default=PER_TYPE)
    args = ap.parse_args()
    print(markdown(measure(args.per_type)))


if __name__ == "__main__":
    main()
