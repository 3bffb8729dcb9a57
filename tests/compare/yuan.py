"""A fictional disclosure reprinted in 元: every table amount ×10000 under "单位：元".

The narrative keeps its "万元" sentences (as real documents printed in 元 do), so the checks
still agree with the tables; only the tables' unit changes.  Used to prove that comparisons,
charts and exports put a 元 document and a 万元 document on one scale.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

_AMOUNT = re.compile(r"^-?[\d,]+\.\d+$")


def reprint_in_yuan(src: Path, dst: Path, factor: int = 10000) -> Path:
    """``src`` with its tables under "单位：元", every amount × ``factor`` (1: a department ten
    thousand times smaller than the original, for a chart whose sizes differ that much)."""
    lines = []
    for line in src.read_text(encoding="utf-8").splitlines():
        if line.strip() == "单位：万元":
            line = "单位：元"
        elif "\t" in line:
            line = "\t".join(
                format(Decimal(c.replace(",", "")) * factor, ".2f") if _AMOUNT.match(c.strip()) else c
                for c in line.split("\t")
            )
        lines.append(line)
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dst
