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


def scaled_input(factor: int):
    """The example's budget input with ``factor`` times its function lines.

    Copy 0 is the example itself; each further copy repeats every function line (and the
    projects booked on it) under a fresh 项 code from the official catalog, valid in the
    example's year.  The economic lines are multiplied by ``factor`` so that the basic
    expenditure still adds up: the scaled document is as consistent as the example.
    """
    from dataclasses import replace

    from cnbudget.codes.catalog import entries, function_code

    mx = example_module()
    inp = mx.build_input()
    if factor == 1:
        return inp
    year = inp.meta.year
    used = {fl.code for fl in inp.function_lines}
    fresh = [e.code for e in entries(year=year) if e.level == "项" and e.code not in used]
    need = (factor - 1) * len(inp.function_lines)
    if len(fresh) < need:
        raise ValueError(f"the catalog has {len(fresh)} fresh 项 codes, {need} needed for ×{factor}")
    lines = list(inp.function_lines)
    projects = list(inp.projects)
    names = dict(inp.class_names)
    it = iter(fresh)
    for copy in range(2, factor + 1):
        mapping = {}
        for fl in inp.function_lines:
            code = next(it)
            mapping[fl.code] = code
            entry = function_code(code, year)
            lines.append(replace(fl, code=code, name=entry.name if entry else fl.name))
            for c in (code[:3], code[:5], code):
                e = function_code(c, year)
                if e is not None:
                    names.setdefault(c, e.name)
        projects += [replace(p, name=f"{p.name}（{copy}）", function_code=mapping.get(p.function_code or ""))
                     for p in inp.projects]
    economic = tuple(replace(e, amount=e.amount * factor) for e in inp.economic_lines)
    return replace(inp, function_lines=tuple(sorted(lines, key=lambda fl: fl.code)), economic_lines=economic,
                   projects=tuple(projects), class_names=names)


def write_scaled(outdir: Path, factor: int) -> Path:
    """The example with ``factor`` times its function rows, as text, in ``outdir``."""
    from cnbudget.produce.derive import derive_disclosure
    from cnbudget.produce.document import assemble
    from cnbudget.render.text import render_text

    mx = example_module()
    inp = scaled_input(factor)
    produced = assemble(derive_disclosure(inp, file=mx.FILE_NAME), facts=inp.facts, previous=inp.previous)
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / f"x{factor}_{mx.FILE_NAME}"
    path.write_text(render_text(produced), encoding="utf-8")
    return path
