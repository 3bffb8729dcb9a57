"""parse(render(x)) gives back x, table by table and cell by cell, in every format with a reader."""

from __future__ import annotations

import pytest

from cnbudget.parse import parse_file
from cnbudget.readers import READERS
from cnbudget.render.disclosure import OutputFormat, write
from tests.render.roundtrip import differences

# output format → the reader format that must be registered to read it back
READER_OF = {"txt": "text", "md": "text", "html": "html", "xlsx": "xlsx", "docx": "docx", "pdf": "pdf"}


@pytest.fixture(scope="module")
def produced(example):
    return example.build()


@pytest.mark.parametrize("fmt", list(READER_OF))
def test_round_trip(produced, fmt, tmp_path):
    if READER_OF[fmt] not in READERS:
        pytest.skip(f"no {READER_OF[fmt]} reader registered in cnbudget.readers.READERS yet")
    if fmt == "pdf":
        from cnbudget.render.pdf import find_chromium

        if find_chromium() is None:
            pytest.skip("PDF output needs Chromium (apt-get install chromium fonts-noto-cjk)")
    path = write(produced, OutputFormat(fmt), tmp_path / f"example.{fmt}")
    back = parse_file(path)
    assert differences(produced.disclosure, back) == []


def test_every_format_writes_a_file(produced, tmp_path):
    from cnbudget.render.pdf import find_chromium

    for fmt in OutputFormat:
        if fmt is OutputFormat.pdf and find_chromium() is None:
            continue
        path = write(produced, fmt, tmp_path / f"example.{fmt.value}")
        assert path.stat().st_size > 1000


def test_text_layout_has_no_blank_line_inside_a_table(produced):
    from cnbudget.render.text import render_text

    lines = render_text(produced).splitlines()
    for i, line in enumerate(lines[1:-1], start=1):
        if not line.strip():
            assert not ("\t" in lines[i - 1] and "\t" in lines[i + 1]), f"blank line {i} splits a table"
