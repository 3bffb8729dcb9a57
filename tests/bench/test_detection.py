"""bench/detection.py: locating printed figures, the mutations, and a small harness run."""

from __future__ import annotations

import random
from decimal import Decimal

from bench import detection as det
from bench.common import load_key
from tests.conftest import seed_path


def test_figures_are_found_with_their_print_style():
    line = "一、一般公共预算\t1,942.11\t（12.50）\t2080505\t0"
    figs = det.figures(line)
    assert [f.value for f in figs] == ["1942.11", "-12.50", "2080505", "0"]
    assert line[figs[0].start:figs[0].end] == "1,942.11" and figs[0].grouped
    assert line[figs[1].start:figs[1].end] == "（12.50）"


def test_locate_follows_the_key_order_on_repeated_values():
    line = "合计\t644.06\t644.06\t0.00\t644.06"
    spots = det.locate(line, ["644.06", "644.06", "0.00", "644.06", "9.99"])
    assert [s.start if s else None for s in spots[:4]] == [line.index("644.06"), 10, 17, 22]
    assert spots[4] is None


def test_each_mutation_changes_the_value_and_keeps_the_style():
    p = det.figures("x\t1,942.11")[0]
    rng = random.Random(1)
    for kind in ("digit", "transpose", "shift"):
        text, value = det.MUTATORS[kind](p, rng)
        assert Decimal(value) != Decimal("1942.11")
        assert text.replace(",", "") == value
        if kind != "shift":
            assert len(value) == len("1942.11") and "," in text
    text, value = det.mutate_shift(det.figures("a\t644.06")[0], random.Random(0))
    assert value in ("6440.6", "64.406")
    assert det.mutate_shift(det.figures("a\t0.00")[0], rng) is None
    assert det.mutate_transpose(det.figures("a\t11.11")[0], rng) is None


def test_mutants_are_deterministic_and_touch_one_figure():
    path = seed_path("000")
    text, key = path.read_text(encoding="utf-8"), load_key(path)
    first = det.mutants("000", text, key, per_type=3)
    again = det.mutants("000", text, key, per_type=3)
    assert [m.text for m in first] == [m.text for m in again]
    assert {m.type for m in first} == set(det.TYPES)
    lines = text.splitlines()
    for m in first:
        changed = [i for i, (a, b) in enumerate(zip(lines, m.text.splitlines(), strict=True)) if a != b]
        assert len(changed) == (2 if m.type == "swap" else 1)
        assert all(c[0][0] in {k["table"] for k in key} for c in [m.changes[0]])


def test_harness_on_one_seed_and_the_example(tmp_path):
    seed = seed_path("001")
    res = det.measure(per_type=2, seeds=[seed], with_example=True)
    landed = [o for o in res.outcomes if o.landed]
    assert len(res.outcomes) == 16 and len(landed) >= 12
    assert sum(o.caught for o in landed) >= len(landed) // 2
    example = next(b for b in res.baselines if b.doc == "example")
    assert example.summary["error"] == 0
    md = det.markdown(res)
    assert "| digit |" in md and "checks clean" in md
