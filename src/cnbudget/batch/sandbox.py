"""One file's work in a child process with a wall-clock and a memory budget.

A file that takes the reader into a native crash, an endless loop or a huge allocation must
cost one failed file, never the batch or the web server.  So each file is parsed in its own
child process (forked from a ``forkserver`` that has the parser preloaded, a few milliseconds
each):

- memory: the child sets ``RLIMIT_AS`` to ``Limits.worker_memory_bytes`` before it starts; an
  allocation past it is a ``MemoryError`` (or, in native code, the child's death) — reported
  as the file's failure;
- time: the parent kills the child at ``Limits.worker_seconds`` (and ``RLIMIT_CPU`` backs that
  up inside the child);
- no orphans: the child dies with its parent — ``PR_SET_PDEATHSIG`` (Linux) on the forkserver's
  death, and a thread that waits on a pipe only the parent holds open, whichever comes first.

``run(fn, *args)`` runs one call and returns its result or raises (``CnbudgetError`` for the
call's own user errors, ``LimitExceeded`` past a budget, ``WorkerDied`` for a crash);
``run_many(fn, items, workers)`` yields ``(item, result, error)`` as the children finish, at
most ``workers`` at a time.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from cnbudget.errors import CnbudgetError
from cnbudget.limits import LimitExceeded, Limits
from cnbudget.limits import current as current_limits

PRELOAD = ["cnbudget.parse", "cnbudget.checks", "cnbudget.batch.work"]


class WorkerDied(CnbudgetError):
    """The child process ended without an answer (a native crash, or killed)."""


@dataclass(frozen=True)
class Budget:
    seconds: float
    memory_bytes: int

    @classmethod
    def of(cls, limits: Limits | None = None) -> Budget:
        limits = limits or current_limits()
        return cls(limits.worker_seconds, limits.worker_memory_bytes)


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


# ---------------------------------------------------------------------------------------------
# In the child


def _die_with_parent(lifeline: Connection) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the forkserver's death ends us
        except (OSError, AttributeError):  # pragma: no cover - not glibc
            pass

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv()  # nothing is ever sent: this returns only when the parent is gone
        os._exit(70)

    threading.Thread(target=watch, daemon=True, name="cnbudget-lifeline").start()


def _set_budget(budget: Budget) -> None:
    import resource

    if budget.memory_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (budget.memory_bytes, budget.memory_bytes))
    if budget.seconds > 0:
        cpu = int(budget.seconds) + 5  # the parent's wall clock comes first; this is a backstop
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _child(conn: Connection, lifeline: Connection, budget: Budget, fn: Callable[..., Any], args: tuple) -> None:
    _die_with_parent(lifeline)
    try:
        _set_budget(budget)
        answer: tuple = ("ok", fn(*args))
    except MemoryError:
        answer = ("memory", None)
    except CnbudgetError as e:
        answer = ("error", (type(e).__name__, e.reason, e.file, e.place, getattr(e, "limit", None),
                            getattr(e, "value", None)))
    except BaseException as e:  # noqa: BLE001 - any failure is the file's, reported as such
        answer = ("crash", f"{type(e).__name__}: {e}")
    try:
        conn.send(answer)
    except MemoryError:
        conn.send(("memory", None))
    conn.close()


# ---------------------------------------------------------------------------------------------
# In the parent


@dataclass
class _Job:
    item: Any
    process: Any
    conn: Connection
    lifeline: Connection
    deadline: float

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
        self.lifeline.close()
        self.process.close()


def _start(ctx, fn: Callable[..., Any], args: tuple, item: Any, budget: Budget) -> _Job:
    parent_end, child_end = ctx.Pipe(duplex=False)
    life_r, life_w = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child_end, life_r, budget, fn, args), daemon=True,
                          name="cnbudget-worker")
    process.start()
    child_end.close()
    life_r.close()
    deadline = time.monotonic() + budget.seconds if budget.seconds > 0 else float("inf")
    return _Job(item, process, parent_end, life_w, deadline)


def _answer(job: _Job, name: str, budget: Budget) -> tuple[Any, CnbudgetError | None]:
    """The child's answer (it has one, or it is dead, or its time is up)."""
    try:
        if job.conn.poll():
            kind, value = job.conn.recv()
        else:
            kind, value = ("timeout", None) if time.monotonic() >= job.deadline else ("died", None)
    except (EOFError, OSError):
        kind, value = ("died", None)
    if kind == "died":
        job.process.join(1)
    code = job.process.exitcode
    job.stop()
    if kind == "ok":
        return value, None
    if kind == "error":
        cls_name, reason, file, place, limit, setting = value
        if cls_name == "LimitExceeded":
            err: CnbudgetError = LimitExceeded(limit, setting, "", file=file, place=place)
            err.reason = reason
            return None, err
        return None, CnbudgetError(reason, file=file, place=place)
    if kind == "timeout":
        return None, LimitExceeded("worker_seconds", budget.seconds, f"读取超过 {budget.seconds:g} 秒仍未完成",
                                   file=name)
    if kind == "memory":
        return None, LimitExceeded("worker_memory_bytes", budget.memory_bytes, "读取所需内存超过限制", file=name)
    if kind == "crash":
        return None, WorkerDied(f"读取时出错 (internal error: {value})", file=name)
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    hint = "，可能超出内存限制 (possibly the memory budget)" if code in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT) else ""
    return None, WorkerDied(f"读取时工作进程崩溃 (the worker crashed on this file: {how}){hint}", file=name)


def run(fn: Callable[..., Any], *args: Any, name: str = "", budget: Budget | None = None) -> Any:
    """``fn(*args)`` in a child process within ``budget``; its result, or the error it stands for."""
    for _item, result, error in run_many(fn, [(name, args)], 1, budget):
        if error is not None:
            raise error
        return result
    raise WorkerDied("工作进程没有返回结果 (no result)", file=name)  # pragma: no cover


def run_many(fn: Callable[..., Any], items: Iterable[tuple[str, tuple]], workers: int,
             budget: Budget | None = None) -> Iterator[tuple[str, Any, CnbudgetError | None]]:
    """``fn(*args)`` for each ``(name, args)``, at most ``workers`` children at once; yields
    ``(name, result, error)`` in completion order.  Closing the iterator kills the children."""
    budget = budget or Budget.of()
    ctx = _context()
    pending = iter(items)
    running: dict[Any, _Job] = {}
    try:
        while True:
            while len(running) < max(1, workers):
                nxt = next(pending, None)
                if nxt is None:
                    break
                name, args = nxt
                job = _start(ctx, fn, args, name, budget)
                running[job.conn] = job
            if not running:
                return
            timeout = max(0.0, min(j.deadline for j in running.values()) - time.monotonic())
            sentinels = {j.process.sentinel: j for j in running.values()}
            ready = wait(list(running) + list(sentinels), timeout=min(timeout, 3600))
            done: dict[Connection, _Job] = {}
            for r in ready:
                job = running.get(r) or sentinels.get(r)  # type: ignore[call-overload]
                if job is not None:
                    done[job.conn] = job
            now = time.monotonic()
            for job in list(running.values()):
                if job.deadline <= now:
                    done[job.conn] = job
            for conn, job in done.items():
                del running[conn]
                result, error = _answer(job, job.item, budget)
                yield job.item, result, error
    finally:
        for job in running.values():
            job.stop()
