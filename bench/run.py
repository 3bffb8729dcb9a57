"""The benchmark: accuracy, detection, speed and memory, beside the tools people use today.

    .venv/bin/python bench/run.py [--out bench/RESULTS.md] [--camelot-python PY | --install-camelot]
                                  [--quick]

``make bench`` runs it and it writes ``bench/RESULTS.md``.  Sections and the modules that
measure them: extraction accuracy (``accuracy``), mutation detection (``detection``), speed
(``speed``), memory (``memory``), the PDF reader beside pdfplumber and camelot
(``bench_pdf.py``, run as a subprocess, and ``speed.pdf_speed``).

camelot is not a project dependency: it is used when ``--camelot-python`` (or ``$CAMELOT_PYTHON``)
names an interpreter that has it, or when ``.venv/camelot`` exists (``--install-camelot``
creates it with pip: camelot-py, with opencv and pandas).  ``--quick`` runs fewer rounds and
mutants and leaves out bench_pdf.py (for trying the script, not for publishing figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import accuracy, detection, memory, speed  # noqa: E402
from bench.common import machine, seed_files, seed_id, write_example  # noqa: E402

CAMELOT_VENV = ROOT / ".venv" / "camelot"


def camelot_python(arg: str | None, install: bool) -> str | None:
    if arg:
        return arg
    if os.environ.get("CAMELOT_PYTHON"):
        return os.environ["CAMELOT_PYTHON"]
    py = CAMELOT_VENV / "bin" / "python"
    if not py.exists() and install:
        subprocess.run([sys.executable, "-m", "venv", str(CAMELOT_VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "camelot-py"], check=True)
    return str(py) if py.exists() else None


def camelot_version(py: str | None) -> str | None:
    if not py:
        return None
    res = subprocess.run([py, "-c", "import camelot; print(camelot.__version__)"], capture_output=True, text=True)
    return res.stdout.strip() if res.returncode == 0 else None


def run_bench_pdf(py: str | None) -> tuple[str, float]:
    """bench/bench_pdf.py's markdown (it runs each reader once per file) and its wall time."""
    cmd = [sys.executable, str(ROOT / "bench" / "bench_pdf.py")] + (["--camelot-python", py] if py else [])
    t = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - t
    if res.returncode != 0:
        return f"bench_pdf.py failed (exit {res.returncode}):\n\n```\n{res.stderr[-1500:]}\n```", took
    return res.stdout.strip(), took


def bench_pdf_ratios(table: str) -> str:
    """Ours vs pdfplumber and camelot from the **all** row of bench_pdf.py's table (same run)."""
    m = re.search(r"\| \*\*all\*\* \| (\d+) \| ([\d.]+) \| (\d+) \| \| ([\d.]+) \| \| ([\d.]+|n/a) \|", table)
    if not m:
        return ""
    pages, ours, pps, plumber, cam = int(m[1]), float(m[2]), m[3], float(m[4]), m[5]
    out = (f"In that run: ours {pps} pages/s over {pages} pages; pdfplumber took {plumber / ours:.1f}× as long"
           f" ({pages / plumber:.0f} pages/s)")
    if cam != "n/a":
        out += f", camelot (lattice) {float(cam) / ours:.1f}× as long ({pages / float(cam):.1f} pages/s)"
    return out + "."


