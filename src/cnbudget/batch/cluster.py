"""The batch's work on a Dask cluster (``cnbudget ingest … --dask tcp://scheduler:8786``).

Each task gets the file's *content* (``work.process_bytes``), so the workers need cnbudget
installed but not the files; the parent still does every write.  At most ``in_flight`` tasks
are submitted at a time, so a large batch is never all in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cnbudget.batch.work import Outcome, process_bytes
from cnbudget.errors import CnbudgetError


def connect(address: Any):
    """A ``distributed.Client`` for an address (``tcp://host:8786``), a cluster or a client."""
    try:
        from distributed import Client
    except ImportError as e:  # pragma: no cover - dask is a dependency
        raise CnbudgetError("需要安装 dask[distributed] (pip install 'dask[distributed]')", place="--dask") from e
    if isinstance(address, Client):
        return address, False
    try:
        return Client(address, timeout="20s"), True
    except (OSError, TimeoutError) as e:
        raise CnbudgetError(f"无法连接 Dask 调度器 (cannot reach the Dask scheduler: {e})",
                            place=f"--dask {address}") from e


def run_on_dask(address: Any, files: list[tuple[Path, str]], in_flight: int | None = None) -> Iterator[Outcome]:
    """Yield each file's ``Outcome`` as the cluster finishes it (in completion order)."""
    from distributed import as_completed

    client, owned = connect(address)
    try:
        workers = client.scheduler_info().get("workers", {})
        threads = sum(w.get("nthreads", 1) for w in workers.values()) or 1
        limit = in_flight or max(4, 3 * threads)
        pending = iter(files)

        def submit(item: tuple[Path, str]):
            path, _digest = item
            try:
                data = path.read_bytes()
            except OSError as e:
                return None, Outcome(str(path), _digest, 0, error=f"{path}: 无法读取文件 (cannot read: {e.strerror})")
            return client.submit(process_bytes, str(path), data, pure=False), None

        queue = as_completed()
        for item in pending:
            future, failed = submit(item)
            if failed is not None:
                yield failed
                continue
            queue.add(future)
            if queue.count() >= limit:
                break
        for future in queue:
            yield future.result()
            future.release()
            for item in pending:
                nxt, failed = submit(item)
                if failed is not None:
                    yield failed
                    continue
                queue.add(nxt)
                break
    finally:
        if owned:
            client.close()
