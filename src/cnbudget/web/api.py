"""The JSON API, mirroring the CLI (same JSON objects as ``cnbudget parse/check/compare``).

    POST /api/parse          a file → the Disclosure (``parse --format json``)
    POST /api/check          a file → the check report (``check --format json``)
    POST /api/documents      a file → parsed, checked and stored in the library
    GET  /api/documents      the library, filtered (region, year, kind, department, severity)
    GET  /api/documents/{id} one stored document: meta, disclosure, findings
    GET  /api/compare        ``?department=`` (across years) or ``?year=`` (side by side);
                             ``&unit=元`` for amounts in 元 (default 万元, every document converted)
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, File, HTTPException, Request, UploadFile

from cnbudget.errors import CnbudgetError
from cnbudget.web.params import DocumentId, Limit, Offset, Year
from cnbudget.web.responses import json_response

router = APIRouter(prefix="/api", tags=["api"])

ERRORS = {
    413: {"description": "文件过大 (file too large)"},
    422: {"description": "不是可读取的预决算公开文件 (not a readable disclosure)"},
}


@router.post("/parse", responses=ERRORS, summary="解析一份公开文件 (cnbudget parse --format json)")
def parse(request: Request, file: UploadFile | None = File(None)):
    from cnbudget.serialize import disclosure_to_json
    from cnbudget.web.uploads import read_upload

    return json_response(disclosure_to_json(read_upload(file, request.app.state.settings.isolate).disclosure))


@router.post("/check", responses=ERRORS, summary="核验一份公开文件 (cnbudget check --format json)")
def check(request: Request, file: UploadFile | None = File(None)):
    from cnbudget.checks import report_to_json
    from cnbudget.web.uploads import read_upload

    return json_response(report_to_json(read_upload(file, request.app.state.settings.isolate).report))


@router.post("/documents", responses=ERRORS, status_code=201, summary="上传并存入资料库 (cnbudget ingest)")
def add_document(request: Request, file: UploadFile | None = File(None)):
    from cnbudget.store.read import document_json
    from cnbudget.store.schema import Document
    from cnbudget.web.uploads import store_upload

    lib = request.app.state.library
    settings = request.app.state.settings
    document_id, status = store_upload(lib, file, settings.isolate, settings.upload_dir)
    with lib.reading() as s:
        doc = document_json(s.get(Document, document_id))
    return json_response({"status": status, "document": doc}, status=201 if status == "added" else 200)


@router.get("/documents", summary="资料库文件列表（可筛选）")
def documents(request: Request, region: str | None = None, year: Year = None,
              kind: Literal["budget", "final"] | None = None, department: str | None = None,
              severity: Literal["error", "warning", "info"] | None = None,
              limit: Limit = 100, offset: Offset = 0):
    from cnbudget.store.read import Filters, document_json, list_documents

    with request.app.state.library.reading() as s:
        docs, total = list_documents(s, Filters(region, year, kind, department, severity, limit, offset))
        return json_response({"total": total, "documents": [document_json(d) for d in docs]})


@router.get("/documents/{document_id}", responses={404: {"description": "无此文件"}}, summary="一份已存文件")
def document(request: Request, document_id: DocumentId):
    from cnbudget.serialize import disclosure_to_json, finding_to_json
    from cnbudget.store.read import document_json, findings_of, load_disclosure
    from cnbudget.store.schema import Document

    with request.app.state.library.reading() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise HTTPException(404, f"资料库中没有编号为 {document_id} 的文件 (no such document)")
        found = findings_of(s, document_id)
        return json_response({
            "document": document_json(doc),
            "disclosure": disclosure_to_json(load_disclosure(s, document_id)),
            "findings": [{**finding_to_json(f), "against_id": a} for f, a in found],
        })


@router.get("/compare", responses={404: {"description": "无可对比的文件"}}, summary="对比 (cnbudget compare --format json)")
def compare(request: Request, department: str | None = None, year: Year = None,
            kind: Literal["budget", "final"] | None = None, region: str | None = None,
            unit: Literal["万元", "元"] = "万元"):
    from cnbudget.compare.build import department_series, year_side_by_side

    lib = request.app.state.library
    if (department is None) == (year is None):
        raise HTTPException(422, "请指定 department 或 year 之一 (give department or year)")
    try:
        c = (department_series(lib, department, kind, unit) if department
             else year_side_by_side(lib, year, kind, region, unit))
    except CnbudgetError as e:
        raise HTTPException(404, e.reason) from e
    return json_response(c.to_json())