def peers_offline() -> str:
    found = {name: importlib.util.find_spec(mod) is not None
             for name, mod in (("docling", "docling"), ("MinerU", "mineru"), ("magic-pdf", "magic_pdf"))}
    installed = ", ".join(n for n, ok in found.items() if ok) or "none of them"
    return (
        "**docling and MinerU were not run.** Both are on PyPI (docling 2.143.0 with docling-ibm-models "
        "and docling-parse; mineru 4.0.12, formerly magic-pdf 1.3.12), so the code installs, but neither "
        "extracts a table without its layout / table-structure models, which both download from a model hub "
        "on first use (docling: the ds4sd/docling-models weights; MinerU: PDF-Extract-Kit). This machine "
        "reaches package registries only, and this benchmark downloads no model weights, so they cannot "
        f"run offline here. Installed in this environment: {installed}. To compare with them, run "
        "bench_pdf.py's fixture and the real PDFs through them on a machine with the models cached."
    )


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, cwd=ROOT)
        if rev.returncode != 0:
            return "unknown"
        return rev.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    ap.add_argument("--camelot-python", default=None)
    ap.add_argument("--install-camelot", action="store_true")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    rounds = 3 if args.quick else speed.ROUNDS
    per_type = 3 if args.quick else detection.PER_TYPE
    seeds = seed_files()
    if not seeds:
        print("seeds not found (../shared/seeds): nothing to measure", file=sys.stderr)
        return 2

    def step(msg: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {msg}", file=sys.stderr)

    step("accuracy")
    acc = accuracy.measure(seeds)
    step("detection")
    det = detection.measure(per_type, seeds)
    step("speed: seeds")
    sp = speed.seeds_speed(rounds, seeds)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        step("speed: readers")
        readers, pages = speed.readers_speed(work / "formats", rounds)
        step("speed: growth")
        grow = speed.growth(work / "scaled", rounds=3 if args.quick else 5)
        step("memory")
        mem = {f"seed {seed_id(p)}": memory.measure(p) for p in seeds}
        mem["fictional example"] = memory.measure(write_example(work / "example"))
        from bench.common import write_scaled

        mem_growth = {f: memory.measure(write_scaled(work / "scaled", f)) for f in speed.FACTORS}
    step("PDF: ours vs pdfplumber, repeated")
    pdf = speed.pdf_speed(3 if args.quick else 5, 1 if args.quick else 3)
    cam_py = camelot_python(args.camelot_python, args.install_camelot)
    cam_ver = camelot_version(cam_py)
    if args.quick:
        pdf_table, pdf_took = "(left out: --quick)", 0.0
    else:
        step(f"bench_pdf.py (camelot: {cam_ver or 'not available'})")
        pdf_table, pdf_took = run_bench_pdf(cam_py if cam_ver else None)
    total = time.perf_counter() - started
    step("writing")

    m = machine()
    o = acc.overall()
    c, n = det.rate(lambda x: True)
    cmd = "make bench   (= .venv/bin/python bench/run.py" + (" --quick" if args.quick else "") + ")"
    if cam_ver:
        cmd += f"; camelot {cam_ver} from {os.path.relpath(cam_py, ROOT) if cam_py else '?'}"
    n_seeds = len(seeds)
    pdf_pps = pdf.ours.rate(pdf.pages, 0) if pdf else "n/a"
    parse_med = sorted(s.median for s in sp.parse.values())
    doc = [
        "# cnbudget benchmark results",
        "",
        "Generated by `bench/run.py`; do not edit by hand.",
        "",
        f"- Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} memory; {m['platform']}",
        f"- Python {m['python']}; code at {git_rev()}",
        f"- Command: `{cmd}`; the whole run took {total:.0f} s (bench_pdf.py {pdf_took:.0f} s of it)",
        f"- Timings: median of {rounds} runs after a warm-up run, with (min–max); one process, one core.",
        "",
        "## Headline",
        "",
        f"- Parse: **{sp.parse_all.median / n_seeds * 1000:.0f} ms per document** on average over the five seeds "
        f"(per seed medians {parse_med[0] * 1000:.0f}–{parse_med[-1] * 1000:.0f} ms); "
        f"{sp.parse_all.rate(n_seeds)} documents/s.",
        f"- Check: all five seeds in **{sp.check_all.fmt(1000, 0)} ms** ({sp.check_all.rate(n_seeds, 0)} documents/s).",
        f"- Cell accuracy on the seeds: **{o.exact / o.key:.1%}** of {o.key} key cells read exactly "
        f"({o.extra} extra cells).",
        f"- Mutation catch rate: **{c / n:.1%}** of {n} single-amount mutants "
        f"(digit {_share(det, 'digit')}, transposition {_share(det, 'transpose')}, "
        f"decimal shift {_share(det, 'shift')}, row swap {_share(det, 'swap')}); "
        f"false alarms on the fictional example: {next((b.summary['error'] for b in det.baselines if b.doc == 'example'), 'n/a')}.",
        f"- PDF reader: **{pdf_pps} pages/s** on the {pdf.pages if pdf else 0} pages of the eight real PDFs"
        + (f", {pdf.plumber.median / pdf.ours.median:.1f}× as fast as pdfplumber `extract_tables`"
           if pdf and pdf.plumber else "") + ".",
        "",
        "## 1. Extraction accuracy (seeds against their cell keys)",
        "",
        "The keys (`bench/keys/*.json`) hold every numeric cell of the seeds' financial tables. They were "
        "written by `bench/keys.py --write` from the parser and then checked against the seeds by reading, so "
        "this section guards against regressions: a cell read differently from the checked key counts as wrong. "
        "The independent accuracy figures are the format round trip (section 3) and the PDF fixture (section 4).",
        "",
        accuracy.markdown(acc),
        "",
        "## 2. Detection: one amount changed",
        "",
        f"Mutants of the five seeds' text and of the fictional example (`examples/make_example.py`), "
        f"{per_type} per mutation type and document, drawn with a seeded random generator from the cells "
        "the key lists (located on the key's line by their value). A mutant is caught when the check reports "
        "an error or warning whose (rule, table, row, column) the unchanged document does not have. "
        "A swap of two rows' amounts in one column leaves that column's total unchanged, so it can only be "
        "caught by row identities (total = basic + project) or by another table.",
        "",
        detection.markdown(det),
        "",
        "## 3. Speed",
        "",
        "### Parse and check, the five seeds",
        "",
        speed.seeds_markdown(sp),
        "",
        "### Every reader on the same document",
        "",
        speed.readers_markdown(readers, pages),
        "",
        "\"read\" is the reader alone (file → blocks); \"parse\" adds table recognition and the narrative. "
        "The last column is the share of the .txt version's cells that the format's parse reads identically "
        "(an accuracy figure that does not depend on the seeds' keys).",
        "",
        "### Growth with document size",
        "",
        "The fictional example with 10× and 100× its function rows: every 项 line repeated under fresh codes "
        "from the official catalog (with its projects), economic lines scaled so that every table still adds "
        "up. The warnings are `code.economic_vs_function` (pension / medical economic codes under the borrowed "
        "function codes) and the like, not errors. × is the ratio of medians to 1×.",
        "",
        speed.growth_markdown(grow, mem_growth),
        "",
        "## 4. Memory",
        "",
        "tracemalloc peak: Python allocations while parsing (and then checking) the document, after a warm-up "
        "in the same process. Max RSS: a fresh interpreter's `ru_maxrss` after importing cnbudget and loading "
        "the rules, then after one parse + check.",
        "",
        memory.markdown(mem),
        "",
        "## 5. PDF: ours beside pdfplumber and camelot",
        "",
        "### Repeated timing on the real PDFs",
        "",
        speed.pdf_markdown(pdf),
        "",
        f"### bench/bench_pdf.py (one run of each reader per file; camelot: {cam_ver or 'not available'})",
        "",
        pdf_table,
        "",
        bench_pdf_ratios(pdf_table),
        "",
        "\"grids\"/\"tables\" count what each tool found; the real PDFs have no cell truth, so their accuracy is "
        "measured on the generated fixture only (the second table).",
        "",
        "### docling and MinerU",
        "",
        peers_offline(),
        "",
    ]
    Path(args.out).write_text("\n".join(doc), encoding="utf-8")
    step(f"wrote {args.out}")
    return 0


def _share(det: detection.DetectionResult, kind: str) -> str:
    c, n = det.rate(lambda o: o.type == kind)
    return f"{c / n:.0%}" if n else "n/a"


if __name__ == "__main__":
    sys.exit(main())
