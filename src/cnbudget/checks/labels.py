"""Findings for people: every internal id turned back into what the document prints.

A ``Finding`` names its table, row and column by ids (``summary``, ``expenditure.grand_total``,
``budget.project``) so that tools can rely on them.  People need the printed words: the row's
code and name as the table prints them ("2080505 机关事业单位基本养老保险缴费支出", "支出总计"),
the column's printed header, the place in the file ("PDF 第 12 页", "第 40 行").
``finding_rows(d, findings)`` resolves them against the disclosure the findings are about and
gives one ``FindingRow`` per finding — the row of the findings sheet, and the wording of the
text and HTML reports.

Page numbers: a page that prints its number (a footer "- 7 -", "第7页") is named by it
("第 7 页", ``Source.printed_page``: the page a person turns to in the printed document); a
page that prints none by the PDF's own page ("PDF 第 9 页").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.checks.values import col_label, kind_label, row_key, row_label, table_label
from cnbudget.document import Source
from cnbudget.model import Disclosure, Finding, Meta, Table

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
KIND_ZH = {"budget": "预算", "final": "决算"}
SCOPE_ZH = {"unit": "本级", "consolidated": "汇总"}

# Chinese words for the ids a row or column may be named by when the table itself does not
# print the row (a claim about a figure the table lacks) — DESIGN.md's vocabulary.
ID_WORDS: dict[str, str] = {
    "total": "合计", "grand_total": "总计", "current_total": "本年合计", "basic": "基本支出",
    "personnel": "人员经费", "public": "公用经费", "wages": "工资福利支出",
    "household": "对个人和家庭的补助", "goods_services": "商品和服务支出", "capital": "资本性支出",
    "project": "项目支出", "project_operating": "其他运转类项目", "project_specific": "特定目标类项目",
    "general_budget": "一般公共预算", "fiscal": "财政拨款", "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算", "special_account": "财政专户管理资金", "unit_funds": "单位资金",
    "business": "事业收入", "operating": "经营收入", "superior_subsidy": "上级补助收入",
    "affiliated": "附属单位上缴收入", "other": "其他收入", "carryover": "上年结转",
    "carryover_out": "年末结转和结余", "transfer": "上级转移支付", "remit_superior": "上缴上级支出",
    "operating_expense": "经营支出", "affiliate_subsidy": "对附属单位补助支出", "abroad": "因公出国（境）费",
    "vehicle": "公务用车购置及运行费", "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费", "reception": "公务接待费", "budget": "预算数", "actual": "决算数",
    "meeting": "会议费", "training": "培训费", "initial_budget": "年初预算", "final_budget": "全年预算",
    "executed": "执行数", "execution_rate": "执行率", "weight": "分值", "score": "得分", "quantity": "数量",
    "income": "收入", "expenditure": "支出", "all_total": "合计", "unit": "单位",
    "non_fiscal_surplus": "使用非财政拨款结余", "business_fund": "事业基金弥补收支差额",
    "surplus_distribution": "结余分配", "personnel_total": "人员经费合计", "public_total": "公用经费合计",
    "regular": "经常收入", "nontax": "非税收入", "settlement": "清算收入", "base": "基数供给",
    "other_misc": "其他", "previous": "上年", "change": "增减变化",
    "account_balance": "上年实户资金余额",
}


def id_words(key: str) -> str:
    """``budget.project_2`` → "预算数/项目支出（第2列同名）"; ``c12`` → "第12列"; else the words."""
    parts = []
    for part in key.split("."):
        m = re.fullmatch(r"c(\d+)", part)
        if m:
            parts.append(f"第{m.group(1)}列")
            continue
        m = re.fullmatch(r"([a-z_]+?)_(\d+)", part)
        if m and m.group(1) in ID_WORDS:
            parts.append(f"{ID_WORDS[m.group(1)]}（第{m.group(2)}个同名列）")
            continue
        parts.append(ID_WORDS.get(part, part))
    return "/".join(parts)


def place(source: Source | None, fmt: str = "") -> str:
    """Where to look: "第 7 页" (as printed), "PDF 第 9 页", "第 40 行", "Sheet1!B7" ("" when unknown)."""
    if source is None:
        return ""
    if source.sheet:
        return f"{source.sheet}!{source.cell}" if source.cell else source.sheet
    if source.printed_page is not None:
        return f"第 {source.printed_page} 页"
    if source.page is not None:
        return f"PDF 第 {source.page} 页" if fmt in ("pdf", "") else f"第 {source.page} 页"
    if source.line is not None:
        return f"第 {source.line} 行"
    return ""


def _tables(d: Disclosure | None, kind: str | None) -> list[Table]:
    if d is None or not kind:
        return []
    return d.tables_of(kind)


def _find_row_label(tables: Sequence[Table], key: str) -> str | None:
    for t in tables:
        for r in t.rows:
            if row_key(r) == key or r.code == key or (r.item == key and (r.side is None or key != "total")):
                if r.side and r.item and not r.is_total:
                    return (r.name or "").strip() or id_words(r.item)
                return row_label(r)
    return None


def printed_row(d: Disclosure | None, f: Finding) -> str:
    """The row as the table prints it ("2080505 机关事业单位基本养老保险缴费支出", "支出总计")."""
    if not f.row:
        return ""
    found = _find_row_label(_tables(d, f.table), f.row)
    if found:
        return found
    side, _, item = f.row.partition(".")
    if item and side in ("income", "expenditure"):
        return f"{ID_WORDS[side]}方 {id_words(item)}"
    if re.fullmatch(r"[0-9]+", f.row):
        return f.row
    return id_words(f.row) if re.fullmatch(r"[a-z0-9_.]+", f.row) else f.row


def printed_column(d: Disclosure | None, f: Finding) -> str:
    """The column's printed header ("本年支出合计"), else the words for its id."""
    if not f.column:
        return ""
    for t in _tables(d, f.table):
        label = col_label(t, f.column)
        if label != f.column:
            return label
    return id_words(f.column)


