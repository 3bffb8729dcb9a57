"""A class code cited in the text that the catalog knows, printed with another code's name or
where the document's own tables put the item under another code.

    code.narrative_name        "行政事业单位医疗（2101101）": the name printed is the catalog's name
                               of another code of the same 类 (21011 行政事业单位医疗), not of the
                               code printed (2101101 行政单位医疗)
    code.narrative_other_code  "①行政运行（2013201）1641.18万元": a code the document's tables never
                               print, while they print the same name under one other code of the
                               same length (2013301) with the amount the sentence states (a code
                               cited without that amount may be an item this year's tables leave
                               out: "行政运行(2050101)0.00万元，较上年减少3.54万元")

    code.narrative_scheme      "…对个人和家庭的补助(509)50.12万元;其他支出(399)119010万元。": a 类 code
                               of one economic classification (部门经济分类 3xx) in a list whose
                               other codes are all of the other (政府经济分类 5xx), under a name that
                               classification gives another code (其他支出 is 599 there)

``code.narrative`` judges the codes the catalog does not know; these judge the ones it does.
A name is judged by its tails ("其中行政运行" → "行政运行"): a lead-in is not part of the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.codes import _codes_by_name, _function_rows, cited_codes, load_catalog
from cnbudget.checks.common import could_not_verify, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.codes.names import stem
from cnbudget.model import Disclosure, Finding, Row
from cnbudget.numbers import parse_amount
from cnbudget.units import convert

# a tail of a name shorter than this ("医疗", "运行") names no one class
MIN_NAME_CHARS = 4
# the amount a citation goes on to state: "（2013201）1641.18万元", "（2013201）：安排124.00万元"
AMOUNT_AFTER_RE = re.compile(
    r"\s*[:,]?\s*(?:为|是|安排|预算|支出|预算数|预算为|支出为)?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)"
)


def _tails(name: str, shortest: int = MIN_NAME_CHARS) -> list[str]:
    """The name and each shorter tail down to ``shortest`` characters, longest first."""
    return [name[i:] for i in range(len(name) - shortest + 1)]


@rule(
    "code.narrative_name",
    severity="warning",
    description="正文中科目名称为同类另一编码的名称，如“行政事业单位医疗（2101101）” — "
    "a class code in the text printed with the name of another code of its class",
)
def narrative_code_names(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    cited = cited_codes(doc, ctx)
    if not cited:
        return
    cat = load_catalog()
    if cat is None:
        yield could_not_verify(ctx, "正文中的科目名称", "编码目录不可用 (codes catalog not available)")
        return
    year = doc.meta.year
    for b, m in cited:
        code, name = m.group("code"), m.group("name")
        entry = cat.function_code(code, year)
        if entry is None or len(name) < MIN_NAME_CHARS:
            continue  # a code the catalog does not know is code.narrative's
        ctx.checked()
        tails = _tails(name)
        if any(cat.name_matches(entry, t) for t in tails):
            continue
        other = next((e for t in tails if (e := cat.code_named(cat.FUNCTION, t, year, code)) is not None), None)
        if other is None or other.code == code or other.code[:3] != code[:3]:
            continue  # a name the catalog does not know, or of another 类: not judged
        yield text_finding(
            "code.narrative_name",
            f"正文“{m.group(0)}”：{code} 在{year or ''}年支出功能分类中为“{entry.name}”，"
            f"“{other.name}”是 {other.code} 的名称 — the name printed is that of {other.code}, not of {code}",
            b, m.start(), m.end(),
        )


@rule(
    "code.narrative_other_code",
    severity="error",
    description="正文引用的科目编码表中未列，表中同名科目另有编码，如“行政运行（2013201）”而表列2013301 — "
    "a class code in the text that the tables print under another code",
)
def narrative_other_codes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    rows = _function_rows(doc)
    printed = {r.code for r in rows}
    cited = [(b, m) for b, m in cited_codes(doc, ctx) if m.group("code") not in printed] if rows else []
    if not cited:
        return  # no tables to hold the codes, or every code cited is printed
    cat = load_catalog()
    if cat is None:
        yield could_not_verify(ctx, "正文中的科目编码", "编码目录不可用 (codes catalog not available)")
        return
    by_name = _codes_by_name(rows)
    year = doc.meta.year
    units = {id(r): t.unit for t in doc.tables for r in t.rows}
    for b, m in cited:
        code, name = m.group("code"), m.group("name")
        if cat.function_code(code, year) is None:
            continue  # no code at all: code.narrative's
        ctx.checked()
        in_tables = next((by_name[s] for t in _tails(name, 2) if (s := stem(t)) in by_name), set())
        others = sorted(c for c in in_tables if len(c) == len(code) and c != code)
        if len(others) != 1:
            continue
        other = others[0]
        stated = AMOUNT_AFTER_RE.match(b.text, m.end())
        if stated is None or not _row_holds(
                [r for r in rows if r.code == other], stated.group("num"), stated.group("unit"), units):
            continue  # a code of an item this year's tables need not print ("行政运行(2050101)0.00万元")
        yield text_finding(
            "code.narrative_other_code",
            f"正文“{m.group(0)}”{stated.group('num')}{stated.group('unit')}的编码 {code} 表中未列，表中“{name}”"
            f"（{other}）列有该金额 — the tables print this item and amount under {other}, not {code}",
            b, m.start(), m.end(),
        )


def _row_holds(rows: list[Row], num: str, unit: str, units: dict[int, str | None]) -> bool:
    """Whether one of ``rows`` prints the stated amount (in ``unit``) in one of its columns, at
    the amount's printed precision."""
    amount = parse_amount(num)
    if amount is None:
        return False
    half_step = Decimal(1).scaleb(amount.as_tuple().exponent) / 2  # type: ignore[arg-type]
    for r in rows:
        for v in r.values.values():
            w = convert(v, units.get(id(r)), unit)
            if w is not None and abs(w - amount) <= half_step:
                return True
    return False


