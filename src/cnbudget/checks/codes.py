"""Rules on classification codes, through the official catalogs (``cnbudget.codes``).

    code.unknown              a 支出功能分类 / 经济分类 code that is not in that year's catalog; an
                              error naming the right code where the printed name is another
                              code's catalog name ("7 卫生健康支出" → 210), else a warning with the
                              likeliest code (by resemblance, or the nearest under the same parent)
    code.truncated            a code cut off by a narrow cell (210159 for 2101599); the parser's
                              own repairs (``Row.repairs``) are reported as info
    code.name_mismatch        the printed name is not the catalog's name for the code
    code.economic_vs_function 30108 ↔ 2080505, 30109 ↔ 2080506, 30113 ↔ 2210201,
                              30110 ↔ 2101101 + 2101102, 30111 ↔ 2101103 (same scope: 一般公共预算
                              基本支出表 vs 一般公共预算支出表)

    code.narrative            a 支出功能分类 code printed in the 情况说明 ("其他社会保障和就业支出
                              （2089901）") that is in neither that year's catalog nor the tables:
                              an error naming the code the tables print for that name, else a
                              warning with the likeliest code

When the catalog cannot be loaded, or does not cover the document's year, one
``verify.could_not_verify`` says so instead of passing in silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from cnbudget.checks.common import could_not_verify, economic_totals, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import (
    code_from_name,
    data_rows,
    fmt_iv,
    general_budget_column,
    in_table_unit,
    iv,
    iv_sum,
    table_label,
)
from cnbudget.codes.names import stem
from cnbudget.model import Disclosure, Finding, Row, Table, TextBlock
from cnbudget.numbers import Interval

FUNCTION_KINDS = ("income", "expenditure", "general_expenditure", "gov_fund", "state_capital")
ECONOMIC_KINDS = ("basic_expenditure", "economic_summary")
CODE_KINDS = FUNCTION_KINDS + ECONOMIC_KINDS


def load_catalog() -> Any | None:
    """The classification catalogs, loaded; None when they cannot be (the rules then say they
    could not verify rather than pass in silence)."""
    try:
        from cnbudget.codes import catalog

        catalog.coverage()  # loads the files
        return catalog
    except (ImportError, OSError, ValueError, KeyError):
        return None


def _coded_rows(ctx: Context, doc: Disclosure, *, odd: bool = False) -> list[tuple[str, Table, Row]]:
    """Rows with a classification code, per kind of code.  With ``odd``, also the rows of a
    function / economic table whose code is no code of that kind at all (a ``7`` where ``210``
    is meant) — unless the table prints several, which is a 序号 column read as codes.  Found
    once per run, both lists in one pass over the rows: four rules read them."""
    plain, with_odd = ctx.index("codes.coded_rows", doc, _find_coded_rows)
    return with_odd if odd else plain


def _find_coded_rows(doc: Disclosure) -> tuple[list[tuple[str, Table, Row]], list[tuple[str, Table, Row]]]:
    """(the rows with a code of their table's kind, those and the rows with an odd code), each
    code and name once."""
    plain: list[tuple[str, Table, Row]] = []
    with_odd: list[tuple[str, Table, Row]] = []
    seen_plain: set[tuple[str, str, str | None]] = set()
    seen_odd: set[tuple[str, str, str | None]] = set()
    for t in doc.tables:
        kind = "function" if t.kind in FUNCTION_KINDS else ("economic" if t.kind in ECONOMIC_KINDS else None)
        if kind is None:
            continue
        coded = [(r, r.code) for r in data_rows(t) if r.code and r.code.isdigit()]
        # _foreign and _stray, asked of every row: a code of the kind opens with one of these
        first = _FIRST_DIGITS[kind]
        # a table printing several codes of no kind at all has a 序号 column read as codes
        numbered = sum(1 for _, code in coded if len(code) < 3 or code[0] not in first) > 1
        for r, code in coded:
            key = (kind, code, r.name)
            foreign = code[0] not in first
            if not foreign and key not in seen_plain:
                seen_plain.add(key)
                plain.append((kind, t, r))
            if not (numbered and (foreign or len(code) < 3)) and key not in seen_odd:
                seen_odd.add(key)
                with_odd.append((kind, t, r))
    return plain, with_odd


_FIRST_DIGITS = {"function": "2", "economic": "35"}


def _foreign(kind: str, code: str) -> bool:
    """Not a code of the table's kind (function codes start with 2, economic with 3 or 5)."""
    return code[:1] != "2" if kind == "function" else code[:1] not in "35"


def _stray(kind: str, code: str) -> bool:
    """No code of the table's kind at all: a foreign first digit, or fewer than 3 digits."""
    return len(code) < 3 or _foreign(kind, code)


def _catalog_ids(cat: Any, kind: str, code: str) -> tuple[str, ...]:
    if kind == "function":
        return (cat.FUNCTION,)
    return (cat.GOV_ECONOMIC,) if code[:1] == "5" else (cat.ECONOMIC, cat.GOV_ECONOMIC)


def _named(cat: Any, kind: str, r: Row, year: int | None) -> Any | None:
    """The one catalog code whose name is the printed name (the code the row means)."""
    for cid in _catalog_ids(cat, kind, r.code or ""):
        hit = cat.code_named(cid, r.name, year, r.code or "")
        if hit is not None:
            return hit
    return None


def _lookup(cat: Any, kind: str, code: str, year: int | None) -> Any:
    if kind == "function":
        return cat.function_code(code, year)
    if code[:1] == "5":
        return cat.gov_economic_code(code, year)
    return cat.economic_code(code, year)


def _catalog_ready(doc: Disclosure, ctx: Context) -> tuple[Any | None, list[Finding]]:
    cat = load_catalog()
    if cat is None:
        return None, [could_not_verify(ctx, "科目编码", "编码目录不可用 (codes catalog not available)")]
    year = doc.meta.year
    if year is not None and not cat.covers_year("function", year):
        return None, [could_not_verify(ctx, "科目编码", f"编码目录未覆盖 {year} 年版本")]
    return cat, []


def _detailed(cat: Any, code: str) -> bool:
    cov = cat.coverage("function")["function"]
    return len(code) == 3 or code[:3] in cov.detailed_classes


@rule(
    "code.unknown",
    severity="warning",
    kinds=CODE_KINDS,
    description="科目编码不在当年政府收支分类科目中（名称为另一编码的目录名称时为错误，并指出应为的编码） — "
    "a code that is not in that year's catalog (an error naming the right code when the printed name is that code's)",
)
def unknown_codes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    cat, early = _catalog_ready(doc, ctx)
    yield from early
    if cat is None:
        cat = load_catalog()
        if cat is not None:
            # an edition the catalog lacks: a code that is no code at all is wrong in any
            # edition, so it is still judged, by the names of the latest edition known
            latest = cat.coverage("function")["function"].last_year
            for kind, t, r in _coded_rows(ctx, doc, odd=True):
                if _stray(kind, r.code or ""):
                    yield from _stray_code(cat, ctx, kind, t, r, latest)
        return
    year = doc.meta.year
    for kind, t, r in _coded_rows(ctx, doc, odd=True):
        code = r.code or ""
        label = "支出功能分类" if kind == "function" else "支出经济分类"
        if _stray(kind, code):
            yield from _stray_code(cat, ctx, kind, t, r, year)
            continue
        if kind == "function" and len(code) not in (3, 5, 7):
            continue  # code.truncated
        if kind == "function" and not _detailed(cat, code):
            ctx.unverified()
            continue
        ctx.checked()
        if _lookup(cat, kind, code, year) is not None:
            continue
        other_year = _lookup(cat, kind, code, None)
        named = _named(cat, kind, r, year)
        if named is not None and other_year is None and _misplaced(cat, kind, code, named.code, year):
            yield _wrong_code(t, r, code, label, named, year)
            continue
        sugg = (cat.suggest_function_code if kind == "function" else cat.suggest_economic_code)(code, r.name, year)
        near = None if sugg else cat.nearest_sibling(_catalog_ids(cat, kind, code)[0], code, year, r.name)
        hint = (f"，名称对应的编码为 {named.code} {named.name}" if named is not None and named.code != code
                else f"，可能应为 {sugg[0].code} {sugg[0].name}" if sugg
                else f"，同级最接近的编码为 {near.code} {near.name}" if near is not None else "")
        note = f"（该编码为其他年度科目：{other_year.name}）" if other_year is not None else ""
        yield finding(
            "code.unknown",
            f"{table_label(t)}{label}科目 {code} {r.name or ''} 不在{year or ''}年政府收支分类科目中{note}{hint} — "
            f"unknown {kind} code {code}",
            table=t.kind,
            row=code,
            source=r.source,
        )


def _stray_code(cat: Any, ctx: Context, kind: str, t: Table, r: Row, year: int | None) -> Iterator[Finding]:
    """"7 卫生健康支出": no code of this kind at all, judged only by the name it prints."""
    named = _named(cat, kind, r, year)
    if named is not None:
        ctx.checked()
        yield _wrong_code(t, r, r.code or "", "支出功能分类" if kind == "function" else "支出经济分类", named, year)


def _misplaced(cat: Any, kind: str, code: str, meant: str, year: int | None) -> bool:
    """A well-formed code the catalog lacks is certainly wrong only where the catalog knows
    its place: its parent is listed, and the printed name belongs to a code of the same level
    under another parent.  A code under the same parent as the named one (2089901 beside
    2089999), or under a parent the catalog lacks (20140 信访事务), may be an edition the
    catalog was not compiled from; a code that extends the named one (2121100 for 21211) is
    the same item printed a level deeper."""
    if len(meant) != len(code) or code.startswith(meant) or meant[:-2] == code[:-2]:
        return False
    return len(code) == 3 or _lookup(cat, kind, code[:-2], year) is not None


def _wrong_code(t: Table, r: Row, code: str, label: str, named: Any, year: int | None) -> Finding:
    """An invalid code whose printed name is another code's catalog name: that code is meant."""
    return finding(
        "code.unknown",
        f"{table_label(t)}{label}科目编码 {code} 无效：“{r.name}”在{year or ''}年政府收支分类科目中的编码为 "
        f"{named.code}，应为 {named.code} {named.name} — invalid code {code}, the name is that of {named.code}",
        severity="error",
        table=t.kind,
        row=code,
        source=r.source,
    )


@rule(
    "code.truncated",
    severity="warning",
    kinds=CODE_KINDS,
    description="科目编码位数不全（被截断），或解析时已按目录补全 — a truncated code (or one the parser completed)",
)
def truncated_codes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        repaired = [r for r in t.rows if r.repairs]
        named = [r for r in repaired if code_from_name(r)]
        if named:
            # a table printing names only is a layout, said once for the table, not once a row
            ctx.checked()
            yield finding(
                "code.truncated",
                f"{table_label(t)}未印科目编码，{len(named)} 行的编码按名称及上级科目补出 — "
                f"{len(named)} codes looked up by name",
                severity="info",
                table=t.kind,
                source=named[0].source,
            )
        for r in repaired:
            for rep in r.repairs:
                if rep.field != "code" or code_from_name(r):
                    continue
                ctx.checked()
                printed = (
                    f"印为 {rep.original} {r.name or ''}，编码不完整" if rep.original.strip()
                    else f"“{r.name or ''}”的编码印在相邻栏"
                )
                # a code printed cut short (201999 for 2019999) is a defect of the published
                # table even though the reading completes it; codes printed as segments or
                # placed from the names are a layout, said as info
                cut = "截断" in rep.reason
                yield finding(
                    "code.truncated",
                    f"{table_label(t)}{printed}，已读作 {rep.repaired}（{rep.reason}） — "
                    f"code {rep.original or '(blank)'} read as {rep.repaired}",
                    severity="warning" if cut else "info",
                    table=t.kind,
                    row=r.code,
                    source=r.source,
                )
    cat = load_catalog()
    year = doc.meta.year
    for kind, t, r in _coded_rows(ctx, doc):
        code = r.code or ""
        if kind != "function" or len(code) in (3, 5, 7):
            continue
        ctx.checked()
        sugg = cat.suggest_function_code(code, r.name, year) if cat is not None else []
        hint = f"，应为 {sugg[0].code} {sugg[0].name}" if sugg else ""
        yield finding(
            "code.truncated",
            f"{table_label(t)}支出功能分类科目编码 {code}（{r.name or ''}）位数不全{hint} — truncated code {code}",
            table=t.kind,
            row=code,
            source=r.source,
        )


@rule(
    "code.name_mismatch",
    severity="warning",
    kinds=CODE_KINDS,
    description="科目名称与编码在目录中的名称不符 — the printed name is not the catalog's name for the code",
)
def name_mismatch(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    cat = load_catalog()
    if cat is None:
        return
    year = doc.meta.year
    for kind, t, r in _coded_rows(ctx, doc):
        if not r.name:
            continue
        entry = _lookup(cat, kind, r.code or "", year)
        if entry is None or getattr(entry, "local", False):
            continue
        ctx.checked()
        if cat.name_matches(entry, r.name):
            continue
        yield finding(
            "code.name_mismatch",
            f"{table_label(t)}科目 {r.code} 印为“{r.name}”，{year or ''}年目录中该编码为“{entry.name}” — "
            f"name differs from the catalog",
            table=t.kind,
            row=r.code,
            source=r.source,
        )


# 30110 / 30111 may be paid within the 行政运行 / 事业运行 items: 2101101–2101103 carry only the
# medical funds the finance bureau arranges itself, so their absence is no mismatch
MEDICAL_OPTIONAL = frozenset({"30110", "30111"})

# economic code → function codes of the same expenditure (人员经费 social contributions)
ECONOMIC_FUNCTION = (
    ("30108", ("2080505",), "机关事业单位基本养老保险缴费", "机关事业单位基本养老保险缴费支出"),
    ("30109", ("2080506",), "职业年金缴费", "机关事业单位职业年金缴费支出"),
    ("30113", ("2210201",), "住房公积金", "住房公积金"),
    ("30110", ("2101101", "2101102"), "职工基本医疗保险缴费", "行政单位医疗 + 事业单位医疗"),
    ("30111", ("2101103",), "公务员医疗补助缴费", "公务员医疗补助"),
)


# What the catalog puts in the function item beyond its economic counterpart: 2101101/2101102
# also carry the 公费医疗 of units without insurance (30114 医疗费), so they may lie anywhere from
# 30110 to 30110 + 30114; a 事业单位's medical top-up paid as 30111 is booked under 2101199 其他
# 行政事业单位医疗支出, so 30111 may equal 2101103 + 2101199
ALSO_ECONOMIC = {"30110": ("30114",)}
ALSO_FUNCTION = {"30111": ("2101199",)}


@rule(
    "code.economic_vs_function",
    severity="warning",
    kinds=("basic_expenditure",),
    description="经济科目与对应功能科目金额应一致：30108↔2080505、30109↔2080506、30113↔2210201、30110↔21011x — economic items vs their function items",
)
def economic_vs_function(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # a heuristic, so only where both sides are the 一般公共预算 basic expenditure: the 基本支出表
    # by economic code, and the 基本支出 column of the function table (its 合计 holds 项目 money)
    b = next((t for t in doc.tables_of("basic_expenditure")
              if any(r.code and r.code[:2] in ("30", "31") for r in t.rows)), None)
    g = doc.table("general_expenditure")
    if b is None or g is None or "basic" not in {c.id for c in g.columns}:
        return
    if in_table_unit(iv(b, Decimal(1)), b.unit or doc.meta.unit, g.unit or doc.meta.unit) is None:
        yield could_not_verify(ctx, "经济科目与功能科目", "两表单位未能识别", b)
        return
    basic_col = general_budget_column(b)
    if basic_col is None:
        yield could_not_verify(ctx, "经济科目与功能科目", "基本支出表含全部资金且未列一般公共预算", b)
        return
    eco = {k: in_table_unit(v, b.unit or doc.meta.unit, g.unit or doc.meta.unit)
           for k, v in economic_totals(ctx, doc, b, basic_col).items()}
    col = "basic"
    grows: dict[str, list[Row]] = {}
    for r in data_rows(g):
        if r.code:
            grows.setdefault(r.code, []).append(r)
    for ecode, fcodes, ename, fname in ECONOMIC_FUNCTION:
        ei = eco.get(ecode)
        fvals = [r.values.get(col) for fc in fcodes for r in grows.get(fc, [])]
        if ecode in MEDICAL_OPTIONAL and not any(grows.get(fc) for fc in fcodes):
            continue  # 职工医保 paid within 行政运行 / 事业运行: 2101101–03 carry only funds 财政 arranges
        if ei is None and not any(v is not None for v in fvals):
            continue
        ctx.checked()
        fi = iv_sum(g, fvals)
        ei = ei if ei is not None else iv(b, Decimal(0))
        if ei.meets(fi) or _explained_by_wider_items(ecode, ei, fi, eco, g, grows, col):
            continue
        yield finding(
            "code.economic_vs_function",
            f"经济科目 {ecode} {ename} {fmt_iv(ei)}，与功能科目 {'+'.join(fcodes)} {fname} {fmt_iv(fi)} 不一致"
            f"（同为一般公共预算基本支出，按通常的列支口径应相等；此为经验规则，请核实） — {ecode} differs from {'+'.join(fcodes)}",
            table=b.kind,
            row=ecode,
            column="total",
            expected=fi.mid.quantize(Decimal("0.01")),
            actual=ei.mid.quantize(Decimal("0.01")),
            source=next((r.source for r in b.rows if r.code == ecode), b.source),
        )


# --------------------------------------------------------------------------- codes in the text

# "其他社会保障和就业支出（2089901）": a class name and, in brackets, its 类/款/项 code (the text
# is NFKC-folded, so the brackets are ASCII).
NARRATIVE_CODE_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,40})\s*\(\s*(?P<code>2\d{2}(?:\d{2}){0,2})\s*\)")


# What every match of NARRATIVE_CODE_RE holds: a passage without it cites no code, and the
# name-then-bracket pattern (tried at every Chinese character) need not scan it.
_BRACKETED_CODE = re.compile(r"\(\s*2\d{2}")


def cited_codes(doc: Disclosure, ctx: Context) -> list[tuple[TextBlock, re.Match[str]]]:
    """Every "name（code）" of the running text, read once per run for the rules on cited codes."""
    return ctx.index("cited_codes", doc, lambda d: [
        (b, m) for b in passages(d, ctx).holding(_BRACKETED_CODE) for m in NARRATIVE_CODE_RE.finditer(b.text)])


def _function_rows(doc: Disclosure) -> list[Row]:
    """The rows of the function tables that print a function code."""
    return [r for t in doc.tables if t.kind in FUNCTION_KINDS
            for r in t.rows if r.code and r.code.isdigit() and r.code[:1] == "2"]


def _codes_by_name(rows: list[Row]) -> dict[str, set[str]]:
    """The codes each printed name stands under."""
    by_name: dict[str, set[str]] = {}
    for r in rows:
        if r.name:
            by_name.setdefault(stem(r.name), set()).add(r.code or "")
    return by_name


@rule(
    "code.narrative",
    severity="error",
    description="情况说明中引用的支出功能分类编码既不在当年科目中、也不在表中（表中同名科目另有编码时为错误） — "
    "a class code in the text that is neither in the catalog nor in the tables",
)
def narrative_codes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    rows = _function_rows(doc)
    printed = {r.code for r in rows}
    cited = [(b, m) for b, m in cited_codes(doc, ctx) if m.group("code") not in printed]
    if not cited:
        return  # no code in the text that the tables do not print: nothing to look up
    by_name = _codes_by_name(rows)
    cat = load_catalog()
    if cat is None:
        yield could_not_verify(ctx, "正文中的科目编码", "编码目录不可用 (codes catalog not available)")
        return
    year = doc.meta.year
    # an edition the catalog lacks is judged by the latest one known, and then only where the
    # document's own tables print the name under another code (a new code may be missing)
    covered = year is None or cat.covers_year("function", year)
    edition = year if covered else cat.coverage("function")["function"].last_year
    for b, m in cited:
        code, name = m.group("code"), m.group("name")
        if not _detailed(cat, code):
            continue
        ctx.checked()
        if cat.function_code(code, edition) is not None:
            continue
        found = _narrative_code_finding(cat, b, m, code, name, by_name, edition)
        if covered or found.severity == "error":
            yield found


def _narrative_code_finding(cat: Any, b: TextBlock, m: re.Match[str], code: str, name: str,
                            by_name: dict[str, set[str]], edition: int | None) -> Finding:
    # the name may carry a lead-in ("其中其他社会保障和就业支出"): the longest tail the tables print
    tails = (name[i:] for i in range(len(name) - 1))
    in_tables = next((by_name[stem(x)] for x in tails if stem(x) in by_name), set())
    same_length = sorted(c for c in in_tables if len(c) == len(code))
    if len(same_length) == 1:
        return text_finding(
            "code.narrative",
            f"正文“{m.group(0)}”的科目编码 {code} 不在{edition or ''}年支出功能分类科目中，表中该科目编码为 "
            f"{same_length[0]} — the text's code {code} is no class code; the tables print {same_length[0]}",
            b, m.start(), m.end(),
        )
    sugg = cat.suggest_function_code(code, name, edition)
    hint = f"，可能应为 {sugg[0].code} {sugg[0].name}" if sugg else ""
    return text_finding(
        "code.narrative",
        f"正文“{m.group(0)}”的科目编码 {code} 不在{edition or ''}年支出功能分类科目中，表中也未列示{hint} — "
        f"the text's code {code} is neither in the catalog nor in the tables",
        b, m.start(), m.end(), severity="warning",
    )


def _explained_by_wider_items(ecode: str, ei: Interval, fi: Interval, eco: dict, g: Table,
                              grows: dict[str, list[Row]], col: str) -> bool:
    """The function side equals the economic item together with what the catalog also books
    there (ALSO_FUNCTION), or lies between the economic item and it plus the economic items the
    function item also carries (ALSO_ECONOMIC)."""
    extra_f = [r.values.get(col) for fc in ALSO_FUNCTION.get(ecode, ()) for r in grows.get(fc, [])]
    if any(v is not None for v in extra_f) and ei.meets(fi + iv_sum(g, extra_f)):
        return True
    extra_e = [eco[x] for x in ALSO_ECONOMIC.get(ecode, ()) if eco.get(x) is not None]
    if not extra_e:
        return False
    return ei.lo <= fi.hi and fi.lo <= sum(extra_e, ei).hi
