"""Compare the corpus on one scale: every department visible, one unit in chart and export.

    python bench/compare_corpus.py [--corpus ../shared/corpus] [--workers 2] [--unit 万元] [--db FILE]

Ingests the corpus into a temporary SQLite library (or ``--db``), then for each year present
(and each kind of document that year has) builds ``compare --year`` and checks:

* the chart's data (``web.views.chart_data``, what the web compare page draws) is in one unit,
  the comparison's;
* every department is *visible* on that scale: it has a value in the chart, and its largest bar
  is at least ``VISIBLE`` of the chart's largest (a smaller bar is under a pixel or two) — on
  a linear axis; where the chart's axis is logarithmic (sizes far apart), every positive bar is
  drawn (the axis starts below the smallest);
* the export's unit columns (XLSX 对比 and 明细 sheets, the CSV) hold that one unit.

For contrast it counts the departments that would be invisible if amounts were charted as
printed (元 beside 万元: the bug this guards).  Prints a markdown table; exit 1 when a check
fails.  Not a test (the corpus is large and not in ``make test``).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

VISIBLE = Decimal("0.002")  # of the chart's largest bar: ~1 px on a 500 px axis


def _visible(values: list[Decimal | None], scale: str = "linear") -> list[bool]:
    if scale == "log":
        return [v is not None and v > 0 for v in values]
    top = max((v for v in values if v is not None), default=None)
    if top is None or top <= 0:
        return [False for _ in values]
    return [v is not None and v >= top * VISIBLE for v in values]


def _per_column_max(series: list[list[float | None]], n: int) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for i in range(n):
        vals = [s[i] for s in series if s[i] is not None]
        out.append(Decimal(str(max(vals))) if vals else None)
    return out


def check_year(lib, year: int, kind: str, unit: str, workdir: Path) -> dict:
    from cnbudget.compare.build import year_side_by_side
    from cnbudget.compare.export import export
    from cnbudget.store.read import figures_of
    from cnbudget.web.views import chart_data

    c = year_side_by_side(lib, year, kind, unit=unit)
    chart = chart_data(c)
    n = len(c.columns)
    after = _per_column_max([s["data"] for s in chart["series"]], n)
    shown = _visible(after, chart.get("scale", "linear"))
    # the same bars as printed, without conversion (what a chart mixing units would draw)
    with lib.reading() as s:
        figs = figures_of(s, [col.document_id for col in c.columns])
    keys = [k for k in ("grand_total", "basic", "project")]
    raw = [max((figs[col.document_id][k][1] for k in keys if k in figs[col.document_id]), default=None)
           for col in c.columns]
    shown_raw = _visible(raw)

    xlsx = export(c, workdir / f"{year}-{kind}.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    wide = list(wb["对比"].iter_rows(min_row=2, values_only=True))
    wide_units = {r[2] for r in wide[1:] if r and r[0] and not str(r[0]).startswith("说明")}
    tidy = list(wb["明细"].iter_rows(values_only=True))
    unit_col = tidy[0].index("unit")
    tidy_units = {r[unit_col] for r in tidy[1:]}
    wb.close()
    with open(export(c, workdir / f"{year}-{kind}.csv"), encoding="utf-8-sig", newline="") as fh:
        csv_units = {r[2] for r in list(csv.reader(fh))[1:]}
    export_units = wide_units | tidy_units | csv_units

    printed = Counter(col.printed_unit or "未识别" for col in c.columns)
    missing = [col.label for col, v in zip(c.columns, after, strict=True) if v is None]
    hidden = [col.label for col, v, ok in zip(c.columns, after, shown, strict=True) if v is not None and not ok]
    ok = chart["unit"] == c.unit == unit and export_units == {unit} and not missing and not hidden
    return {"year": year, "kind": kind, "departments": n, "printed": printed, "missing": missing, "hidden": hidden,
            "hidden_raw": sum(1 for x in shown_raw if not x),
            "chart_unit": chart["unit"] + (" log" if chart.get("scale") == "log" else ""),
            "export_units": sorted(export_units), "notes": list(c.notes), "ok": ok}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--workers", "-j", type=int, default=2)
    ap.add_argument("--unit", default="万元", choices=["万元", "元"])
    ap.add_argument("--db", help="keep the library in this file (default: a temporary one)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2

    from sqlalchemy import select

    from cnbudget.batch.ingest import ingest
    from cnbudget.store import Library
    from cnbudget.store.schema import Document

    with tempfile.TemporaryDirectory(prefix="cnbudget-compare-") as tmp:
        work = Path(tmp)
        db = args.db or str(work / "library.db")
        started = time.perf_counter()
        with Library.open(db) as lib:
            summary = ingest([args.corpus], lib, workers=args.workers)
            seconds = time.perf_counter() - started
            with lib.reading() as s:
                pairs = sorted({(y, k) for y, k in s.execute(select(Document.year, Document.kind).where(
                    Document.year.is_not(None), Document.department.is_not(None), Document.kind.is_not(None)))})
            results = [check_year(lib, y, k, args.unit, work) for y, k in pairs]

    print(f"# compare --year over {args.corpus}\n")
    print(f"ingested {summary.files} files in {seconds:.0f} s: {summary.documents} documents stored "
          f"({summary.added} new), {len(summary.not_disclosures)} not disclosures, {len(summary.failures)} failed, "
          f"{len(summary.duplicates)} possible duplicates\n")
    print("| year | kind | departments | printed in 元 / 万元 / ? | no value | invisible | invisible as printed "
          "| chart unit | export units | ok |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        p = r["printed"]
        print(f"| {r['year']} | {r['kind']} | {r['departments']} | {p.get('元', 0)} / {p.get('万元', 0)} / "
              f"{p.get('未识别', 0)} | {len(r['missing'])} | {len(r['hidden'])} | {r['hidden_raw']} | "
              f"{r['chart_unit']} | {'、'.join(r['export_units'])} | {'yes' if r['ok'] else 'NO'} |")
    for r in results:
        for label in r["missing"]:
            print(f"- {r['year']} {r['kind']}: {label} has no value in the chart")
        for label in r["hidden"]:
            print(f"- {r['year']} {r['kind']}: {label} is below {VISIBLE:%} of the largest bar")
        for note in r["notes"]:
            print(f"- {r['year']} {r['kind']}: {note}")
    total = sum(r["departments"] for r in results)
    bad = sum(len(r["missing"]) + len(r["hidden"]) for r in results)
    print(f"\n{len(results)} comparisons, {total} department columns, {bad} not visible on one scale; "
          f"{sum(r['hidden_raw'] for r in results)} would be invisible charted as printed")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
