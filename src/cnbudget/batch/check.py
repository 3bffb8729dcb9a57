"""``check_paths(paths)``: check files and folders and report on the batch (``cnbudget check``).

Folders are walked recursively (``batch.files``: the readers' suffixes, no hidden files).  A
file found inside a folder that is readable but not a disclosure (a notice, a form, a link
page) is *skipped* and listed; a file named directly that is not a disclosure, or any file that
cannot be read, is *failed* (one line each) and the others go on.

``against``: last year's file.  It must be the same department, the year before and the same
kind and scope of document (``checks.against``; ``links``: departments renamed between years,
the library's ``cnbudget link`` pairs, count as the same); otherwise ``CnbudgetError`` (exit 2),
unless ``force`` — then every report says what did not match.

``crops``: each PDF's findings get a crop of their page with the cell boxed
(``render.page_crop``), for the HTML report.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from cnbudget.batch.files import collect
from cnbudget.checks import check_disclosure
from cnbudget.checks.against import mismatch
from cnbudget.checks.report import FindingsReport, document_findings
from cnbudget.checks.selection import Selection
from cnbudget.errors import CnbudgetError, NotADisclosure
from cnbudget.model import Disclosure
from cnbudget.parse import parse_file


def collect_marked(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, bool]]:
    """Each file with whether it was found inside a folder (True) or named directly (False)."""
    out: list[tuple[Path, bool]] = []
    seen: set[Path] = set()
    for raw in paths:
        in_folder = Path(raw).is_dir()
        for f in collect([raw]):
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append((f, in_folder))
    return out


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    against: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
    selection: Selection | None = None,
    links: Iterable[tuple[str, str]] = (),
    crops: bool = False,
) -> FindingsReport:
    """Parse and check every disclosure under ``paths``; ``CnbudgetError`` for a bad ``against``."""
    started = time.perf_counter()
    selection = selection or Selection()
    files = collect_marked(paths)
    last = parse_file(against) if against is not None else None
    parsed: list[Disclosure] = []
    skipped: list[tuple[str, str]] = []
    failed: list[tuple[str, str]] = []
    for path, in_folder in files:
        try:
            parsed.append(parse_file(path))
        except NotADisclosure as e:
            (skipped if in_folder else failed).append((str(path), str(e) if not in_folder else e.reason))
        except CnbudgetError as e:
            failed.append((str(path), str(e)))
    notes: dict[int, str] = {}
    if last is not None:
        for i, d in enumerate(parsed):
            why = mismatch(d.meta, last.meta, links)
            if why is None:
                continue
            if not force:
                raise CnbudgetError(f"不能用 {against} 核验所述增减：{why}（确需对比请加 --force）",
                                    file=d.file, place="--against")
            notes[i] = f"已按 --force 对比 {against}，尽管{why}"
    documents = tuple(
        document_findings(d, check_disclosure(d, against=last), selection, notes.get(i))
        for i, d in enumerate(parsed)
    )
    if crops:
        from cnbudget.render.page_crop import finding_crops

        documents = tuple(replace(doc, crops=tuple(finding_crops(d, doc.report.findings)))
                          if d.format == "pdf" else doc for doc, d in zip(documents, parsed, strict=True))
    return FindingsReport(documents, tuple(skipped), tuple(failed), selection, time.perf_counter() - started)
