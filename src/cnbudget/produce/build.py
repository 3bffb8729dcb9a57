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
from cnbudget.produce.document import Produced, assemble
from cnbudget.produce.figures import key_figures, previous_from
from cnbudget.produce.inputs import BudgetInput, Facts, PreviousYear


def build_produced(inp: BudgetInput, previous: PreviousYear | None = None, file: str = "") -> Produced:
    """A budget input's whole disclosure (derived tables, generated narrative)."""
    disclosure = derive_disclosure(inp, file=file)
    ensure_consistent(disclosure, file=file or None)
    return assemble(disclosure, facts=inp.facts, previous=previous or inp.previous)


def _is_workbook(p: Path) -> bool:
    with p.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04" and p.suffix.lower() in (".xlsx", ".xlsm")


def load_disclosure(path: str | Path) -> tuple[Disclosure, BudgetInput | None]:
    """Any input as a ``Disclosure`` (and its ``BudgetInput`` when it was a workbook)."""
    p = Path(path)
    if not p.is_file():
        raise CnbudgetError("文件不存在 (file not found)", file=str(p))
    if p.suffix.lower() == ".json":
        from cnbudget.produce.load_json import load

        return load(p), None
    if _is_workbook(p):
        from cnbudget.produce.final_workbook import workbook_kind

        if workbook_kind(p) == "final":
            from cnbudget.produce.final_derive import derive_final_disclosure
            from cnbudget.produce.final_workbook import read_final_workbook

            final = read_final_workbook(p)
            return derive_final_disclosure(final, file=str(p)), final  # type: ignore[return-value]
        from cnbudget.produce.workbook import BadWorkbook, read_workbook

        try:
            inp = read_workbook(p)
        except BadWorkbook:
            if _looks_like_template(p):
                raise
            from cnbudget.parse import parse_file  # a published disclosure as xlsx

            return parse_file(p), None
        return derive_disclosure(inp, file=str(p)), inp
    from cnbudget.parse import parse_file

    return parse_file(p), None


def _looks_like_template(p: Path) -> bool:
    from openpyxl import load_workbook

    from cnbudget.produce.workbook import SHEET_INFO

    try:
        return SHEET_INFO in load_workbook(str(p), read_only=True).sheetnames
    except Exception:  # noqa: BLE001
        return False


def previous_of(path: str | Path) -> PreviousYear:
    """Last year's comparison figures from last year's disclosure (any readable input)."""
    disclosure, inp = load_disclosure(path)
    running = inp.facts.running_costs if inp is not None else None
    return previous_from(key_figures(disclosure), running_costs=running)


def final_previous_of(path: str | Path):
    """Last year's final-account comparison figures from last year's disclosure (any readable input)."""
    from cnbudget.produce.final_figures import final_figures, final_previous_from

    disclosure, inp = load_disclosure(path)
    running = getattr(getattr(inp, "facts", None), "running_costs", None)
    return final_previous_from(final_figures(disclosure), running_costs=running)


def _produce_final(path: str | Path, disclosure: Disclosure, inp, last_year: str | Path | None) -> Produced:
    from cnbudget.produce.final_document import assemble_final, build_final_produced

    previous = final_previous_of(last_year) if last_year is not None else None
    if inp is not None:
        return build_final_produced(inp, previous, file=str(path))
    ensure_consistent(disclosure, file=str(path))
    return assemble_final(disclosure, previous=previous)


def produce(path: str | Path, last_year: str | Path | None = None) -> Produced:
    """The complete disclosure produced from an input file; refuses inconsistent input."""
    disclosure, inp = load_disclosure(path)
    if disclosure.meta.kind == "final":
        return _produce_final(path, disclosure, inp, last_year)
    previous = previous_of(last_year) if last_year is not None else None
    if inp is not None:
        return build_produced(inp, previous, file=str(path))
    ensure_consistent(disclosure, file=str(path))
    return assemble(disclosure, facts=Facts(), previous=previous or PreviousYear())
