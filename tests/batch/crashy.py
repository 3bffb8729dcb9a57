"""A worker function that kills its process on one file (a native crash stands in)."""

from __future__ import annotations

import os

from cnbudget.batch.work import process_file as real


def process_file(path: str, content_hash: str | None = None):
    if "crash" in os.path.basename(path):
        os._exit(9)
    return real(path, content_hash)
