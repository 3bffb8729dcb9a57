"""One call from an input file to a produced disclosure: ``produce(INPUT, last_year=FILE)``.

INPUT is the input workbook (``cnbudget template``) or the JSON of ``cnbudget parse``.
``last_year`` (any of those, or any disclosure file ``cnbudget parse`` reads) supplies last
year's figures for the narrative's changes; it overrides the workbook's 上年数 sheet.
The input is verified first (``consistency.ensure_consistent``): inconsistent input is refused.
"""

from __future__ import annotations

from pathlib import Path

from cnbudget.errors import CnbudgetError
from cnbudget.model import Disclosure
from cnbudget.produce.consistency import ensure_consistent
from cnbudget.produce.derive import derive_disclosure
from cnbudget.produce.document import Produced, assemble, build_produced
from cnbudget.produce.figures import previous_figures
from cnbudget.produce.inputs import Input, Previous
from cnbudget.produce.layout import DocumentLayout, layout_of


def load_disclosure(path: str | Path, layout: DocumentLayout | None = None) -> tuple[Disclosure, Input | None]:
    """Any input as a ``Disclosure`` (and its ``BudgetInput`` / ``FinalInput`` when it was a workbook)."""
    disclosure, inp, _layout = _load(path, layout)
    return disclosure, inp


def _load(path: str | Path, layout: DocumentLayout | None) -> tuple[Disclosure, Input | None, DocumentLayout]:
    """The input, its primary figures (a workbook) and the layout it is printed in: the one
    given, else the one its workbook names, else its document kind's."""
    p = Path(path)
    if not p.is_file():
        raise CnbudgetError("文件不存在 (file not found)", file=str(p))
    if p.suffix.lower() == ".json":
        from cnbudget.produce.load_json import load

        d = load(p)
        return d, None, layout or layout_of(d.meta.kind)
    if _is_workbook(p):
        from cnbudget.produce.workbook import read_workbook, workbook_layout

        named = workbook_layout(p, layout)
        if named is not None:  # our template, filled in
            inp = read_workbook(p, named)
            return derive_disclosure(inp, file=str(p), layout=named), inp, named
    from cnbudget.parse import parse_file  # a published disclosure (a workbook of its own too)

    d = parse_file(p)
    return d, None, layout or layout_of(d.meta.kind)


def _is_workbook(p: Path) -> bool:
    with p.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04" and p.suffix.lower() in (".xlsx", ".xlsm")


def previous_of(path: str | Path, family: str = "budget") -> Previous:
    """Last year's comparison figures, for a document of ``family``, from last year's
    disclosure (any readable input)."""
    disclosure, inp = load_disclosure(path)
    running = inp.facts.running_costs if inp is not None else None
    return previous_figures(disclosure, family, running_costs=running)


def produce(path: str | Path, last_year: str | Path | None = None,
            layout: DocumentLayout | None = None) -> Produced:
    """The complete disclosure produced from an input file; refuses inconsistent input.

    ``layout``: a layout file's ``DocumentLayout`` (``--layout``) when the input is not printed
    in the bundled layout of its kind."""
    disclosure, inp, layout = _load(path, layout)
    previous = previous_of(last_year, layout.family) if last_year is not None else None
    if inp is not None:
        return build_produced(inp, previous, file=str(path), layout=layout)
    ensure_consistent(disclosure, file=str(path))
    return assemble(disclosure, previous=previous, layout=layout)
