"""Speed: parse and check on the seeds, every registered reader on the fictional example, the
PDF reader beside pdfplumber on the real PDFs, and growth with document size.

Every figure is the median of several runs, with min–max; each run is timed with
``time.perf_counter`` after one warm-up run (imports, catalogs loaded once per process).

    .venv/bin/python bench/speed.py [--rounds N]     # prints the markdown sections
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import keys  # noqa: E402
from bench.accuracy import compare, total  # noqa: E402
from bench.common import REAL, Spread, example_module, pct, seed_files, seed_id, write_scaled  # noqa: E402

ROUNDS = 7
FACTORS = (1, 10, 100)


def timed(fn: Callable[[], object], rounds: int, warmup: int = 1) -> Spread:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return Spread(tuple(out))


# -- seeds -----------------------------------------------------------------------------------------


@dataclass
class SeedSpeed:
    parse: dict[str, Spread]  # per seed, seconds
    check: dict[str, Spread]
    parse_all: Spread  # one round over all seeds
    check_all: Spread
    lines: dict[str, int]


def seeds_speed(rounds: int = ROUNDS, seeds: list[Path] | None = None) -> SeedSpeed:
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file

    files = seeds if seeds is not None else seed_files()
    docs = {seed_id(p): parse_file(p) for p in files}  # warm-up
    for d in docs.values():
        check_disclosure(d)
    parse = {seed_id(p): [] for p in files}
    check = {seed_id(p): [] for p in files}
    parse_rounds, check_rounds = [], []
    for _ in range(rounds):
        tp = tc = 0.0
        for p in files:
            t = time.perf_counter()
            d = parse_file(p)
            dt = time.perf_counter() - t
            parse[seed_id(p)].append(dt)
            tp += dt
            t = time.perf_counter()
            check_disclosure(d)
            dt = time.perf_counter() - t
            check[seed_id(p)].append(dt)
            tc += dt
        parse_rounds.append(tp)
        check_rounds.append(tc)
    return SeedSpeed(
        {k: Spread(tuple(v)) for k, v in parse.items()},
        {k: Spread(tuple(v)) for k, v in check.items()},
        Spread(tuple(parse_rounds)), Spread(tuple(check_rounds)),
        {seed_id(p): len(p.read_text(encoding="utf-8").splitlines()) for p in files},
    )


def seeds_markdown(s: SeedSpeed) -> str:
    n = len(s.parse)
    lines = ["| seed | lines | parse ms | check ms |", "|---|---|---|---|"]
    for sid in s.parse:
        lines.append(f"| {sid} | {s.lines[sid]} | {s.parse[sid].fmt(1000)} | {s.check[sid].fmt(1000)} |")
    lines.append(f"| **all {n}** | {sum(s.lines.values())} | {s.parse_all.fmt(1000)} | {s.check_all.fmt(1000)} |")
    lines += [
        "",
        f"Documents per second (one process, the five seeds in turn): parse **{s.parse_all.rate(n)}**, "
        f"check **{s.check_all.rate(n)}**, parse + check "
        f"{Spread(tuple(a + b for a, b in zip(s.parse_all.values, s.check_all.values, strict=True))).rate(n)}.",
    ]
    return "\n".join(lines)


# -- readers -------------------------------------------------------------------------------------


@dataclass
class ReaderSpeed:
    fmt: str
    file: str
    size: int
    read: Spread
    parse: Spread
    accuracy: tuple[int, int]  # cells equal to the text version's / cells of the text version


def pdf_pages(path: Path) -> int | None:
    try:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - no PDF: no page count
        return None


def readers_speed(workdir: Path, rounds: int = ROUNDS, with_pdf: bool = True) -> tuple[list[ReaderSpeed], int | None]:
    """Render the example in every format a reader is registered for; time reading it back.

    Returns the timings and the page count of the example printed as PDF (``None`` when
    Chromium is missing): that count is the "pages" of every format.
    """
    from cnbudget.parse import parse_file
    from cnbudget.readers import READERS, read_document
    from cnbudget.render.disclosure import RENDERERS, OutputFormat, write

    mx = example_module()
    produced = mx.build()
    workdir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for fmt in RENDERERS:
        if fmt == OutputFormat.pdf and not with_pdf:
            continue
        path = workdir / f"example.{fmt.value}"
        try:
            write(produced, fmt, path)
        except Exception as e:  # noqa: BLE001 - e.g. no Chromium: that format is left out
            print(f"render {fmt.value} failed: {e}", file=sys.stderr)
            continue
        files[fmt.value] = path
    pages = pdf_pages(files["pdf"]) if "pdf" in files else None
    truth = keys.cells(parse_file(files["txt"]))
    out = []
    for name, path in files.items():
        from cnbudget.readers.sniff import sniff_format

        fmt = sniff_format(path.read_bytes(), path.name)
        if fmt not in READERS:
            continue
        read = timed(lambda p=path: read_document(p), rounds)
        parse = timed(lambda p=path: parse_file(p), rounds)
        got = total(compare(truth, keys.cells(parse_file(path))))
        out.append(ReaderSpeed(f"{fmt} (.{name})", path.name, path.stat().st_size, read, parse, (got.exact, got.key)))
    return out, pages


def readers_markdown(rs: list[ReaderSpeed], pages: int | None) -> str:
    head = (f"The fictional example rendered by `cnbudget.render` in each format; it prints as {pages} PDF "
            "pages, the page count used for every format." if pages else
            "The fictional example rendered by `cnbudget.render` (no Chromium: no PDF, no page count).")
    lines = [head, "", "| reader | file KiB | read ms | pages/s (read) | parse ms (read + tables + narrative) "
             "| cells as in the .txt |", "|---|---|---|---|---|---|"]
    for r in rs:
        pps = r.read.rate(pages, 0) if pages else "n/a"
        lines.append(f"| {r.fmt} | {r.size / 1024:.0f} | {r.read.fmt(1000)} | {pps} | {r.parse.fmt(1000)} "
                     f"| {pct(*r.accuracy)} |")
    return "\n".join(lines)


# -- the PDF reader against pdfplumber, repeated -----------------------------------------------


@dataclass
class PdfSpeed:
    pages: int
    ours: Spread  # seconds for all the real PDFs
    plumber: Spread | None


def pdf_speed(rounds_ours: int = 5, rounds_plumber: int = 3) -> PdfSpeed | None:
    """Our PDF reader and pdfplumber ``extract_tables`` on all the real PDFs, repeated
    (``bench_pdf.py`` runs each once, and camelot too)."""
    files = sorted(REAL.glob("real_*.pdf")) if REAL.is_dir() else []
    if not files:
        return None
    from bench import bench_pdf

    pages = sum(bench_pdf.ours(f)[1] for f in files)  # also the warm-up
    ours = timed(lambda: [bench_pdf.ours(f) for f in files], rounds_ours, warmup=0)
    try:
        import pdfplumber  # noqa: F401

        plumber = timed(lambda: [bench_pdf.plumber(f) for f in files], rounds_plumber, warmup=0)
    except ImportError:
        plumber = None
    return PdfSpeed(pages, ours, plumber)


def pdf_markdown(p: PdfSpeed | None) -> str:
    if p is None:
        return "No real PDFs (../shared/real absent)."
    lines = ["| reader (8 real PDFs) | seconds | pages/s |", "|---|---|---|",
             f"| ours (`cnbudget.readers.pdf`) | {p.ours.fmt(1, 2)} | **{p.ours.rate(p.pages, 0)}** |"]
    if p.plumber:
        lines.append(f"| pdfplumber `extract_tables` | {p.plumber.fmt(1, 2)} | {p.plumber.rate(p.pages, 0)} |")
        lines += ["", f"{p.pages} pages. Ours is **{p.plumber.median / p.ours.median:.1f}×** as fast as pdfplumber "
                  f"(medians of {len(p.ours.values)} and {len(p.plumber.values)} runs in this process)."]
    return "\n".join(lines)


# -- growth with size ---------------------------------------------------------------------------


@dataclass
class Growth:
    factor: int
    lines: int
    rows: int  # rows of the expenditure table
    parse: Spread
    check: Spread
    findings: dict[str, int]


def growth(workdir: Path, factors: tuple[int, ...] = FACTORS, rounds: int = 5) -> list[Growth]:
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file

    out = []
    for f in factors:
        path = write_scaled(workdir, f)
        d = parse_file(path)
        exp = d.table("expenditure")
        parse = timed(lambda p=path: parse_file(p), rounds)
        check = timed(lambda d=d: check_disclosure(d), rounds)
        out.append(Growth(f, len(path.read_text(encoding="utf-8").splitlines()), len(exp.rows) if exp else 0,
                          parse, check, check_disclosure(d).summary))
    return out


def growth_markdown(gs: list[Growth], memory: dict[int, dict[str, float]] | None = None) -> str:
    base = gs[0]
    lines = ["| size | lines | expenditure rows | parse ms | × | check ms | × | findings (e/w/i) |"
             + (" parse+check peak MiB (tracemalloc) | max RSS MiB |" if memory else ""),
             "|---|---|---|---|---|---|---|---|" + ("---|---|" if memory else "")]
    for g in gs:
        row = (f"| {g.factor}× | {g.lines} | {g.rows} | {g.parse.fmt(1000)} | {g.parse.median / base.parse.median:.1f} "
               f"| {g.check.fmt(1000)} | {g.check.median / base.check.median:.1f} "
               f"| {g.findings['error']}/{g.findings['warning']}/{g.findings['info']} |")
        if memory and g.factor in memory:
            m = memory[g.factor]
            row += f" {m['peak'] / 2**20:.1f} | {m['maxrss'] / 2**20:.0f} |"
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    args = ap.parse_args()
    print(seeds_markdown(seeds_speed(args.rounds)))
    with tempfile.TemporaryDirectory() as tmp:
        print()
        print(readers_markdown(*readers_speed(Path(tmp) / "formats", args.rounds)))
        print()
        print(growth_markdown(growth(Path(tmp) / "scaled")))
    print()
    print(pdf_markdown(pdf_speed()))


if __name__ == "__main__":
    main()
