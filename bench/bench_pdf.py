"""Benchmark of the PDF reader (not a test): speed on the real PDFs, cell accuracy on the
generated fixture whose truth is known; beside pdfplumber's ``extract_tables`` and camelot.

    .venv/bin/python bench/bench_pdf.py [--camelot-python /path/to/python-with-camelot]

camelot is not a project dependency (it pulls pandas and a second OpenCV build); point
``--camelot-python`` at an interpreter that has ``camelot-py`` to include it.  Prints markdown.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
sys.path.insert(0, str(ROOT / "tests" / "readers"))

_CAMELOT = r"""
import json, sys, time, camelot
out = {}
for p in sys.argv[1:]:
    t = time.perf_counter()
    try:
        tables = camelot.read_pdf(p, pages="all", flavor="lattice")
        grids = [[[str(c) for c in row] for row in t.df.values.tolist()] for t in tables]
        err = None
    except Exception as e:
        grids, err = [], repr(e)[:80]
    out[p] = {"seconds": time.perf_counter() - t, "tables": len(grids), "grids": grids, "error": err}
print(json.dumps(out, ensure_ascii=False))
"""


def ours(path: Path) -> tuple[float, int, list[list[list[str]]]]:
    from cnbudget.document import Grid
    from cnbudget.readers import pdf

    t = time.perf_counter()
    doc = pdf.read(str(path), path.read_bytes())
    dt = time.perf_counter() - t
    grids = [[list(r) for r in b.rows] for b in doc.blocks if isinstance(b, Grid)]
    return dt, doc.pages or 0, grids


def plumber(path: Path) -> tuple[float, list[list[list[str]]]]:
    import pdfplumber

    t = time.perf_counter()
    grids = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for tb in page.extract_tables():
                grids.append([[(c or "").replace("\n", "") for c in row] for row in tb])
    return time.perf_counter() - t, grids


def camelot(python: str | None, paths: list[Path]) -> dict[str, dict] | None:
    if not python:
        return None
    res = subprocess.run([python, "-c", _CAMELOT, *map(str, paths)], capture_output=True, text=True)
    if res.returncode != 0:
        print(f"camelot failed: {res.stderr[-300:]}", file=sys.stderr)
        return None
    return json.loads(res.stdout)


def _norm(s: str) -> str:
    return "".join(s.split())


def accuracy(found: list[list[list[str]]], truth: list[list[list[str]]]) -> float:
    """Share of true cells found with the same text at the same place, best grid per truth."""
    hit = total = 0
    for want in truth:
        cells = sum(len(r) for r in want)
        total += cells
        best = 0
        for g in found:
            n = sum(1 for i, row in enumerate(want) for j, c in enumerate(row)
                    if i < len(g) and j < len(g[i]) and _norm(g[i][j]) == _norm(c))
            best = max(best, n)
        hit += best
    return hit / total if total else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--camelot-python", default=None)
    args = ap.parse_args()
    files = sorted(REAL.glob("real_*.pdf"))
    cam = camelot(args.camelot_python, files)
    print("| file | pages | ours s | ours pages/s | ours grids | pdfplumber s | pdfplumber tables |"
          " camelot s | camelot tables |")
    print("|---|---|---|---|---|---|---|---|---|")
    tot = [0.0, 0, 0.0, 0.0]
    for f in files:
        dt, pages, grids = ours(f)
        pt, pgrids = plumber(f)
        c = (cam or {}).get(str(f))
        cs = f"{c['seconds']:.2f}" if c else "n/a"
        cn = str(c["tables"]) if c else "n/a"
        tot[0] += dt
        tot[1] += pages
        tot[2] += pt
        tot[3] += c["seconds"] if c else 0.0
        print(f"| {f.name} | {pages} | {dt:.2f} | {pages / dt:.0f} | {len(grids)} | {pt:.2f} | {len(pgrids)} |"
              f" {cs} | {cn} |")
    print(f"| **all** | {tot[1]} | {tot[0]:.2f} | {tot[1] / tot[0]:.0f} | | {tot[2]:.2f} | |"
          f" {f'{tot[3]:.2f}' if cam else 'n/a'} | |")

    try:
        import test_pdf_fixture as fx
    except ImportError:
        print("\n(reportlab missing: no accuracy table)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        gen = fx.build(Path(tmp) / "fixture.pdf")
        truth = [fx.EXPECTED["p1"], fx.EXPECTED["p2"], fx.EXPECTED["summary"], fx.EXPECTED["summary"]]
        _, _, g_ours = ours(gen)
        _, g_pl = plumber(gen)
        cam_gen = camelot(args.camelot_python, [gen])
        print("\nCell accuracy on the generated fixture (4 tables, merged headers, wrapped name, "
              "/Rotate page):\n")
        print("| reader | exact cells |")
        print("|---|---|")
        print(f"| ours | {accuracy(g_ours, truth):.1%} |")
        print(f"| pdfplumber extract_tables | {accuracy(g_pl, truth):.1%} |")
        if cam_gen:
            print(f"| camelot lattice | {accuracy(cam_gen[str(gen)]['grids'], truth):.1%} |")
        else:
            print("| camelot lattice | n/a (not installed; --camelot-python) |")
        try:
            import test_pdf_aligned as al
        except ImportError:
            al = None
        if al is not None:  # tables printed as aligned text: no ruling lines, a 三线表, two levels
            cases = [("plain", al.EXPECTED1), ("three_line", al.EXPECTED1), ("two_level", al.EXPECTED2)]
            found_ours: list[list[list[str]]] = []
            found_pl: list[list[list[str]]] = []
            for variant, _want in cases:
                p = al.build(Path(tmp) / f"aligned_{variant}.pdf", variant)
                found_ours += ours(p)[2]
                found_pl += plumber(p)[1]
            want = [w for _v, w in cases]
            print(f"| ours, 3 tables without ruling lines (aligned text) | {accuracy(found_ours, want):.1%} |")
            print(f"| pdfplumber extract_tables, the same | {accuracy(found_pl, want):.1%} |")
        scan = fx.build_scanned(gen, Path(tmp) / "scan.pdf")
        t = time.perf_counter()
        _, _, g_scan = ours(scan)
        dt = time.perf_counter() - t
        digits = [["".join(ch for ch in c if ch.isdigit()) for c in r] for r in fx.EXPECTED["p1"]]
        got = [[["".join(ch for ch in c if ch.isdigit()) for c in r] for r in g] for g in g_scan]
        print(f"| ours, scanned page 1 (OCR, digits only, {dt:.1f} s) | {accuracy(got, [digits]):.1%} |")


if __name__ == "__main__":
    main()
