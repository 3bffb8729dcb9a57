"""The renderers of a produced disclosure, keyed by output format (``cnbudget render --to``)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from cnbudget.produce.document import Produced


class OutputFormat(StrEnum):
    html = "html"
    docx = "docx"
    xlsx = "xlsx"
    md = "md"
    txt = "txt"
    pdf = "pdf"


def _text_writer(fn: Callable[[Produced], str]) -> Callable[[Produced, Path], None]:
    def write(doc: Produced, path: Path) -> None:
        path.write_text(fn(doc), encoding="utf-8")

    return write


def _txt(doc: Produced, path: Path) -> None:
    from cnbudget.render.text import render_text

    _text_writer(render_text)(doc, path)


def _md(doc: Produced, path: Path) -> None:
    from cnbudget.render.markdown import render_markdown

    _text_writer(render_markdown)(doc, path)


def _html(doc: Produced, path: Path) -> None:
    from cnbudget.render.html import render_html

    _text_writer(render_html)(doc, path)


def _docx(doc: Produced, path: Path) -> None:
    from cnbudget.render.docx import render_docx

    render_docx(doc, path)


def _xlsx(doc: Produced, path: Path) -> None:
    from cnbudget.render.xlsx import render_xlsx

    render_xlsx(doc, path)


def _pdf(doc: Produced, path: Path) -> None:
    from cnbudget.render.pdf import render_pdf

    render_pdf(doc, path)


RENDERERS: dict[OutputFormat, Callable[[Produced, Path], None]] = {
    OutputFormat.txt: _txt,
    OutputFormat.md: _md,
    OutputFormat.html: _html,
    OutputFormat.docx: _docx,
    OutputFormat.xlsx: _xlsx,
    OutputFormat.pdf: _pdf,
}


def write(doc: Produced, fmt: OutputFormat | str, path: str | Path) -> Path:
    """Write ``doc`` in ``fmt`` to ``path``; returns the path."""
    p = Path(path)
    RENDERERS[OutputFormat(fmt)](doc, p)
    return p