# a 类 code of either economic classification closing a name: "工资福利支出(301)", "(二)(504)"
ECONOMIC_CLASS_RE = re.compile(r"(?<=[\u4e00-\u9fff)])\(\s*(?P<code>[35]\d\d)\s*\)")
_NAMED_ECONOMIC_CLASS_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,20})\(\s*(?P<code>[35]\d\d)\s*\)")
_ECONOMIC_CLASS_HINT = re.compile(r"\(\s*[35]\d\d\s*\)")
# a list naming this many classes of one classification is a list of that classification
MIN_LISTED = 3


@rule(
    "code.narrative_scheme",
    severity="warning",
    description="正文按政府经济分类（5xx）列举各类时夹有部门经济分类编码（3xx），或反之，如“其他支出(399)” — "
    "an economic class code of the other classification in a list of one classification",
)
def narrative_code_schemes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    lists = [(b, start, sentence) for b in passages(doc, ctx).holding(_ECONOMIC_CLASS_HINT)
             for start, sentence in _sentences(b.text) if len(ECONOMIC_CLASS_RE.findall(sentence)) > MIN_LISTED]
    if not lists:
        return
    cat = load_catalog()
    if cat is None:
        yield could_not_verify(ctx, "正文中的经济分类编码", "编码目录不可用 (codes catalog not available)")
        return
    year = doc.meta.year
    for b, start, sentence in lists:
        heads = [c[0] for c in ECONOMIC_CLASS_RE.findall(sentence)]
        major = max("35", key=heads.count)
        if heads.count(major) < MIN_LISTED or heads.count(major) < 2 * (len(heads) - heads.count(major)):
            continue  # no one classification makes the list
        ctx.checked()
        catalog = cat.GOV_ECONOMIC if major == "5" else cat.ECONOMIC
        for m in _NAMED_ECONOMIC_CLASS_RE.finditer(sentence):
            code, name = m.group("code"), m.group("name")
            if code[0] == major:
                continue
            other = next((e for t in _tails(name)
                          if (e := cat.code_named(catalog, t, year, major + code[1:])) is not None
                          and len(e.code) == len(code)), None)
            if other is None:
                continue  # a name the list's classification has no 类 of: not judged
            yield text_finding(
                "code.narrative_scheme",
                f"正文“{m.group(0)}”列于{_SCHEME[major]}（{major}xx）各类之中，{code} 是{_SCHEME[code[0]]}的编码；"
                f"{_SCHEME[major]}“{other.name}”的编码为 {other.code} — a code of the other economic "
                f"classification in a list of this one ({other.code} meant)",
                b, start + m.start(), start + m.end(),
            )


_SCHEME = {"3": "部门预算支出经济分类", "5": "政府预算支出经济分类"}


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence of ``text`` (up to and with its 。) and where it starts."""
    at = 0
    for sentence in re.split(r"(?<=。)", text):
        if sentence:
            yield at, sentence
        at += len(sentence)
