"""The report on a batch of documents, as every renderer of findings takes it.

``DocumentFindings`` is one checked document: its meta, its report (only the selected
findings), the findings as ``FindingRow``s with printed labels, how many were left out by the
person's selection, a note the report must carry (a forced ``--against``), and for a PDF the
page crops of its findings (``render.page_crop``: a data-URI PNG per row, or ``None``; empty
when the report does not show them).
``FindingsReport`` is the batch: the documents, the files skipped because they are not
disclosures, the files that could not be read, and the selection that was applied.
``summary_rows()`` gives the summary table every report starts with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cnbudget.checks.engine import CheckReport
from cnbudget.checks.labels import KIND_ZH, SCOPE_ZH, FindingRow, finding_row
from cnbudget.checks.selection import Selection, select
from cnbudget.model import Disclosure, Meta


@dataclass(frozen=True)
class DocumentFindings:
    file: str
    meta: Meta
    report: CheckReport
    rows: tuple[FindingRow, ...]
    format: str = ""
    hidden: int = 0
    note: str | None = None
    crops: tuple[str | None, ...] = ()

    def crop(self, index: int) -> str | None:
        """The page crop of ``rows[index]`` (a data URI), if there is one."""
        return self.crops[index] if index < len(self.crops) else None

    @property
    def title(self) -> str:
        return self.meta.title or self.meta.department or self.file


@dataclass(frozen=True)
class SummaryRow:
    document: str
    department: str
    year: int | None
    kind: str  # 预算 / 决算 (本级 / 汇总)
    errors: int
    warnings: int
    infos: int
    verified: str  # "246/246 行 (100%)"
    verified_share: float | None


@dataclass(frozen=True)
class FindingsReport:
    documents: tuple[DocumentFindings, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    failed: tuple[tuple[str, str], ...] = ()
    selection: Selection = field(default_factory=Selection)
    seconds: float = 0.0

    @property
    def has_errors(self) -> bool:
        return any(d.report.has_errors for d in self.documents)

    def rows(self) -> list[FindingRow]:
        return [r for d in self.documents for r in d.rows]

    def summary_rows(self) -> list[SummaryRow]:
        out = []
        for d in self.documents:
            s = d.report.summary
            cov = d.report.coverage
            share = cov.verified_share()
            verified = (f"表 {cov.tables_verified}/{cov.tables}，行 {cov.rows_verified}/{cov.rows}"
                        f"（{share:.0%}）" if share is not None else "无可核验的表格")
            kind = KIND_ZH.get(d.meta.kind or "", "")
            if kind and d.meta.scope in SCOPE_ZH:
                kind += f"（{SCOPE_ZH[d.meta.scope]}）"
            out.append(SummaryRow(d.file, d.meta.department or "", d.meta.year, kind, s["error"], s["warning"],
                                  s["info"], verified, share))
        return out


def document_findings(d: Disclosure, report: CheckReport, selection: Selection | None = None,
                      note: str | None = None) -> DocumentFindings:
    """One checked document for the reports: the selection applied, labels resolved against ``d``."""
    chosen = select(report, selection or Selection())
    rows = tuple(finding_row(f, d, d.file) for f in chosen.report.findings)
    return DocumentFindings(d.file, d.meta, chosen.report, rows, d.format, chosen.hidden, note)
