"""The fictional disclosure's modules (``tests/fixtures/formats``), loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

FORMATS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def _load(name: str):
    key = f"cnbudget_fixture_{name}"
    if key in sys.modules:
        return sys.modules[key]
    if str(FORMATS_DIR) not in sys.path:
        sys.path.insert(0, str(FORMATS_DIR))  # build.py imports fictional.py by name
    spec = importlib.util.spec_from_file_location(key, FORMATS_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


build = _load("build")
fictional = build.fx  # the very module build.py writes from
