"""The file a stored document was read from, for what needs the file itself (page crops).

The library stores what was read, not the file.  A document ingested from a path is found at
that path again; an uploaded PDF is kept under ``WebSettings.upload_dir`` by its content hash
(when that folder is set).  Either way the bytes are used only when their hash is still the
stored ``content_hash``: a file changed or replaced since is never shown as the document's page.
"""

from __future__ import annotations

from pathlib import Path

from cnbudget.store.schema import Document
from cnbudget.store.write import content_hash

UPLOAD_PREFIX = "上传:"  # the ``file`` of a document that came in by upload (``uploads``)


def kept_upload(upload_dir: Path, digest: str) -> Path:
    return upload_dir / f"{digest}.pdf"


def source_pdf(doc: Document, upload_dir: Path | None, max_bytes: int) -> bytes | None:
    """The PDF ``doc`` was read from, if it is still there unchanged; else ``None``."""
    if doc.format != "pdf":
        return None
    candidates = [] if doc.file.startswith(UPLOAD_PREFIX) else [Path(doc.file)]
    if upload_dir is not None:
        candidates.append(kept_upload(upload_dir, doc.content_hash))
    for path in candidates:
        try:
            if not path.is_file() or path.stat().st_size > max_bytes:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if content_hash(data) == doc.content_hash:
            return data
    return None
