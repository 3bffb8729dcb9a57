"""What the benchmark modules share: where the inputs are, the fictional example, and how a
series of measurements is summarised (median with its spread).

The seeds and the real PDFs are read in place from ``../shared``; nothing is copied.
"""

from __future__ import annotations

import importlib.util
import json
import platform
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REAL = SHARED / "real"
KEYS = ROOT / "bench" / "keys"
EXAMPLES = ROOT / "examples"


def seed_files() -> list[Path]:
    """The seed documents, in name order (empty when ``../shared/seeds`` is absent)."""
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def seed_id(path: Path) -> str:
    """"000" for ``000_5ff98a3b65e2d092.txt``."""
    return path.name.split("_")[0]


def load_key(path: Path) -> list[dict[str, object]]:
    """The cell key of a seed (``bench/keys/<id>.json``, see ``bench/keys.py``)."""
    return json.loads((KEYS / f"{seed_id(path)}.json").read_text(encoding="utf-8"))


def example_module() -> ModuleType:
    """``examples/make_example.py`` as a module (it is a script, not a package)."""
    name = "make_example"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / "make_example.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def write_example(outdir: Path) -> Path:
    """Write the fictional example's text into ``outdir``; returns its path."""
    from cnbudget.render.text import render_text

    mx = example_module()
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / mx.FILE_NAME
    path.write_text(render_text(mx.build()), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Spread:
    """A series of measurements: median, quartiles and extremes."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def max(self) -> float:
        return max(self.values)

    @property
    def iqr(self) -> tuple[float, float]:
        if len(self.values) < 4:
            return self.min, self.max
        q = statistics.quantiles(self.values, n=4, method="inclusive")
        return q[0], q[2]

    def fmt(self, scale: float = 1.0, digits: int = 1) -> str:
        """``median (min–max)`` of the values times ``scale``."""
        m, lo, hi = self.median * scale, self.min * scale, self.max * scale
        return f"{m:.{digits}f} ({lo:.{digits}f}–{hi:.{digits}f})"

    def rate(self, count: float, digits: int = 1) -> str:
        """``count / value`` as ``median (min–max)``: a throughput from durations."""
        m, fast, slow = count / self.median, count / self.min, count / self.max
        return f"{m:.{digits}f} ({slow:.{digits}f}–{fast:.{digits}f})"


def machine() -> dict[str, str]:
    """nproc, CPU model, memory and Python version of this machine."""
    import os

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def pct(n: int, d: int) -> str:
    """``n/d`` as a percentage with the counts (``"98.2% (271/276)"``)."""
    return f"{n / d:.1%} ({n}/{d})" if d else "n/a (0)"
