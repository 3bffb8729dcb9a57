"""Benchmark: time and peak memory of the CLI on each hostile input (``tests/hostile/cases.py``).

    python bench/bench_hostile.py [--src PATH] [--timeout S] [--memory-mb N]

Each case runs ``cnbudget`` in a subprocess (``tests/hostile/run.py``) with an address-space
limit, so a case that would take the machine is stopped instead; ``--src`` points at another
tree's ``src`` (e.g. the code before the limits) for before / after figures.  Prints a
markdown table.  Not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.cases import CASES  # noqa: E402
from tests.hostile.run import SRC, run_case  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC, help="the cnbudget src folder to run")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is killed")
    ap.add_argument("--memory-mb", type=int, default=4096, help="address-space limit of each run")
    ap.add_argument("-k", default="", help="only cases whose name contains this")
    args = ap.parse_args()
    print(f"src: {args.src}  (timeout {args.timeout:g} s, RLIMIT_AS {args.memory_mb} MB)\n")
    print("| case | exit | seconds | peak MB | stderr |")
    print("|---|---:|---:|---:|---|")
    for case in CASES:
        if args.k not in case.name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                r = run_case(case, Path(tmp), src=args.src, memory_mb=args.memory_mb, timeout=args.timeout)
            except Exception as e:  # noqa: BLE001 - a case that cannot be made is reported, not fatal
                print(f"| {case.name} | – | – | – | could not run: {e} |")
                continue
        code = "killed" if r.code is None else str(r.code)
        last = (r.stderr.strip().splitlines() or [""])[-1][:90].replace("|", "\\|")
        print(f"| {case.name} | {code} | {r.seconds:.2f} | {r.peak_mb:.0f} | {last!r} |", flush=True)


if __name__ == "__main__":
    main()
