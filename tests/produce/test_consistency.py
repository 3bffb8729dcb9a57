"""Inconsistent input is refused with a message listing what disagrees."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest

from cnbudget.produce.build import produce
from cnbudget.produce.consistency import InconsistentInput, ensure_consistent, verify
from cnbudget.produce.derive import derive_disclosure
from cnbudget.produce.load_json import BadJson, loads
from cnbudget.serialize import disclosure_to_json, dumps


def _bump(d, kind, code, column, delta):
    tables = []
    for t in d.tables:
        if t.kind == kind:
            rows = tuple(dataclasses.replace(r, values={**r.values, column: r.values[column] + delta})
                         if r.code == code else r for r in t.rows)
            t = dataclasses.replace(t, rows=rows)
        tables.append(t)
    return dataclasses.replace(d, tables=tuple(tables))


def test_typed_class_total_disagreeing_with_its_items_is_listed(example):
    d = _bump(derive_disclosure(example.build_input()), "expenditure", "201", "total", Decimal("1.00"))
    found = {(f.rule, f.table, f.row, f.column) for f in verify(d)}
    assert ("sum.columns", "expenditure", "201", "total") in found
    assert ("sum.hierarchy", "expenditure", "201", "total") in found  # the class against its items
    with pytest.raises(InconsistentInput) as e:
        ensure_consistent(d)
    assert "expenditure 201 total" in str(e.value)


def test_rounding_only_difference_is_not_an_error(example):
    d = _bump(derive_disclosure(example.build_input()), "expenditure", "201", "total", Decimal("0.004"))
    assert not [f for f in verify(d) if f.row == "201"]


def test_render_refuses_inconsistent_json(example, tmp_path):
    d = _bump(derive_disclosure(example.build_input()), "basic_expenditure", "30101", "total", Decimal("5.00"))
    path = tmp_path / "bad.json"
    path.write_text(dumps(disclosure_to_json(d)), encoding="utf-8")
    with pytest.raises(InconsistentInput):
        produce(path)


def test_json_loader_inverts_serialize(example):
    d = derive_disclosure(example.build_input(), file="x.txt")
    back = loads(dumps(disclosure_to_json(d)))
    assert [t.kind for t in back.tables] == [t.kind for t in d.tables]
    for a, b in zip(d.tables, back.tables, strict=True):
        assert a.rows == b.rows
        assert a.columns == b.columns
    assert back.meta == d.meta
    assert json.loads(dumps(disclosure_to_json(back))) == json.loads(dumps(disclosure_to_json(d)))


def test_json_keeps_where_a_carried_cell_goes_on(example):
    from cnbudget.document import Source

    d = derive_disclosure(example.build_input(), file="x.txt")
    t = d.tables[0]
    row = dataclasses.replace(t.rows[0], texts={"说明": "上半，"}).carried_on({"说明": "下半。"}, Source(page=2))
    d = dataclasses.replace(d, tables=(dataclasses.replace(t, rows=(row, *t.rows[1:])), *d.tables[1:]))
    back = loads(dumps(disclosure_to_json(d)))
    assert back.tables[0].rows[0].breaks == (("说明", 3, Source(page=2)),)


@pytest.mark.parametrize("printed", ["NaN", "Infinity", "12万", "1,2,3"])
def test_json_with_a_figure_that_is_no_number_is_refused_with_its_text(example, printed):
    obj = disclosure_to_json(derive_disclosure(example.build_input(), file="x.txt"))
    row = next(r for t in obj["tables"] for r in t["rows"] if r.get("values"))
    row["values"][next(iter(row["values"]))] = printed
    with pytest.raises(BadJson) as e:
        loads(json.dumps(obj, ensure_ascii=False), file="bad.json")
    assert printed in str(e.value) and "bad.json" in str(e.value)


def _documents():
    from pathlib import Path

    shared = Path(__file__).resolve().parents[2].parent / "shared"
    return sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "real").glob("*.pdf"))


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_check_and_render_give_one_verdict(path, tmp_path):
    """A document ``check`` finds no error in about its figures renders; one ``render`` refuses
    is refused for findings ``check`` shows (issue: one verdict)."""
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file

    d = parse_file(path)
    shown = {(f.rule, f.table, f.row, f.column) for f in check_disclosure(d).findings if f.severity == "error"}
    try:
        produce(path)
    except InconsistentInput as e:
        refused = {(f.rule, f.table, f.row, f.column) for f in e.findings}
        assert refused and refused <= shown
        return
    assert not verify(d)
