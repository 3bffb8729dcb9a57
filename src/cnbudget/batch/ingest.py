"""``ingest(paths, library)``: files and folders into the library, in parallel, resumable.

1. collect the files; hash each one; skip content already stored by this parser version
   (that makes a re-run after an interruption resume where it stopped);
2. parse + check in worker processes (one per file, with a time and memory budget:
   ``sandbox``) or on a Dask cluster;
3. write each result in the parent, one document per transaction;
4. check each new document against last year's document of its series (``store.cross_year``).

A file that cannot be read is listed in the summary's ``failures`` and the others go on; a
readable file that holds no disclosure (a notice, a form) is listed in ``not_disclosures`` and
is no failure.  Documents of this run that share department, year, kind and scope with another
stored document are listed as ``duplicates`` (possible duplicates, for a person to look at).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnbudget.batch.files import collect
from cnbudget.batch.work import Outcome, process_file
from cnbudget.model import Disclosure
from cnbudget.store import Entry, Library, file_hash, parser_version


@dataclass
class IngestSummary:
    """What a run did.  ``skipped``: already in the library (same content, same parser)."""

    files: int = 0
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    tables: int = 0
    findings: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    not_disclosures: list[tuple[str, str]] = field(default_factory=list)  # skipped: no disclosure in it
    duplicates: list[Any] = field(default_factory=list)  # store.duplicates.Duplicate
    document_ids: list[int] = field(default_factory=list)
    linked: int = 0
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.added + self.replaced

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "documents": self.documents,
            "added": self.added,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "tables": self.tables,
            "findings": {s: self.findings.get(s, 0) for s in ("error", "warning", "info")},
            "failures": [{"file": f, "error": e} for f, e in self.failures],
            "not_disclosures": [{"file": f, "reason": r} for f, r in self.not_disclosures],
            "possible_duplicates": [{"file": d.file, "document_id": d.document_id, "other_file": d.other_file,
                                     "other_id": d.other_id, "series": d.series} for d in self.duplicates],
            "cross_year_checked": self.linked,
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
        }


class Progress:
    """Callbacks of a run (the CLI draws a progress bar with them); the default does nothing."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, outcome: Outcome, status: str) -> None: ...

    def phase(self, text: str) -> None: ...


def _local(tasks: list[tuple[Path, str]], workers: int, isolate: bool = True) -> Iterator[Outcome]:
    """Outcomes of ``process_file``, each file in its own child process (``sandbox``) with the
    time and memory budget of ``Limits``, at most ``workers`` at a time.  A file that crashes
    its worker, runs out of time or memory fails alone; the others go on.

    ``isolate=False`` runs everything in this process (for tests that patch the parser).
    """
    if not isolate:
        for path, digest in tasks:
            yield process_file(str(path), digest)
        return
    from cnbudget.batch.sandbox import run_many

    digests = {str(path): digest for path, digest in tasks}
    # process_file is looked up now, so a patched one (tests) is what the children run
    items = ((str(path), (str(path), digest)) for path, digest in tasks)
    for name, outcome, error in run_many(process_file, items, workers):
        if error is not None:
            yield Outcome(name, digests[name], 0, error=str(error))
        else:
            yield outcome


