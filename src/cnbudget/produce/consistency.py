"""Is an input disclosure consistent enough to be produced?  Totals against their parts.

``verify`` uses the project's rules (``cnbudget.checks.check_disclosure``) when they are
installed, keeping their error-level findings about the tables (claims of an old narrative do
not matter: the narrative is regenerated); otherwise ``own_check`` here.  Sums use the rounding
intervals of ``cnbudget.numbers`` (DESIGN.md): a typed total that only differs through rounding
is accepted, one that disagrees with its parts is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from cnbudget.errors import CnbudgetError
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import consistent_sum

_INCOME_PARTS = ("general_budget", "gov_fund", "state_capital", "special_account", "business", "operating",
                 "superior_subsidy", "affiliated", "other", "transfer")
_FUNCTION_KINDS = ("expenditure", "general_expenditure", "gov_fund", "state_capital")
_IGNORED_RULE_PREFIXES = ("claim.", "completeness.", "narrative.", "engine.")


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


def _check(rule: str, message: str, table: str, row: str | None, column: str | None,
           parts: Iterable[Decimal | None], whole: Decimal | None) -> Iterator[Finding]:
    present = [p for p in parts if p is not None]
    if whole is None and not present:
        return
    whole_v = whole if whole is not None else Decimal(0)
    if not present:
        present = [Decimal(0)]
    if not consistent_sum(present, whole_v):
        yield Finding(rule=rule, severity="error", message=message, table=table, row=row, column=column,
                      expected=sum(present, Decimal(0)), actual=whole)


def _label(r: Row) -> str:
    return r.code or r.item or r.name or "?"


def _function_table(t: Table) -> Iterator[Finding]:
    for r in t.rows:
        v = r.values
        if "basic" in v or "project" in v:
            yield from _check("sum.columns", "合计不等于基本支出与项目支出之和", t.kind, _label(r), "total",
                              [v.get("basic"), v.get("project")], v.get("total"))
        parts = [v.get(c) for c in ("wages", "household", "goods_services", "capital")]
        if any(p is not None for p in parts) or ("basic" in v and any(
                c in t.column_ids() for c in ("wages", "goods_services"))):
            yield from _check("sum.columns", "基本支出不等于其各经济分类之和", t.kind, _label(r), "basic", parts,
                              v.get("basic"))
        parts = [v.get(c) for c in ("project_operating", "project_specific")]
        if any(p is not None for p in parts):
            yield from _check("sum.columns", "项目支出不等于其他运转类与特定目标类之和", t.kind, _label(r),
                              "project", parts, v.get("project"))
    yield from _hierarchy(t, ("total", "basic", "project", "wages", "household", "goods_services", "capital",
                              "project_operating", "project_specific"), (3, 5, 7))


def _hierarchy(t: Table, columns: Iterable[str], levels: tuple[int, ...]) -> Iterator[Finding]:
    """Each coded row equals the sum of the rows one level below it; the total row the top level."""
    coded = [r for r in t.rows if r.code and r.code.isdigit() and r.item not in ("unit", "total")]
    total_row = t.total_row()
    columns = [c for c in columns if c in t.column_ids()]
    for col in columns:
        for r in coded:
            assert r.code is not None
            if len(r.code) not in levels[:-1]:
                continue
            deeper = [c for c in coded if c.code and c.code != r.code and c.code.startswith(r.code)]
            if not deeper:
                continue
            next_len = min(len(c.code or "") for c in deeper)
            children = [c for c in deeper if len(c.code or "") == next_len]
            yield from _check("sum.rows", f"{r.code} 不等于其下级科目之和", t.kind, r.code, col,
                              [c.values.get(col) for c in children], r.values.get(col))
        if total_row is not None and coded:
            top = min(len(c.code or "") for c in coded)
            yield from _check("sum.rows", "合计行不等于各科目之和", t.kind, "total", col,
                              [c.values.get(col) for c in coded if len(c.code or "") == top],
                              total_row.values.get(col))


def _summary(t: Table) -> Iterator[Finding]:
    def side(s: str) -> list[Row]:
        return [r for r in t.rows if r.side == s]

    def val(s: str, item: str, col: str = "total") -> Decimal | None:
        r = t.row_by_item(s, item)
        return None if r is None else r.values.get(col)

    income = side("income")
    parts = [r.values.get("total") for r in income if r.item in _INCOME_PARTS]
    yield from _check("sum.rows", "本年收入合计不等于各项收入之和", t.kind, "current_total", "total", parts,
                      val("income", "current_total"))
    yield from _check("sum.rows", "收入总计不等于本年收入与上年结转之和", t.kind, "grand_total", "total",
                      [val("income", "current_total"), val("income", "carryover"),
                       val("income", "non_fiscal_surplus")], val("income", "grand_total"))
    expenditure = side("expenditure")
    cols = [c for c in t.column_ids()]
    for col in cols:
        classes = [r.values.get(col) for r in expenditure if r.code and len(r.code) == 3]
        yield from _check("sum.rows", "本年支出合计不等于各功能分类支出之和", t.kind, "current_total", col, classes,
                          val("expenditure", "current_total", col))
        yield from _check("sum.rows", "支出总计不等于本年支出与年终结转之和", t.kind, "grand_total", col,
                          [val("expenditure", "current_total", col), val("expenditure", "carryover_out", col),
                           val("expenditure", "surplus_distribution", col)], val("expenditure", "grand_total", col))
    a, b = val("income", "grand_total"), val("expenditure", "grand_total")
    if a is not None and b is not None:
        yield from _check("sum.balance", "收入总计不等于支出总计", t.kind, "grand_total", "total", [a], b)
    if "general_budget" in cols:
        for r in expenditure:
            if any(c in r.values for c in ("general_budget", "gov_fund", "state_capital")):
                yield from _check("sum.columns", "合计不等于各资金来源之和", t.kind, _label(r), "total",
                                  [r.values.get(c) for c in ("general_budget", "gov_fund", "state_capital")],
                                  r.values.get("total"))


def _basic(t: Table) -> Iterator[Finding]:
    for r in t.rows:
        if "personnel" in r.values or "public" in r.values:
            yield from _check("sum.columns", "合计不等于人员经费与公用经费之和", t.kind, _label(r), "total",
                              [r.values.get("personnel"), r.values.get("public")], r.values.get("total"))
    yield from _hierarchy(t, ("total", "personnel", "public"), (3, 5, 7))


def _three_public(t: Table) -> Iterator[Finding]:
    for prefix in ("", "budget.", "actual."):
        for r in t.rows:
            v = r.values
            if prefix + "total" not in v:
                continue
            yield from _check("sum.columns", "“三公”经费合计不等于三项之和", t.kind, "total", prefix + "total",
                              [v.get(prefix + "abroad"), v.get(prefix + "vehicle"), v.get(prefix + "reception")],
                              v.get(prefix + "total"))
            if prefix + "vehicle" in v:
                yield from _check("sum.columns", "公务用车购置及运行费不等于购置费与运行维护费之和", t.kind,
                                  "total", prefix + "vehicle",
                                  [v.get(prefix + "vehicle_purchase"), v.get(prefix + "vehicle_operation")],
                                  v.get(prefix + "vehicle"))


def _listing(t: Table) -> Iterator[Finding]:
    """Projects / procurement: the total row is the sum of the item rows, a row of its sources."""
    items = [r for r in t.rows if r.item not in ("total", "unit")]
    total_row = t.total_row()
    for col in t.column_ids():
        if total_row is not None and items:
            yield from _check("sum.rows", "合计行不等于各行之和", t.kind, "total", col,
                              [r.values.get(col) for r in items], total_row.values.get(col))
    sources = [c for c in ("general_budget", "gov_fund", "state_capital", "special_account", "unit_funds")
               if c in t.column_ids()]
    for r in t.rows:
        if sources and any(c in r.values for c in sources):
            yield from _check("sum.columns", "合计不等于各资金来源之和", t.kind, _label(r), "total",
                              [r.values.get(c) for c in sources], r.values.get("total"))


def _cross(d: Disclosure) -> Iterator[Finding]:
    def total_of(kind: str, col: str = "total") -> Decimal | None:
        t = d.table(kind)
        r = t.total_row() if t else None
        return r.values.get(col) if r else None

    summary = d.table("summary")
    exp_total = total_of("expenditure")
    if summary is not None and exp_total is not None:
        r = summary.row_by_item("expenditure", "current_total")
        if r is not None and "total" in r.values:
            yield from _check("cross.summary_vs_expenditure", "收支总表的本年支出合计与支出表合计不一致", "summary",
                              "current_total", "total", [exp_total], r.values["total"])
    gb = total_of("general_expenditure")
    fiscal = d.table("fiscal_summary")
    if fiscal is not None and gb is not None:
        r = fiscal.row_by_item("expenditure", "current_total")
        if r is not None and "general_budget" in r.values:
            yield from _check("cross.fiscal_vs_general", "财政拨款收支总表的一般公共预算支出与一般公共预算支出表不一致",
                              "fiscal_summary", "current_total", "general_budget", [gb], r.values["general_budget"])
    basic = total_of("basic_expenditure")
    gb_basic = total_of("general_expenditure", "basic")
    if basic is not None and gb_basic is not None:
        yield from _check("cross.basic_vs_general", "基本支出表合计与一般公共预算支出表的基本支出不一致",
                          "basic_expenditure", "total", "total", [gb_basic], basic)
    projects = d.table("projects")
    exp_project = total_of("expenditure", "project")
    if projects is not None and exp_project is not None and any(r.item != "total" for r in projects.rows):
        p = total_of("projects")
        if p is not None:
            yield from _check("cross.projects_vs_expenditure", "项目支出表合计与支出表的项目支出不一致", "projects",
                              "total", "total", [exp_project], p)


def own_check(d: Disclosure) -> list[Finding]:
    """The producer's own consistency check of a disclosure's tables."""
    out: list[Finding] = []
    for t in d.tables:
        if t.kind in _FUNCTION_KINDS:
            out.extend(_function_table(t))
        elif t.kind in ("summary", "fiscal_summary"):
            out.extend(_summary(t))
        elif t.kind == "basic_expenditure":
            out.extend(_basic(t))
        elif t.kind == "three_public":
            out.extend(_three_public(t))
        elif t.kind in ("projects", "procurement"):
            out.extend(_listing(t))
    out.extend(_cross(d))
    return out


def _project_rules():
    """The project's rule engine, when installed (``cnbudget.checks``)."""
    import importlib

    for name in ("cnbudget.checks", "cnbudget.checks.engine"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        fn = getattr(module, "check_disclosure", None)
        if fn is not None:
            return fn
    return None


def verify(d: Disclosure) -> list[Finding]:
    """Error-level findings that make the input unusable for producing a disclosure.

    The producer's own sums always run; the project's rules add theirs when installed.
    """
    errors = [f for f in own_check(d) if f.severity == "error"]
    check_disclosure = _project_rules()
    if check_disclosure is not None:
        try:
            result = check_disclosure(d)
        except Exception:  # noqa: BLE001 - rules still being built must not stop producing
            result = ()
        findings = list(getattr(result, "findings", result))
        seen = {(f.table, f.row, f.column) for f in errors}
        for f in findings:
            if f.severity != "error" or f.rule.startswith(_IGNORED_RULE_PREFIXES):
                continue
            if (f.table, f.row, f.column) not in seen:
                errors.append(f)
    return errors


def ensure_consistent(d: Disclosure, file: str | None = None) -> None:
    """Raise ``InconsistentInput`` listing every disagreement, or return quietly."""
    problems = verify(d)
    if problems:
        raise InconsistentInput(problems, file=file, where=printed_places(d, problems))
