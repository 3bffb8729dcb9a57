"""The narrative of the five seed disclosures (../shared/seeds): figures checked by reading them."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from cnbudget.model import Claim, Meta, Ref
from cnbudget.narrative import extract_claims, extract_meta, extract_sections
from cnbudget.readers import read_document

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@cache
def _read(prefix: str) -> tuple[Meta, tuple[Claim, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"种子文档目录不存在 (seed folder {SEEDS} is absent)")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    doc = read_document(path)
    meta = extract_meta(doc, [])
    return meta, tuple(extract_claims(doc, [], meta))


def meta_of(prefix: str) -> Meta:
    return _read(prefix)[0]


def claims_of(prefix: str) -> dict[int, Claim]:
    return {c.id: c for c in _read(prefix)[1]}


def find(claims: dict[int, Claim], kind: str, value: str, line: int | None = None) -> Claim:
    found = [c for c in claims.values() if c.kind == kind and c.value == Decimal(value)
             and (line is None or c.source.line == line)]
    assert len(found) == 1, f"{kind} {value} at line {line}: {len(found)} found"
    return found[0]


def test_seed_000_anyang_budget_meta():
    meta = meta_of("000")
    assert (meta.department, meta.region, meta.year, meta.kind, meta.scope, meta.unit) == (
        "安阳市医疗保障局", "安阳市", 2024, "budget", "unit", "万元")


def test_seed_000_decrease_with_three_components():
    cs = claims_of("000")
    change = find(cs, "change", "1.32", line=87)
    assert change.direction == -1
    assert change.refers_to == Ref("summary", "grand_total", "total")
    parts = [cs[change.related[f"component_{n}"]] for n in (1, 2, 3)]
    assert [(p.value, p.direction) for p in parts] == [
        (Decimal("27"), -1), (Decimal("9.35"), -1), (Decimal("35.05"), 1)]
    assert find(cs, "rate", "0.2", line=87).related["change"] == change.id


def test_seed_000_section_context():
    cs = claims_of("000")
    assert find(cs, "amount", "565.06", line=95).refers_to == Ref("expenditure", "total", "basic")
    assert find(cs, "amount", "565.06", line=103).refers_to == Ref("general_expenditure", "total", "basic")
    assert find(cs, "amount", "565.06", line=107).refers_to == Ref("basic_expenditure", "total", "total")
    assert find(cs, "amount", "460.55").refers_to == Ref("basic_expenditure", "total", "personnel")
    operating = find(cs, "amount", "104.51", line=133)
    assert operating.subject == "机关运行经费"
    assert operating.refers_to == Ref("basic_expenditure", "total", "public")
    assert find(cs, "amount", "4", line=111).refers_to == Ref("three_public", "total", "total")


def test_seed_000_nothing_from_duties_glossary_or_tables():
    lines = {c.source.line for c in claims_of("000").values()}
    assert min(lines) == 87 and max(lines) == 145


def test_seed_001_puyang_fiscal_change():
    cs = claims_of("001")
    change = find(cs, "change", "3754.07")
    assert change.direction == -1
    current = cs[change.related["current"]]
    assert current.value == Decimal("1942.11") and current.kind == "amount"
    rate = find(cs, "rate", "66.47")
    assert rate.related["change"] == change.id and rate.direction == -1
    assert change.refers_to == Ref("fiscal_summary", "general_budget", "total")


def test_seed_001_class_shares_and_meta():
    cs = claims_of("001")
    assert find(cs, "amount", "127.67").refers_to == Ref("general_expenditure", "208", "total")
    share = find(cs, "share", "6.57")
    assert cs[share.related["whole"]].value == Decimal("1942.11")
    rate = find(cs, "rate", "5.33")
    assert cs[rate.related["current"]].subject == "机关运行经费"
    meta = meta_of("001")
    assert (meta.year, meta.kind, meta.scope) == (2024, "budget", "consolidated")


def test_seed_002_anyang_final_meta_and_ocr_numbers():
    meta = meta_of("002")
    assert (meta.department, meta.year, meta.kind) == ("安阳市医疗保障局", 2021, "final")
    cs = claims_of("002")
    assert find(cs, "amount", "29.4").unit == "万元"  # "29. 4 万元"
    assert len([c for c in cs.values() if c.kind == "share" and c.source.line == 415]) == 6  # "占 0.%"


def test_seed_002_item_budget_completion():
    cs = claims_of("002")
    actual = find(cs, "amount", "1114.34")
    assert actual.refers_to == Ref("general_expenditure", "2101501", "total")
    share = find(cs, "share", "113.22")
    assert cs[share.related["whole"]].value == Decimal("984.21")
    assert cs[share.related["whole"]].basis == "initial_budget"
    assert find(cs, "amount", "1073.45").refers_to == Ref("basic_expenditure", "personnel_total", "total")
    assert find(cs, "amount", "5.54").refers_to == Ref("three_public", "total", "actual.total")
    assert find(cs, "amount", "8", line=459).refers_to == Ref("three_public", "total", "budget.total")


def test_seed_003_youxian_final():
    meta = meta_of("003")
    assert (meta.region, meta.year, meta.kind) == ("攸县", 2024, "final")
    cs = claims_of("003")
    bare = find(cs, "amount", "660.31", line=379)  # "卫生健康支出660.31，占91.42%"
    assert bare.unit == "万元" and bare.refers_to == Ref("general_expenditure", "210", "total")
    rate = find(cs, "rate", "20.2")
    assert rate.direction == -1 and cs[rate.related["current"]].value == Decimal("96.94")
    unchanged = [c for c in cs.values() if c.kind == "change" and c.direction == 0]
    assert len(unchanged) == 6  # 三公 and each of its items 与上年持平
    # "年初预算为37万元，支出决算为37万元": its (类)(款)(项) line is printed above.
    budget, actual = sorted((c for c in cs.values() if c.source.line == 387 and c.kind == "amount"),
                            key=lambda c: c.id)
    assert (budget.basis, budget.refers_to) == ("initial_budget", None)
    assert actual.refers_to == Ref("general_expenditure", "2080505", "total")


def test_seed_004_suzhou_item_change():
    cs = claims_of("004")
    amount = find(cs, "amount", "99.18")
    change = find(cs, "change", "31.03")
    rate = find(cs, "rate", "31.29")
    assert change.direction == 1 and rate.direction == 1
    assert change.related["current"] == amount.id
    assert rate.related == {"change": change.id, "current": amount.id}
    for c in (amount, change, rate):
        assert c.refers_to == Ref("general_expenditure", "2080505", "total")
    assert "机关事业单位基本养老保险缴费支出(项)" in amount.subject
    assert meta_of("004").region == "宿州市"


def test_seed_004_no_thresholds_or_document_numbers():
    values = {(c.kind, c.value) for c in claims_of("004").values()}
    assert ("amount", Decimal(500)) not in values  # "500 万元以上的项目"
    assert ("count", Decimal(20)) not in values  # "国办发〔2020〕20号"


def test_seed_sections_skip_the_table_of_contents():
    if not SEEDS.is_dir():
        pytest.skip(f"种子文档目录不存在 (seed folder {SEEDS} is absent)")
    (path,) = SEEDS.glob("000_*.txt")
    sections = extract_sections(read_document(path))
    assert sections[0].title.startswith("第一部分") and sections[0].source.line == 45
    assert "一、收入支出预算总体情况说明" in [s.title for s in sections]
