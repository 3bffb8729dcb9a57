"""Many files into the library: a local process pool, or a Dask cluster.

Modules:
    files   — the files under the given paths (folders walked, disclosure suffixes only)
    work    — what a worker does for one file: read, parse, check → ``Outcome`` (never raises)
    sandbox — one file's work in a child process with a wall-clock and memory budget, dying
              with its parent (batch ingest and the web app's uploads)
    ingest  — ``ingest(paths, library, …)``: skip known content, run the work, write in the
              parent one document per transaction, link the years; ``IngestSummary``
    cluster — the same work on a Dask cluster (``--dask ADDRESS``)
    check   — ``check_paths(paths, against, …)``: ``cnbudget check`` over files and folders → ``FindingsReport``

Workers parse and check; only the parent writes, so SQLite sees one writer.  Every document is
committed on its own, so an interrupted run resumes where it stopped (content already in the
library at the same parser version is skipped).
"""

from __future__ import annotations
