"""One file's work, as run in a worker process (or on a Dask worker): read → parse → check.

``process_file(path)`` reads the file from a shared file system; ``process_bytes(name, data)``
takes its content (a cluster whose workers do not see the files).  Both return an ``Outcome``
and never raise: a ``CnbudgetError`` (unreadable, not a disclosure) or any other failure is
the outcome's ``error``, so one bad file never stops a batch.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from cnbudget.errors import CnbudgetError, NotADisclosure
from cnbudget.model import Disclosure, Finding


@dataclass(frozen=True)
class Outcome:
    file: str
    content_hash: str
    size: int
    disclosure: Disclosure | None = None
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    seconds: float = 0.0
    not_disclosure: bool = False  # readable, but sniffing found no disclosure: skipped, not failed


def _check(d: Disclosure) -> tuple[Finding, ...]:
    from cnbudget.checks import check_disclosure

    return check_disclosure(d).findings


def _run(file: str, digest: str, size: int, parse_path: str | Path) -> Outcome:
    import time

    from cnbudget.parse import parse_file

    started = time.perf_counter()
    try:
        d = parse_file(parse_path)
        if str(parse_path) != file:
            d = replace(d, file=file)
        findings = _check(d)
    except CnbudgetError as e:  # named by the original file, not the temporary copy
        return Outcome(file, digest, size, error=str(CnbudgetError(e.reason, file=file, place=e.place)),
                       not_disclosure=isinstance(e, NotADisclosure))
    except Exception as e:  # noqa: BLE001 - a crash on one file must not stop the batch
        return Outcome(file, digest, size, error=f"{file}: 内部错误 (internal error: {type(e).__name__}: {e})")
    return Outcome(file, digest, size, d, findings, seconds=time.perf_counter() - started)


def process_file(path: str, content_hash: str | None = None) -> Outcome:
    """Parse and check the file at ``path`` (hashing it unless the hash is given)."""
    from cnbudget.store.write import file_hash

    try:
        size = os.path.getsize(path)
        digest = content_hash or file_hash(path)
    except OSError as e:
        return Outcome(path, content_hash or "", 0, error=f"{path}: 无法读取文件 (cannot read: {e.strerror})")
    return _run(path, digest, size, path)


def parse_and_check(path: str):
    """``(Disclosure, CheckReport)`` of one file; raises ``CnbudgetError`` (the web app's
    uploads run this in a ``sandbox`` child)."""
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file

    d = parse_file(path)
    return d, check_disclosure(d)


def process_bytes(name: str, data: bytes) -> Outcome:
    """Parse and check a file's content (written to a temporary file with the same suffix)."""
    from cnbudget.store.write import content_hash

    digest = content_hash(data)
    suffix = Path(name).suffix
    fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="cnbudget-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return _run(name, digest, len(data), tmp)
    finally:
        os.unlink(tmp)
