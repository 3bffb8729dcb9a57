"""bench/speed.py, bench/memory.py and the scaled example of bench/common.py."""

from __future__ import annotations

from bench import memory, speed
from bench.common import Spread, scaled_input, write_scaled
from tests.conftest import seed_path


def test_spread_summarises_a_series():
    s = Spread((0.2, 0.1, 0.4, 0.3, 0.5))
    assert s.median == 0.3 and (s.min, s.max) == (0.1, 0.5)
    assert s.fmt(1000, 0) == "300 (100–500)"
    assert s.rate(6, 0) == "20 (12–60)"


def test_timed_runs_the_function_the_given_number_of_times():
    calls = []
    s = speed.timed(lambda: calls.append(1), rounds=4, warmup=1)
    assert len(calls) == 5 and len(s.values) == 4


def test_seed_speed_covers_parse_and_check():
    sp = speed.seeds_speed(rounds=1, seeds=[seed_path("000")])
    assert set(sp.parse) == set(sp.check) == {"000"} and sp.lines["000"] > 100
    assert "| 000 |" in speed.seeds_markdown(sp)


def test_scaled_example_stays_consistent(tmp_path):
    base, scaled = scaled_input(1), scaled_input(3)
    assert len(scaled.function_lines) == 3 * len(base.function_lines)
    assert len({fl.code for fl in scaled.function_lines}) == len(scaled.function_lines)
    assert len(scaled.projects) == 3 * len(base.projects)
    g = speed.growth(tmp_path, factors=(1, 3), rounds=1)
    assert g[1].rows >= g[0].rows + 2 * len(base.function_lines)
    assert [x.findings["error"] for x in g] == [0, 0]


def test_readers_read_the_example_like_its_text(tmp_path):
    rs, pages = speed.readers_speed(tmp_path, rounds=1, with_pdf=False)
    assert pages is None
    formats = {r.fmt.split()[0] for r in rs}
    assert {"text", "html", "docx", "xlsx"} <= formats
    for r in rs:
        assert r.accuracy[0] == r.accuracy[1] > 100, r.fmt


def test_memory_is_measured(tmp_path):
    path = write_scaled(tmp_path, 1)
    traced = memory.traced_peak(path)
    assert traced["parse"] > 0 and traced["check"] > 0
    rss = memory.subprocess_rss(path)
    assert rss["maxrss"] >= rss["import"] > 10 * 2**20
