"""The HTML pages (Chinese): 资料库 (browse + upload), 文件 (tables with findings), 对比 (charts)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse

from cnbudget.errors import CnbudgetError
from cnbudget.store.read import Filters, document_json, facets, findings_of, list_documents, load_disclosure
from cnbudget.store.schema import Document
from cnbudget.web.params import DocumentId, Page, year_of
from cnbudget.web.responses import TEMPLATES
from cnbudget.web.security import script_json
from cnbudget.web.views import KIND_LABEL, SCOPE_LABEL, SEVERITY_LABEL, chart_data, table_views

router = APIRouter(include_in_schema=False)


def _lib(request: Request):
    return request.app.state.library




@router.get("/")
def library_page(request: Request, region: str | None = None, year: str | None = None, kind: str | None = None,
                 department: str | None = None, severity: str | None = None, page: Page = 1):
    lib = _lib(request)
    filters = Filters(region=region or None, year=year_of(year), kind=kind or None, department=department or None,
                      severity=severity or None, limit=100, offset=(page - 1) * 100)
    with lib.reading() as s:
        docs, total = list_documents(s, filters)
        options = facets(s)
    args = {k: v for k, v in dict(region=region, year=year, kind=kind, department=department,
                                   severity=severity).items() if v}
    return TEMPLATES.TemplateResponse(request, "library.html", {
        "docs": docs, "total": total, "filters": filters, "options": options, "page": page,
        "pages": max(1, (total + 99) // 100), "query": urlencode(args), "kinds": KIND_LABEL,
        "scopes": SCOPE_LABEL, "severities": SEVERITY_LABEL,
        "max_mb": request.app.state.settings.max_upload_bytes // (1024 * 1024),
    })


@router.post("/upload")
def upload(request: Request, file: UploadFile | None = File(None)):
    from cnbudget.web.uploads import store_upload

    settings = request.app.state.settings
    document_id, status = store_upload(_lib(request), file, settings.isolate, settings.upload_dir)
    return RedirectResponse(f"/documents/{document_id}?status={status}", status_code=303)


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: DocumentId, status: str | None = None):
    from cnbudget.render.page_crop import DEFAULT as CROPS
    from cnbudget.render.page_crop import crop_target
    from cnbudget.store.cross_year import neighbour
    from cnbudget.store.duplicates import possible_duplicates
    from cnbudget.web.sources import source_pdf

    lib = _lib(request)
    settings = request.app.state.settings
    with lib.reading() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise HTTPException(404, f"资料库中没有编号为 {document_id} 的文件 (no such document)")
        d = load_disclosure(s, document_id)
        found = findings_of(s, document_id)
        info = document_json(doc)
        against = {a for _, a in found if a is not None}
        against_docs = {a: s.get(Document, a) for a in against}
        cross_year = _cross_year_status(doc, s.get(Document, doc.checked_against) if doc.checked_against else None,
                                        neighbour(s, doc, -1), sum(1 for _, a in found if a is not None))
        duplicates = [(dup.other_id, dup.other_file) for dup in possible_duplicates(s, [document_id])]
        has_pdf = source_pdf(doc, settings.upload_dir, settings.max_upload_bytes) is not None
    tables, findings = table_views(d, found)
    if has_pdf:
        for fv in findings:
            if fv.finding.severity in CROPS.severities and crop_target(d, fv.finding) is not None:
                fv.crop_url = f"/documents/{document_id}/findings/{fv.index}/crop.png"
    no_crops = d.format == "pdf" and not has_pdf
    return TEMPLATES.TemplateResponse(request, "document.html", {
        "doc": info, "tables": tables, "findings": findings, "status": status, "kinds": KIND_LABEL,
        "scopes": SCOPE_LABEL, "against": against_docs, "claims": len(d.claims),
        "compare_url": f"/compare?department={quote(info['meta']['department'])}" if info["meta"]["department"] else None,
        "cross_year": cross_year, "duplicates": duplicates, "no_crops": no_crops,
    })


def _cross_year_status(doc: Document, checked: Document | None, previous: Document | None, found: int) -> str:
    """What the cross-year check did for ``doc``, in one line."""
    if checked is not None:
        return (f"已与上年文件核验（{checked.year}年 #{checked.id}）："
                + (f"跨年发现 {found} 项" if found else "说明中的增减与上年数一致"))
    if previous is not None:
        return f"有上年文件（{previous.year}年 #{previous.id}），尚未核验"
    if doc.department is None or doc.year is None:
        return "未识别部门或年度，未作跨年核验"
    return "无上年文件，未核验"


@router.get("/compare")
def compare_page(request: Request, department: str | None = None, year: str | None = None, kind: str | None = None,
                 region: str | None = None, unit: str | None = None):
    from cnbudget.compare.build import department_series, year_side_by_side
    from cnbudget.units import CHOICES, choose_unit

    lib = _lib(request)
    with lib.reading() as s:
        options = facets(s)
    options["unit"] = list(CHOICES)
    comparison, error, status = None, None, 404
    try:
        try:
            chosen = choose_unit(unit, "unit")
        except CnbudgetError:
            status = 422  # a bad request, not a comparison the library lacks
            raise
        if department:
            comparison = department_series(lib, department, kind or None, chosen)
        elif year_of(year) is not None:
            comparison = year_side_by_side(lib, year_of(year), kind or None, region or None, chosen)  # type: ignore[arg-type]
    except CnbudgetError as e:
        error = e.reason
    data = chart_data(comparison) if comparison else None
    chart = script_json(data) if data else None  # inert inside <script>
    return TEMPLATES.TemplateResponse(request, "compare.html", {
        "comparison": comparison, "chart": chart, "chart_info": data, "error": error, "options": options, "kinds": KIND_LABEL,
        "form": {"department": department or "", "year": year or "", "kind": kind or "", "region": region or "",
                 "unit": unit or ""},
        "severities": SEVERITY_LABEL,
    }, status_code=status if error else 200)
