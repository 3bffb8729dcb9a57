"""An uploaded file → a temporary file with its suffix → parse + check (+ store).

The upload was already size-limited by ``limits``; it is copied in chunks (never read whole),
parsed under its own name (errors name the uploaded file, not the temporary copy), and removed.
A PDF that was stored is first kept under ``upload_dir`` (when set) by its content hash, for
the page crops beside its findings (``sources``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from fastapi import UploadFile

from cnbudget.checks import CheckReport
from cnbudget.errors import CnbudgetError
from cnbudget.model import Disclosure
from cnbudget.store import Entry, Library, file_hash
from cnbudget.web.sources import UPLOAD_PREFIX, kept_upload

__all__ = ["UPLOAD_PREFIX", "Read", "read_upload", "store_upload"]


@dataclass(frozen=True)
class Read:
    name: str
    disclosure: Disclosure
    report: CheckReport
    content_hash: str
    size: int


def _name(upload: UploadFile | None) -> str:
    if upload is None or not upload.filename:
        raise CnbudgetError("请选择要上传的公开文件 (no file uploaded)")
    return Path(upload.filename.replace("\\", "/")).name or "upload"


def read_upload(upload: UploadFile | None, isolate: bool = True, keep_pdf_in: Path | None = None) -> Read:
    """Parse and check an upload; ``CnbudgetError`` (named by the upload) for bad input.

    With ``isolate`` the parse runs in a child process (``batch.sandbox``) within the time and
    memory budget of ``Limits``: a hostile upload costs that child, never the server.  The
    temporary copy is removed on every path (success, bad input, budget exceeded, crash)."""
    from cnbudget.batch.sandbox import run
    from cnbudget.batch.work import parse_and_check

    name = _name(upload)
    suffix = Path(name).suffix[:10]
    fd, tmp = tempfile.mkstemp(prefix="cnbudget-upload-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            upload.file.seek(0)  # type: ignore[union-attr]
            shutil.copyfileobj(upload.file, out, 1 << 20)  # type: ignore[union-attr]
        size = os.path.getsize(tmp)
        if size == 0:
            raise CnbudgetError("文件为空 (empty file)", file=name)
        try:
            d, report = run(parse_and_check, tmp, name=name) if isolate else parse_and_check(tmp)
        except CnbudgetError as e:
            e.file = name  # the upload's name, not the temporary copy's
            raise
        d = replace(d, file=name)
        report = replace(report, file=name)
        digest = file_hash(tmp)
        if keep_pdf_in is not None and d.format == "pdf":
            keep_pdf_in.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tmp, kept_upload(keep_pdf_in, digest))
        return Read(name, d, report, digest, size)
    finally:
        os.unlink(tmp)


def store_upload(lib: Library, upload: UploadFile | None, isolate: bool = True,
                 upload_dir: Path | None = None) -> tuple[int, str]:
    """Parse, check and store an upload; (document id, "added" | "replaced" | "unchanged")."""
    from cnbudget.store.cross_year import link_years

    r = read_upload(upload, isolate, upload_dir)
    saved = lib.add(Entry(r.disclosure, r.report.findings, content_hash=r.content_hash,
                          file=UPLOAD_PREFIX + r.name, size=r.size))
    if saved.status != "unchanged":
        link_years(lib)
    return saved.document_id, saved.status
