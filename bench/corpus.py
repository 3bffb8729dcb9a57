"""The corpus run: read and check every document of ``../shared/corpus/`` and say how well.

    .venv/bin/python bench/corpus.py [--workers 2] [--only c001,c002] [--out bench/CORPUS.md]

``make corpus`` runs it.  Each document is parsed and checked in a worker process; one JSON per
document goes to ``bench/out/corpus/`` (meta, tables with kind, title, pages, rows, column ids,
unit; the document's 目录 against what was recognised; in-table identities; findings; time)
and the aggregates to ``bench/CORPUS.md``.  It also scores the hand-written key
(``bench/corpus_key/``) and the audit of findings (``bench/corpus_audit.json``).

The corpus is read in place and never copied; this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import signal
import sys
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import SHARED, machine  # noqa: E402
from bench.corpus_score import (  # noqa: E402
    AUDIT_FILE,
    KEY_DIR,
    finding_key,
    score_audit,
    score_key,
    score_narrative_defects,
)

CORPUS = SHARED / "corpus"
OUT_DIR = ROOT / "bench" / "out" / "corpus"
DOC_TIMEOUT_S = 1200  # a scanned document OCRs at ~10 s a page
CHECK_REPEATS = 3  # timings of each document's check (the first, and the least disturbed)
IDENTITY_RULES = ("sum.rows", "sum.hierarchy", "sum.columns", "sum.group_totals", "summary.balance",
                  "summary.classes", "summary.income_items")


def documents(only: set[str] | None = None) -> list[Path]:
    files = sorted(CORPUS.glob("c*.pdf")) + sorted((CORPUS / "web_pages").glob("*.html"))
    return [f for f in files if only is None or f.stem in only]


def city_of() -> dict[str, str]:
    index = CORPUS / "INDEX.tsv"
    if not index.exists():
        return {}
    with index.open(encoding="utf-8") as fh:
        return {r["file"]: r["city_folder"] for r in csv.DictReader(fh, delimiter="\t")}


def _timeout(signum, frame):  # noqa: ARG001
    raise TimeoutError(f"more than {DOC_TIMEOUT_S} s")


def warm_worker() -> None:
    """Import the rule families and load the classification catalogs once per worker, before
    any document is timed: importing ~40 modules and reading the catalogs cost a third of a
    second of CPU, a cost of the process and not of the first document it happens to check."""
    from cnbudget.checks import all_rules
    from cnbudget.codes.catalog import preload

    all_rules()
    preload()


def read_one(path_str: str) -> dict:
    """Parse and check one document; never raises (the outcome is in the record)."""
    from cnbudget.checks import check_disclosure
    from cnbudget.errors import CnbudgetError
    from cnbudget.parse import parse_document
    from cnbudget.readers import read_document
    from cnbudget.tables.toc import listed_tables, printed_after_toc

    path = Path(path_str)
    rec: dict = {"file": path.name, "status": "ok"}
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(DOC_TIMEOUT_S)
    t0 = time.perf_counter()
    try:
        doc = read_document(path)
        t1 = time.perf_counter()
        d = parse_document(doc, path)
        # the collector's debt of the parse (the objects it made, which a full collection walks)
        # is the parse's: paid here, not inside whichever check its next collection falls in
        gc.collect()
        t2, c2 = time.perf_counter(), time.process_time()
        report = check_disclosure(d)
        t3, c3 = time.perf_counter(), time.process_time()
        # a check keeps nothing for the next one: checked twice more, the least disturbed of the
        # three is the check's own cost on a machine the other worker (and OCR threads) share
        least = c3 - c2
        for _ in range(CHECK_REPEATS - 1):
            c = time.process_time()
            check_disclosure(d)
            least = min(least, time.process_time() - c)
    except CnbudgetError as e:
        rec.update(status="refused", exit=2, message=str(e), seconds=round(time.perf_counter() - t0, 3))
        return rec
    except Exception as e:  # a traceback is a defect of ours: recorded, the run goes on
        rec.update(status="crash", exit=None, message=f"{type(e).__name__}: {e}",
                   traceback=traceback.format_exc(limit=8), seconds=round(time.perf_counter() - t0, 3))
        return rec
    finally:
        signal.alarm(0)
    rec["exit"] = 1 if report.has_errors else 0
    rec["pages"] = doc.pages
    rec["ocr_pages"] = sum(1 for n in doc.notes if "OCR" in n)
    rec["seconds"] = {"read": round(t1 - t0, 3), "parse": round(t2 - t1, 3), "check": round(t3 - t2, 3)}
    # the checking's own CPU time: on a shared machine the wall clock also counts other processes
    rec["check_cpu_seconds"] = round(c3 - c2, 4)
    rec["check_cpu_least_seconds"] = round(least, 4)
    m = d.meta
    rec["meta"] = {"department": m.department, "region": m.region, "year": m.year, "kind": m.kind,
                   "scope": m.scope, "unit": m.unit, "title": m.title}
    failing: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    for f in report.findings:
        if f.rule in IDENTITY_RULES and f.severity == "error" and f.table:
            failing[(f.table, f.source.page if f.source else None)].add(f.row or "")
    tables = []
    prev = None
    for t in d.tables:
        pages = [r.source.page for r in t.rows if r.source.page] or [t.source.page]
        first, last = t.source.page, max(p for p in pages if p is not None) if pages[0] else None
        data_rows = [r for r in t.rows if r.values]
        bad = {r for (k, p), rows in failing.items() if k == t.kind and p is not None and first and last
               and first <= p <= last for r in rows}
        split = bool(prev and prev["kind"] == t.kind and t.kind not in ("performance_targets", "performance_review", "other")
                     and prev["last_page"] is not None and first is not None and first - prev["last_page"] in (0, 1)
                     and (not t.title or t.title == prev["title"]))
        row = {"kind": t.kind, "title": t.title, "number": t.number, "unit": t.unit,
               "first_page": first, "last_page": last, "rows": len(t.rows), "data_rows": len(data_rows),
               "columns": t.column_ids(), "uncertain": list(t.uncertain),
               "failing_rows": len(bad), "split_suspect": split}
        tables.append(row)
        prev = row
    rec["tables"] = tables
    have = {t.kind for t in d.tables}
    rec["listed"] = [{"title": x.title, "kind": x.kind, "found": x.kind in have,
                      "printed": x.kind in have or printed_after_toc(doc, x)} for x in listed_tables(doc)]
    rec["findings"] = [
        {"rule": f.rule, "severity": f.severity, "table": f.table, "row": f.row, "column": f.column,
         "page": f.source.page if f.source else None, "message": f.message[:300],
         "key": finding_key(path.name, f)}
        for f in report.findings
    ]
    # stated amounts of the narrative tied to a quantity: a table's cell, or another stated figure
    # (the whole it is a part of, the amount a change is of)
    amounts = [c for c in d.claims if c.kind == "amount"]
    rec["claims"] = {"amounts": len(amounts), "to_cell": sum(1 for c in amounts if c.refers_to is not None),
                     "tied": sum(1 for c in amounts if c.refers_to is not None or c.related)}
    rec["coverage"] = report.coverage.to_json()
    rec["key_cells"] = _key_values(path.stem, d)
    return rec


def _key_values(stem: str, d) -> list[dict]:
    """What we read for each cell of the key (scored in the parent)."""
    from bench.corpus_score import lookup_cell

    key = KEY_DIR / f"{stem}.json"
    if not key.exists():
        return []
    k = json.loads(key.read_text(encoding="utf-8"))
    return [{"cell": c, "read": lookup_cell(d, c, k.get("year"))} for c in k.get("cells", [])]


def run(files: list[Path], workers: int) -> list[dict]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    cities = city_of()
    records: list[dict] = []
    # biggest first, so that one long document does not finish the run alone
    files = sorted(files, key=lambda f: -f.stat().st_size)
    with Progress(TextColumn("corpus"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}")) as progress:
        task = progress.add_task("", total=len(files))
        with ProcessPoolExecutor(max_workers=workers, initializer=warm_worker) as pool:
            futures = {pool.submit(read_one, str(f)): f for f in files}
            for fut in as_completed(futures):
                rec = fut.result()
                rec["city"] = cities.get(rec["file"], "web" if rec["file"].endswith(".html") else "?")
                (OUT_DIR / f"{Path(rec['file']).stem}.json").write_text(
                    json.dumps(rec, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
                records.append(rec)
                progress.update(task, advance=1, description=rec["file"])
    return sorted(records, key=lambda r: r["file"])


def main(argv: list[str] | None = None) -> int:
    from bench.corpus_report import write_report

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", help="comma-separated stems (c001,c002)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "CORPUS.md"))
    ap.add_argument("--rescore", action="store_true", help="score the last run's JSON again (no reading)")
    ap.add_argument("--from", dest="from_dir", default=str(OUT_DIR), help="with --rescore: the run's JSON folder")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (the corpus lives beside the project in ../shared)")
        return 0
    only = set(args.only.split(",")) if args.only else None
    wall = time.perf_counter()
    if args.rescore:
        records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.from_dir).glob("*.json"))]
        wall_s = None
    else:
        records = run(documents(only), args.workers)
        wall_s = time.perf_counter() - wall
    key = score_key(records)
    audit = score_audit(records, AUDIT_FILE)
    audit["narrative"] = score_narrative_defects(records, AUDIT_FILE)
    text = write_report(records, key, audit, wall_s=wall_s, workers=args.workers,
                        when=dt.date.today().isoformat(), machine=machine(), partial=only is not None)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text.split("\n## ")[1] if "\n## " in text else text)
    print(f"written: {args.out}, {OUT_DIR}/*.json")
    crashes = [r["file"] for r in records if r["status"] == "crash"]
    counts = Counter(r["status"] for r in records)
    print(dict(counts))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