def plan(files: Iterable[Path], known: dict[str, str], version: str,
         summary: IngestSummary) -> list[tuple[Path, str]]:
    """The files still to read (content not stored by ``version``; each content once)."""
    tasks: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for f in files:
        try:
            digest = file_hash(f)
        except OSError as e:
            summary.failures.append((str(f), f"{f}: 无法读取文件 (cannot read: {e.strerror})"))
            continue
        if known.get(digest) == version or digest in seen:
            summary.skipped += 1
            continue
        seen.add(digest)
        tasks.append((f, digest))
    return tasks


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    library: Library,
    *,
    workers: int | None = None,
    dask: Any = None,
    progress: Progress | None = None,
    link_years: bool = True,
    on_outcome: Callable[[Outcome], None] | None = None,
    isolate: bool = True,
) -> IngestSummary:
    """Ingest the files under ``paths`` into ``library`` (see the module docstring).

    ``workers``: local processes (default: the CPU count), each file in its own child process
    with the time and memory budget of ``Limits`` (``isolate=False``: all in this process).  ``dask``: a
    scheduler address, ``distributed.Client`` or cluster — the work runs there instead.
    A ``KeyboardInterrupt`` stops the run with ``summary.interrupted`` set; what was written
    stays written.
    """
    started = time.perf_counter()
    progress = progress or Progress()
    summary = IngestSummary()
    files = collect(paths)
    summary.files = len(files)
    version = parser_version()
    tasks = plan(files, library.known(), version, summary)
    progress.start(len(tasks), summary.skipped)
    if dask is not None:
        from cnbudget.batch.cluster import run_on_dask

        outcomes = run_on_dask(dask, tasks)
    else:
        outcomes = _local(tasks, workers or os.cpu_count() or 1, isolate)
    recent = _Recent() if link_years else None
    try:
        for outcome in outcomes:
            if on_outcome is not None:
                on_outcome(outcome)
            status = _write(library, outcome, version, summary)
            if recent is not None and status in ("added", "replaced"):
                summary.linked += recent.link(library, summary.document_ids[-1], outcome.disclosure)
            progress.advance(outcome, status)
        if link_years and summary.document_ids:
            from cnbudget.store.cross_year import link_years as link

            progress.phase("跨年度核验 (checking against last year)")
            summary.linked += link(library)
            from cnbudget.store.duplicates import possible_duplicates
            from cnbudget.store.read import severity_totals

            with library.reading() as s:
                summary.findings = Counter(severity_totals(s, summary.document_ids))
                summary.duplicates = possible_duplicates(s, summary.document_ids)
    except KeyboardInterrupt:
        summary.interrupted = True
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
    summary.seconds = time.perf_counter() - started
    return summary


RECENT_WINDOW = 256  # documents kept in memory for the cross-year checks during a run


class _Recent:
    """The last documents written, by series and year, so that a document is checked against
    last year's (and next year's against it) as soon as both are written, without reading
    them back; what is not in this window is done by ``link_years`` at the end."""

    def __init__(self, size: int = RECENT_WINDOW) -> None:
        from collections import OrderedDict

        self.size = size
        self.items: OrderedDict[tuple, tuple[int, Disclosure]] = OrderedDict()

    def link(self, library: Library, document_id: int, d: Disclosure | None) -> int:
        from cnbudget.store.cross_year import link_pair

        if d is None or not d.meta.department or d.meta.year is None:
            return 0
        m = d.meta
        n = 0
        before = self.items.get((m.department, m.kind, m.year - 1))
        if before is not None:
            n += link_pair(library, document_id, before[0], d, before[1])
        after = self.items.get((m.department, m.kind, m.year + 1))
        if after is not None:
            n += link_pair(library, after[0], document_id, after[1], d)
        key = (m.department, m.kind, m.year)
        self.items[key] = (document_id, d)
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)
        return n


def _write(library: Library, outcome: Outcome, version: str, summary: IngestSummary) -> str:
    if outcome.not_disclosure:
        summary.not_disclosures.append((outcome.file, outcome.error or "?"))
        return "not_disclosure"
    if outcome.error is not None or outcome.disclosure is None:
        summary.failures.append((outcome.file, outcome.error or "?"))
        return "failed"
    saved = library.add(Entry(outcome.disclosure, outcome.findings, content_hash=outcome.content_hash,
                              file=outcome.file, size=outcome.size, parser_version=version))
    if saved.status == "unchanged":
        summary.skipped += 1
        return saved.status
    if saved.status == "added":
        summary.added += 1
    else:
        summary.replaced += 1
    summary.document_ids.append(saved.document_id)
    summary.tables += saved.tables
    summary.findings.update({k: v for k, v in saved.findings.items() if v})
    return saved.status
