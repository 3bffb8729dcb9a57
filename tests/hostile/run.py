"""Run the CLI on one hostile case in a subprocess: exit code, output, wall time, peak memory.

The child gets an address-space limit (``RLIMIT_AS``) so a regression fails the test instead of
taking the machine; its peak resident memory comes from ``wait4``'s rusage (that child alone).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.hostile.cases import Case

SRC = Path(__file__).resolve().parents[2] / "src"


@dataclass(frozen=True)
class Result:
    code: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


def run_case(case: Case, folder: Path, *, src: Path = SRC, memory_mb: int | None = 2048,
             timeout: float = 10.0, python: str = sys.executable) -> Result:
    path = case.make(folder)
    args = [a.replace("{file}", str(path)) for a in case.command]
    if "{file}" not in " ".join(case.command) and "--db" not in case.command:
        args.append(str(path))
    env = {**os.environ, "PYTHONPATH": str(src), **case.env}

    def limit() -> None:  # in the child, before exec
        if memory_mb:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen([python, "-m", "cnbudget.cli", *args], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=env, cwd=folder, preexec_fn=limit)
        code: int | None = None
        rusage = None
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - started > timeout:
                proc.kill()
                _, _, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = code if code is not None else -9  # reaped above: keep Popen from waiting again
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return Result(code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), seconds,
                      rusage.ru_maxrss / 1024)
