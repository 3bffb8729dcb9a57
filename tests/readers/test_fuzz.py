"""Fuzzing the readers: mutated seeds and real PDFs end in a reading or a clear refusal.

Every case is made here from the shared documents (bytes flipped, cut short, blocks doubled or
dropped, deterministically).  A case passes when reading it returns a Disclosure or raises a
``CnbudgetError`` (exit 2 at the door); any other exception, a crash of the PDF library or a
case that never ends is a defect.  PDFs are read in a child process, in
batches, so that a crash in native code fails the test instead of ending the run.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REAL, SEEDS

CASES_PER_SEED = 20  # five seeds: 100 text cases
CASES_PER_PDF = 12  # eight PDFs: 96 PDF cases
# Not a speed target (that is bench/): a bound far above any reading, so that only a case that
# never ends fails, on however loaded a machine.
HANG_SECONDS = 120


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    kind = rng.choice(("flip", "cut", "double", "drop"))
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == "cut":
        out = out[: rng.randrange(1, len(out))]
    else:
        a = rng.randrange(len(out))
        b = min(len(out), a + rng.randint(1, 4096))
        out = out[:b] + out[a:b] + out[b:] if kind == "double" else out[:a] + out[b:]
    return bytes(out)


def _cases(src: Path, n: int, folder: Path) -> list[Path]:
    rng = random.Random(src.name)
    data = src.read_bytes()
    paths = []
    for i in range(n):
        p = folder / f"{src.stem}-{i:02d}{src.suffix}"
        p.write_bytes(_mutate(data, rng))
        paths.append(p)
    return paths


_RUNNER = """
import json, sys, time
from cnbudget.errors import CnbudgetError
from cnbudget.parse import parse_file
out = []
for path in sys.argv[1:]:
    t = time.perf_counter()
    try:
        parse_file(path)
        kind = "read"
    except CnbudgetError:
        kind = "refused"
    except Exception as e:  # noqa: BLE001 - the finding of the fuzz
        kind = f"{type(e).__name__}: {e}"
    out.append([path, kind, time.perf_counter() - t])
print(json.dumps(out))
"""


def _run(paths: list[Path]) -> list[tuple[str, str, float]]:
    r = subprocess.run([sys.executable, "-c", _RUNNER, *map(str, paths)], capture_output=True, text=True,
                       timeout=HANG_SECONDS * len(paths))
    assert r.returncode == 0, f"the reader's process died: {r.returncode} {r.stderr[-1500:]}"
    return [tuple(x) for x in json.loads(r.stdout.strip().splitlines()[-1])]


def _check(results: list[tuple[str, str, float]]) -> None:
    bad = [(p, k) for p, k, _ in results if k not in ("read", "refused")]
    hung = [(p, round(s, 1)) for p, _, s in results if s > HANG_SECONDS]
    assert not bad, bad[:5]
    assert not hung, hung[:5]


def test_mutated_seeds_are_read_or_refused(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"{SEEDS} is absent (the seeds live beside the project in ../shared)")
    paths = [p for s in seeds for p in _cases(s, CASES_PER_SEED, tmp_path)]
    _check(_run(paths))


def test_mutated_real_pdfs_are_read_or_refused(tmp_path: Path) -> None:
    pdfs = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []
    if not pdfs:
        pytest.skip(f"{REAL} is absent (the real PDFs live beside the project in ../shared)")
    for pdf in pdfs:
        _check(_run(_cases(pdf, CASES_PER_PDF, tmp_path)))