def table_name(d: Disclosure | None, kind: str | None) -> str:
    """The table's Chinese label with its printed number ("收入表(公开02表)"); "全文" for none."""
    if not kind:
        return "全文"
    tables = _tables(d, kind)
    return table_label(tables[0]) if tables else kind_label(kind)


_ENGLISH_TAIL = re.compile(r"\s+— (?=[A-Za-z0-9(])(?=[^—]*[A-Za-z]{3})[^—]*$")
_ID_TOKEN = re.compile(r"(?<![A-Za-z0-9_])([a-z][a-z0-9_]*(?:[./][a-z][a-z0-9_]*)*)(?![A-Za-z0-9_])")


def plain_message(f: Finding, d: Disclosure | None = None) -> str:
    """The finding's message for people: Chinese only, ids replaced by printed words.

    The English gloss after " — " (which repeats ids) is left to the JSON output; a column id
    inside the text becomes the table's printed header, other ids their Chinese words.
    """
    msg = _ENGLISH_TAIL.sub("", f.message)
    tables = _tables(d, f.table)

    def word(m: re.Match[str]) -> str:
        token = m.group(1)
        if token.count("/") == 1:  # row/column, as "表中未找到 total/general_budget" names a cell
            row, col = (_word(p, tables).strip("“”") for p in token.split("/"))
            return f"“{row}”行“{col}”列"
        return _word(token, tables)

    return _ID_TOKEN.sub(word, msg)


def _word(token: str, tables: Sequence[Table]) -> str:
    if not re.search(r"_\d+$", token):  # "total_2": a second column of the same name, not its label
        for t in tables:
            label = col_label(t, token)
            if label != token:
                return f"“{label}”"
    parts = token.split(".")
    if all(p in ID_WORDS or re.fullmatch(r"c\d+", p) or
           (re.fullmatch(r"([a-z_]+?)_\d+", p) and p.rsplit("_", 1)[0] in ID_WORDS) for p in parts):
        return id_words(token)
    return token


@dataclass(frozen=True)
class FindingRow:
    """One finding as an auditor forwards it (a row of the findings sheet)."""

    document: str
    department: str
    year: int | None
    table: str
    page: str
    row: str
    column: str
    printed: Decimal | None
    expected: Decimal | None
    difference: Decimal | None
    rule: str
    severity: str  # 错误 / 警告 / 提示
    message: str
    sentence: str
    severity_id: str = "info"  # error / warning / info (for filters and styles)

    HEADERS = ("文件", "部门", "年度", "表", "页", "行", "列", "印刷数", "应为", "差额",
               "规则", "级别", "说明", "原文")

    def cells(self) -> tuple[object, ...]:
        return (self.document, self.department, self.year, self.table, self.page, self.row, self.column,
                self.printed, self.expected, self.difference, self.rule, self.severity, self.message,
                self.sentence)


def finding_row(f: Finding, d: Disclosure | None, document: str, meta: Meta | None = None,
                fmt: str = "") -> FindingRow:
    meta = meta or (d.meta if d is not None else Meta())
    diff = f.actual - f.expected if f.actual is not None and f.expected is not None else None
    return FindingRow(
        document=document,
        department=meta.department or "",
        year=meta.year,
        table=table_name(d, f.table),
        page=place(f.source, fmt or (d.format if d is not None else "")),
        row=printed_row(d, f),
        column=printed_column(d, f),
        printed=f.actual,
        expected=f.expected,
        difference=diff,
        rule=f.rule,
        severity=SEVERITY_ZH.get(f.severity, f.severity),
        message=plain_message(f, d),
        sentence=f.text or "",
        severity_id=f.severity,
    )


def finding_rows(d: Disclosure | None, findings: Iterable[Finding], document: str | None = None) -> list[FindingRow]:
    """One ``FindingRow`` per finding, labels resolved against ``d`` (the checked disclosure)."""
    name = document if document is not None else (d.file if d is not None else "")
    return [finding_row(f, d, name) for f in findings]


def describe(meta: Meta) -> str:
    """"濮阳市医疗保障局 2024年 预算（本级）" — the document in one line."""
    parts = [meta.department or "（部门未识别）"]
    if meta.year:
        parts.append(f"{meta.year}年")
    kind = KIND_ZH.get(meta.kind or "", "")
    scope = SCOPE_ZH.get(meta.scope or "", "")
    if kind:
        parts.append(kind + (f"（{scope}）" if scope else ""))
    return " ".join(parts)
