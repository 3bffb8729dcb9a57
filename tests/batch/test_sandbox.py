"""``batch.sandbox``: one call in a child process with a time and memory budget, dying with its
parent; every way a child can fail becomes one error for that call."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cnbudget.batch.sandbox import Budget, WorkerDied, run, run_many
from cnbudget.errors import CnbudgetError
from cnbudget.limits import LimitExceeded
from tests.batch import sandbox_helpers as h

BUDGET = Budget(seconds=20, memory_bytes=1024 << 20)


def test_a_result_comes_back():
    assert run(h.double, 21, budget=BUDGET) == 42


def test_past_the_memory_budget_the_call_fails_alone():
    with pytest.raises(LimitExceeded) as e:
        run(h.allocate, 2048, name="big.xlsx", budget=BUDGET)  # 2 GB against 1 GB
    assert e.value.limit == "worker_memory_bytes" and e.value.file == "big.xlsx"
    assert run(h.allocate, 64, budget=BUDGET) == 64  # within the budget


def test_past_the_time_budget_the_child_is_killed():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="worker_seconds"):
        run(h.sleep, 60, name="slow.pdf", budget=Budget(seconds=0.5, memory_bytes=BUDGET.memory_bytes))
    assert time.monotonic() - started < 5


def test_user_errors_crashes_and_bugs_each_become_one_error():
    with pytest.raises(CnbudgetError) as e:
        run(h.refuse, budget=BUDGET)
    assert str(e.value) == "a.txt:第3行: 不是公开文件"
    with pytest.raises(LimitExceeded) as e:
        run(h.over_limit, budget=BUDGET)
    assert e.value.limit == "span" and "跨列过多" in str(e.value)
    with pytest.raises(WorkerDied, match="exit code 9"):
        run(h.crash, name="x", budget=BUDGET)
    with pytest.raises(WorkerDied, match="ValueError: bug"):
        run(h.fail, name="x", budget=BUDGET)


def test_many_calls_at_once_each_with_its_own_outcome():
    items = [("a", (1,)), ("b", (2,)), ("c", (3,))]
    out = {name: (result, error) for name, result, error in run_many(h.double, items, 2, BUDGET)}
    assert out == {"a": (2, None), "b": (4, None), "c": (6, None)}


def test_children_die_with_their_parent(tmp_path: Path):
    pid_file = tmp_path / "child.pid"
    script = textwrap.dedent(f"""
        import sys
        sys.path[:0] = {sys.path!r}
        from cnbudget.batch.sandbox import Budget, run
        from tests.batch.sandbox_helpers import sleep
        run(sleep, 60, {str(pid_file)!r}, budget=Budget(120, 1 << 30))
    """)
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 20
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline, "the child never started"
            time.sleep(0.05)
        child = int(pid_file.read_text())
        parent.kill()  # SIGKILL: no cleanup code runs in the parent
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(child):
            assert time.monotonic() < deadline, "the child outlived its parent"
            time.sleep(0.05)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # pragma: no cover
        return os.path.exists(f"/proc/{pid}")
