"""Findings for people: printed row / column labels, places and plain messages."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.labels import finding_row, id_words, place, plain_message
from cnbudget.checks.values import fmt_iv
from cnbudget.document import Source
from cnbudget.model import Column, Disclosure, Finding, Meta, Row, Table
from cnbudget.numbers import Interval

SUMMARY = Table(
    kind="summary", title="收支总表", unit="万元", number="表1",
    columns=(Column("total", "预算数"),),
    rows=(
        Row(None, "支出总计", {"total": Decimal("182157.13")}, Source(page=29), side="expenditure", item="grand_total"),
        Row("208", "社会保障和就业支出", {"total": Decimal("5.00")}, Source(page=29), side="expenditure", item="208"),
    ),
    source=Source(page=29),
)
DOC = Disclosure("x.pdf", Meta(department="某局", year=2020, kind="budget"), (SUMMARY,), format="pdf")


def test_row_and_column_are_printed_labels_not_ids():
    f = Finding("summary.balance", "error", "支出方不平 — expenditure side does not balance", table="summary",
                row="expenditure.grand_total", column="total", expected=Decimal("182066.56"),
                actual=Decimal("182157.13"), source=Source(page=29))
    r = finding_row(f, DOC, "x.pdf")
    assert (r.table, r.row, r.column, r.page) == ("收支总表(表1)", "支出总计", "预算数", "PDF 第 29 页")
    assert r.difference == Decimal("90.57") and r.severity == "错误"
    assert r.message == "支出方不平"  # the English gloss (with its ids) stays in the JSON


def test_the_page_is_named_as_printed_when_the_page_prints_its_number():
    f = Finding("summary.balance", "error", "支出方不平", table="summary", row="expenditure.grand_total",
                source=Source(page=29, printed_page="27"))
    assert finding_row(f, DOC, "x.pdf").page == "第 27 页"


def test_a_row_the_table_lacks_is_named_in_words():
    f = Finding("claim.amount", "error", "x", table="summary", row="grand_total")
    assert finding_row(f, None, "x.pdf").row == "总计"
    f = Finding("claim.amount", "error", "x", table="summary", row="income.general_budget")
    assert finding_row(f, None, "x.pdf").row == "收入方 一般公共预算"


def test_ids_inside_messages_become_words():
    f = Finding("verify.could_not_verify", "info", "收入表：无法核验“…”：表中未找到 total/general_budget — could not "
                "verify (claim.amount)", table="income")
    assert plain_message(f) == "收入表：无法核验“…”：表中未找到 “合计”行“一般公共预算”列"
    f = Finding("verify.could_not_verify", "info", "有未识别的列 c12, total_2", table="income")
    assert plain_message(f) == "有未识别的列 第12列, 合计（第2个同名列）"
    assert id_words("budget.project") == "预算数/项目支出"


def test_places():
    assert place(Source(page=9), "pdf") == "PDF 第 9 页"
    assert place(Source(page=9, printed_page="7"), "pdf") == "第 7 页"  # the number the page prints
    assert place(Source(line=40), "text") == "第 40 行"
    assert place(Source(sheet="表1", cell="B7"), "xlsx") == "表1!B7"
    assert place(None) == ""


def test_a_difference_is_one_number():
    assert fmt_iv(Interval(Decimal("90.06"), Decimal("91.08"))) == "90.57"
    assert fmt_iv(Interval(Decimal("-0.50"), Decimal("0.50"))) == "0.00"
