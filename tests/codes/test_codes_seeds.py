"""Every code–name pair printed in the function tables of the seed documents resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnbudget.codes.catalog import (
    economic_code,
    function_code,
    gov_economic_code,
    name_matches,
    suggest_function_code,
)

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# A function-table row: the code (7/5/3 digits, or "208 05 05" over three cells), then the
# name, in tab- or pipe-separated cells.
_ROW = re.compile(
    r"^\|?\s*(?P<code>2[0-3]\d(?:\d\d){0,2}|2[0-3]\d[\t|]\s*\d\d(?:\s*[\t|]\s*\d\d)?)\s*[\t|]+\s*"
    r"(?P<name>[^\t|\d][^\t|]*?)\s*(?:[\t|]|$)"
)
_YEAR = re.compile(r"(20\d\d)\s*年")


def _pairs():
    if not SEEDS.is_dir():
        return []
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        year_match = _YEAR.search(text)
        year = int(year_match.group(1)) if year_match else None
        for lineno, line in enumerate(text.splitlines(), 1):
            m = _ROW.match(line)
            if m:
                code = re.sub(r"\D", "", m.group("code"))
                if len(code) in (3, 5, 7):
                    out.append((path.name, lineno, year, code, m.group("name")))
    return out


PAIRS = _pairs()


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
def test_seeds_have_function_rows():
    assert len(PAIRS) > 50


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
@pytest.mark.parametrize(("file", "line", "year", "code", "name"), PAIRS)
def test_seed_pair_resolves(file, line, year, code, name):
    entry = function_code(code, year)
    assert entry is not None, f"{file}:{line} {code} {name} unknown in {year}"
    assert name_matches(entry, name), f"{file}:{line} {code}: printed {name!r}, catalog {entry.name!r}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
def test_seed_truncated_codes_are_suggested():
    """004 prints 6-digit codes cut off from 7 in its basic-expenditure table."""
    text = (SEEDS / "004_4c40129985d12d4c.txt").read_text(encoding="utf-8")
    rows = re.findall(r"^\|\s*(\d{6})\s*\|\s*([^|]+?)\s*\|", text, flags=re.M)
    assert rows
    expected = {"201999": "2019999", "208010": "2080109", "208050": "2080505", "210159": "2101599"}
    for code, name in rows:
        if code in expected:
            assert suggest_function_code(code, name)[0].code == expected[code]


def _economic_pairs():
    if not SEEDS.is_dir():
        return []
    out = set()
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in re.split(r"[\t|]", line)]
            for code, name in zip(cells, cells[1:], strict=False):
                if re.fullmatch(r"[35]\d\d(?:\d\d){1,2}", code) and name and not name[0].isdigit():
                    out.add((path.name, code, name))
    return sorted(out)


ECONOMIC_PAIRS = _economic_pairs()


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
@pytest.mark.parametrize(("file", "code", "name"), ECONOMIC_PAIRS)
def test_seed_economic_code_resolves(file, code, name):
    entry = (economic_code if code.startswith("3") else gov_economic_code)(code, 2024)
    assert entry is not None, f"{file}: {code} {name}"
