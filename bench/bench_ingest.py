"""Benchmark: batch ingest into SQLite — local process pool vs a Dask LocalCluster.

    python bench/bench_ingest.py [--documents 1000] [--workers N]

Generates N fictional disclosures with varied figures (``tests/batch/corpus.py``, from the
bundled example: departments × 2023–2025) as text files in a temporary folder, ingests them
into a fresh SQLite library (parse + check in workers, writes in the parent, cross-year checks
at the end) and prints a markdown table of documents per second.  Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(label: str, folder: Path, db: Path, **kw) -> dict:
    from cnbudget.batch.ingest import ingest
    from cnbudget.store import Library

    with Library.open(str(db)) as lib:
        started = time.perf_counter()
        summary = ingest([folder], lib, **kw)
        seconds = time.perf_counter() - started
    assert not summary.failures, summary.failures[:3]
    return {"label": label, "documents": summary.documents, "seconds": seconds, "linked": summary.linked,
            "tables": summary.tables}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", "-n", type=int, default=1000)
    ap.add_argument("--workers", "-j", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    from tests.batch.corpus import write_corpus

    with tempfile.TemporaryDirectory(prefix="cnbudget-bench-") as tmp:
        tmpdir = Path(tmp)
        t0 = time.perf_counter()
        write_corpus(tmpdir / "docs", args.documents)
        generated = time.perf_counter() - t0
        rows = [
            run(f"进程池 ProcessPoolExecutor ×{args.workers}", tmpdir / "docs", tmpdir / "pool.db", workers=args.workers),
            run("单进程 (workers=1)", tmpdir / "docs", tmpdir / "single.db", workers=1),
        ]
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            rows.append(run(f"Dask LocalCluster ({args.workers} 进程)", tmpdir / "docs", tmpdir / "dask.db",
                            dask=client))
        rerun = run("再次运行（全部跳过）", tmpdir / "docs", tmpdir / "pool.db", workers=args.workers)

    print(f"\n{args.documents} documents generated in {generated:.1f} s; machine: {os.cpu_count()} cores\n")
    print("| run | documents | tables | cross-year pairs | seconds | documents/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in [*rows, rerun]:
        rate = r["documents"] / r["seconds"] if r["documents"] else 0
        print(f"| {r['label']} | {r['documents']} | {r['tables']} | {r['linked']} | {r['seconds']:.1f} | {rate:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
