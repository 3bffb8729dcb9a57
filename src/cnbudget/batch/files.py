"""The files to ingest: each path as given, folders walked recursively in name order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from cnbudget.errors import CnbudgetError

# The suffixes the readers take (sniffing decides the format; these only pick files in folders).
SUFFIXES = frozenset({".txt", ".md", ".pdf", ".xlsx", ".xlsm", ".xls", ".docx", ".html", ".htm"})


def collect(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named directly are always taken; inside folders only the ``SUFFIXES`` (no hidden files).

    Raises ``CnbudgetError`` for a path that does not exist.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.is_file():
            found = [p]
        else:
            raise CnbudgetError("文件或文件夹不存在 (no such file or folder)", file=str(p))
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
