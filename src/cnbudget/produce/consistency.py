"""Is an input disclosure consistent enough to be produced?  ``cnbudget check``'s verdict.

``verify`` runs the project's rules (``cnbudget.checks.check_disclosure``) and keeps their
error-level findings about the tables' figures (claims of an old narrative do not matter: the
narrative is written anew).  There is no second set of sums here: ``check`` and ``render`` give
one verdict on one reading (rounding as DESIGN.md says: a total that differs from its parts only
through rounding is accepted, one that disagrees with them is not).
"""

from __future__ import annotations

from cnbudget.errors import CnbudgetError
from cnbudget.model import Disclosure, Finding

SHOWN = 20  # problems in the one-line refusal; ``report()`` (``render --report``) has them all


class InconsistentInput(CnbudgetError):
    """The input's figures are unusable or disagree with each other; nothing was produced.

    ``findings`` are all the problems; ``where`` maps a finding (by position) to its place as
    printed ("部门支出预算表 201 一般公共服务支出 合计", "一般公共预算支出预算表 第7行").  The message
    is one line, grouped by sheet or table; ``report()`` lists every problem, one a line.
    """

    def __init__(self, findings: list[Finding], *, file: str | None = None,
                 where: list[tuple[str, str]] | None = None) -> None:
        self.findings = findings
        self.where = where or [_place(f) for f in findings]
        groups = self.groups()
        parts: list[str] = []
        shown = 0
        for group, lines in groups:
            if shown >= SHOWN:
                break
            take = lines[: SHOWN - shown]
            shown += len(take)
            parts.append(f"【{group}】" + "； ".join(take))
        more = f"；另有 {len(findings) - shown} 处（--report FILE 写出全部）" if len(findings) > shown else ""
        super().__init__(f"输入数据不一致或有误，未生成（{len(findings)} 处问题）(inconsistent input, {len(findings)} problem(s)): "
                         + " ".join(parts) + more, file=file)

    def groups(self) -> list[tuple[str, list[str]]]:
        """(sheet or table as printed, its problems described) in the order first met."""
        out: dict[str, list[str]] = {}
        for f, (group, place) in zip(self.findings, self.where, strict=True):
            out.setdefault(group, []).append(describe(f, place))
        return list(out.items())

    def report(self) -> str:
        """Every problem, grouped by sheet or table, one a line (what ``render --report`` writes)."""
        lines = [f"{self.file or '输入'}：{len(self.findings)} 处问题，未生成公开文件", ""]
        for group, items in self.groups():
            lines.append(f"【{group}】{len(items)} 处")
            lines.extend(f"  {item}" for item in items)
            lines.append("")
        return "\n".join(lines)


def _place(f: Finding) -> tuple[str, str]:
    """(group, place in it) of a finding without a printed table at hand."""
    if f.source is not None and f.source.sheet:
        return f.source.sheet, " ".join(x for x in (f.row, f.column) if x)
    return f.table or "输入", " ".join(x for x in (f.row, f.column) if x)


def describe(f: Finding, place: str = "") -> str:
    """'201 一般公共服务支出 合计：合计不等于…（应为 10.00，实为 11.00）[expenditure 201 total]'."""
    nums = ""
    if f.expected is not None or f.actual is not None:
        nums = f"（应为 {f.expected}，实为 {f.actual}）"
    ids = ""
    if not (f.source is not None and f.source.sheet):  # a table's finding: its ids, for machines
        ids = "[" + " ".join(x for x in (f.table, f.row, f.column) if x) + "]"
    return f"{place + '：' if place else ''}{f.message}{nums}{ids}"


def printed_places(d: Disclosure, findings: list[Finding]) -> list[tuple[str, str]]:
    """Each finding's table title, row label and column header as the document prints them."""
    out = []
    for f in findings:
        t = d.table(f.table) if f.table else None
        if t is None:
            out.append(_place(f))
            continue
        row = next((r for r in t.rows if f.row and (r.code == f.row or r.item == f.row)), None)
        if row is None:
            row_label = f.row or ""
        elif row.code:
            row_label = " ".join(x for x in (row.code, row.name) if x)
        else:  # a line named by its item (本年支出合计) or the one line of a table (三公经费)
            row_label = row.name or ""
        column = next((c.label for c in t.columns if c.id == f.column), f.column)
        out.append((t.title or t.kind, " ".join(x for x in (row_label, column) if x)))
    return out


# Rules about the narrative and about which tables a document publishes: the producer writes the
# 情况说明 anew and lays out every table of its layout, so an old text's findings do not stop it.
NOT_ABOUT_THE_FIGURES = ("claim.", "sentence.", "wording.", "year.", "typography.", "narrative.",
                         "completeness.", "engine.")


def verify(d: Disclosure) -> list[Finding]:
    """The error findings of ``cnbudget check`` about the tables' figures — the same rules on the
    same reading, so that ``check`` and ``render`` give one verdict: an input ``check`` finds no
    error in is produced, and a refusal lists findings ``check`` shows too."""
    from cnbudget.checks import check_disclosure

    return [f for f in check_disclosure(d).findings
            if f.severity == "error" and not f.rule.startswith(NOT_ABOUT_THE_FIGURES)]


def ensure_consistent(d: Disclosure, file: str | None = None) -> None:
    """Raise ``InconsistentInput`` listing every disagreement, or return quietly."""
    problems = verify(d)
    if problems:
        raise InconsistentInput(problems, file=file, where=printed_places(d, problems))
