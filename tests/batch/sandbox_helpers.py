"""Functions run in sandbox children by ``test_sandbox`` (importable by the forkserver)."""

from __future__ import annotations

import os
import time

from cnbudget.errors import CnbudgetError
from cnbudget.limits import LimitExceeded


def double(x: int) -> int:
    return 2 * x


def allocate(mb: int) -> int:
    blocks = [bytearray(1 << 20) for _ in range(mb)]
    return len(blocks)


def sleep(seconds: float, pid_file: str | None = None) -> None:
    if pid_file:
        with open(pid_file, "w") as fh:
            fh.write(str(os.getpid()))
    time.sleep(seconds)


def refuse() -> None:
    raise CnbudgetError("不是公开文件", file="a.txt", place="第3行")


def over_limit() -> None:
    raise LimitExceeded("span", 1000, "跨列过多", file="a.docx")


def crash() -> None:
    os._exit(9)


def fail() -> None:
    raise ValueError("bug")
