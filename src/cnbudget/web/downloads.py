"""Files to hand on, from the web app: a document's findings sheet (XLSX / CSV, the same writer
as ``cnbudget check --format xlsx|csv``), a comparison (XLSX, as ``cnbudget compare -o``), and
the page crop beside a finding (PNG).

    GET /documents/{id}/findings.xlsx   the findings sheet (frozen header, filters, widths)
    GET /documents/{id}/findings.csv    the same rows as CSV (UTF-8 with BOM, for Excel)
    GET /documents/{id}/findings/{n}/crop.png   finding n's page with its cell boxed (PDFs)
    GET /compare.xlsx?department=… | ?year=…   the comparison the 对比 page shows (``&unit=元``)
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from cnbudget.checks.labels import FindingRow, finding_row
from cnbudget.errors import CnbudgetError
from cnbudget.store.read import findings_of, load_disclosure
from cnbudget.store.schema import Document
from cnbudget.web.params import DocumentId, FindingIndex, year_of
from cnbudget.web.sources import source_pdf

router = APIRouter(include_in_schema=False)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    # RFC 6266: an ASCII fallback name, and the Chinese one as filename*
    ascii_name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in name)
    return Response(data, media_type=media_type, headers={
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"})


def document_or_404(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise HTTPException(404, f"资料库中没有编号为 {document_id} 的文件 (no such document)")
    return doc


def finding_rows(session: Session, doc: Document) -> list[FindingRow]:
    """The document's stored findings as rows of the findings sheet (printed labels, pages)."""
    d = load_disclosure(session, doc.id)
    rows = []
    for f, against in findings_of(session, doc.id):
        row = finding_row(f, d, doc.file_name, d.meta, doc.format)
        if against is not None:
            row = replace(row, message=f"{row.message}（与上年文件 #{against} 对比）")
        rows.append(row)
    return rows


def _sheet_name(doc: Document, suffix: str) -> str:
    who = " ".join(str(x) for x in (doc.department, doc.year and f"{doc.year}年") if x) or Path(doc.file_name).stem
    return f"{who} 核验发现.{suffix}"


def _xlsx_bytes(write) -> bytes:
    """What ``write(path)`` writes to a temporary .xlsx file (openpyxl writes to a path)."""
    fd, tmp = tempfile.mkstemp(prefix="cnbudget-", suffix=".xlsx")
    os.close(fd)
    try:
        write(Path(tmp))
        return Path(tmp).read_bytes()
    finally:
        os.unlink(tmp)


@router.get("/documents/{document_id}/findings.xlsx")
def findings_xlsx(request: Request, document_id: DocumentId):
    from cnbudget.render.findings_sheet import write_findings

    with request.app.state.library.reading() as s:
        doc = document_or_404(s, document_id)
        rows, name = finding_rows(s, doc), _sheet_name(doc, "xlsx")
    return _attachment(_xlsx_bytes(lambda p: write_findings(rows, p, "xlsx")), name, XLSX)


@router.get("/documents/{document_id}/findings.csv")
def findings_csv(request: Request, document_id: DocumentId):
    from cnbudget.render.findings_sheet import write_csv

    with request.app.state.library.reading() as s:
        doc = document_or_404(s, document_id)
        rows, name = finding_rows(s, doc), _sheet_name(doc, "csv")
    text = io.StringIO()
    write_csv(rows, text)
    return _attachment(("\ufeff" + text.getvalue()).encode("utf-8"), name, "text/csv; charset=utf-8")


@router.get("/documents/{document_id}/findings/{index}/crop.png")
def finding_crop(request: Request, document_id: DocumentId, index: FindingIndex):
    from cnbudget.render.page_crop import PageCropper, crop_target

    settings = request.app.state.settings
    with request.app.state.library.reading() as s:
        doc = document_or_404(s, document_id)
        found = findings_of(s, document_id)
        if index >= len(found):
            raise HTTPException(404, f"文件 #{document_id} 没有第 {index + 1} 项发现 (no such finding)")
        target = crop_target(load_disclosure(s, document_id), found[index][0])
        data = source_pdf(doc, settings.upload_dir, settings.max_upload_bytes) if target else None
    if target is None or data is None:
        raise HTTPException(404, "该项发现没有可显示的页面（不是 PDF，或原文件已不在）(no page to show)")
    try:
        with PageCropper(data, doc.file_name) as cropper:
            png = cropper.png(target)
    except CnbudgetError as e:
        raise HTTPException(404, e.reason) from e
    if png is None:
        raise HTTPException(404, "该页不在文件中 (page not in the file)")
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/compare.xlsx")
def compare_xlsx(request: Request, department: str | None = None, year: str | None = None,
                 kind: str | None = None, region: str | None = None, unit: str | None = None):
    from cnbudget.compare.build import department_series, year_side_by_side
    from cnbudget.compare.export import to_xlsx
    from cnbudget.units import choose_unit

    lib = request.app.state.library
    chosen_year = year_of(year)
    if not department and chosen_year is None:
        raise HTTPException(422, "请指定部门或年度 (give department or year)")
    try:
        chosen_unit = choose_unit(unit, "unit")
    except CnbudgetError as e:
        raise HTTPException(422, e.reason) from e
    try:
        if department:
            comparison = department_series(lib, department, kind or None, chosen_unit)
        else:
            comparison = year_side_by_side(lib, chosen_year, kind or None, region or None,  # type: ignore[arg-type]
                                           chosen_unit)
    except CnbudgetError as e:
        raise HTTPException(404, e.reason) from e
    name = f"{comparison.title}.xlsx".replace("/", "-")
    return _attachment(_xlsx_bytes(lambda p: to_xlsx(comparison, p)), name, XLSX)
