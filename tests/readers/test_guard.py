"""``readers.guard`` and the readers' own limit checks: each limit refuses with its name, and
an input within the limits reads as before."""

from __future__ import annotations

import os

import pytest

from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded, Limits, use
from cnbudget.readers import read_document
from cnbudget.readers.guard import check_zip, read_bytes
from tests.hostile import cases


def test_only_regular_files_are_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "named pipe"), ("/dev/zero", "character device")):
        with pytest.raises(UnreadableFile, match=kind):  # from stat: opening the pipe would block
            read_bytes(__import__("pathlib").Path(path), Limits())
    with pytest.raises(UnreadableFile, match="is a directory"):
        read_document(tmp_path)


def test_bytes_read_are_limited(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * 101)
    assert read_bytes(p, Limits(file_bytes=101)) == b"x" * 101
    with pytest.raises(LimitExceeded, match="file_bytes=100") as e:
        read_bytes(p, Limits(file_bytes=100))
    assert e.value.file == str(p)


def test_zip_members_are_measured_as_declared_and_as_inflated():
    honest = cases.raw_zip([cases.bomb("m.xml", b"<a>", b"a" * 4096, 256, b"</a>")])  # 1 MB inflated
    check_zip("ok.xlsx", honest, Limits())
    with pytest.raises(LimitExceeded, match="zip_member_bytes"):
        check_zip("x.xlsx", honest, Limits(zip_member_bytes=500_000))
    lying = cases.raw_zip([cases.bomb("m.xml", b"<a>", b"a" * 4096, 256, b"</a>", declared=10)])
    with pytest.raises(LimitExceeded, match="实际解压"):  # the header says 10 bytes
        check_zip("x.xlsx", lying, Limits(zip_member_bytes=500_000))
    two = cases.raw_zip([cases.bomb(f"m{i}.xml", b"", b"a" * 4096, 100, b"") for i in range(2)])
    with pytest.raises(LimitExceeded, match="zip_total_bytes"):
        check_zip("x.xlsx", two, Limits(zip_total_bytes=600_000))


@pytest.mark.parametrize(("make", "limit"), [
    (cases.xlsx_merge_bomb, "sheet_cells"),
    (cases.docx_grid_span, "span"),
    (cases.docx_grid_before, "span"),
    (cases.html_colspan, "span"),
    (cases.html_span_area, "table_cells"),
    (cases.pipe_separator_100k, "line_chars"),
])
def test_each_reader_refuses_past_its_limit_naming_the_file(make, limit, tmp_path):
    path = make(tmp_path)
    with pytest.raises(LimitExceeded) as e:
        read_document(path)
    assert e.value.limit == limit and e.value.file == str(path)


def test_xlsx_cells_are_counted_as_they_exist_not_by_the_used_range(tmp_path):
    doc = read_document(cases.xlsx_far_corners(tmp_path))  # A1 and XFD1048576: fast, two paragraphs
    assert [b.text for b in doc.blocks] == ["预算", "预算"]
    assert doc.blocks[1].source.cell == "XFD1048576"
    with use(Limits(sheet_cells=2999)), pytest.raises(LimitExceeded, match="sheet_cells"):
        read_document(cases.xlsx_many_cells(tmp_path))
    with use(Limits(sheet_cells=3000)):
        read_document(cases.xlsx_many_cells(tmp_path))


def test_a_text_row_with_too_many_cells_is_refused(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("标题\n" + "\t".join("1" for _ in range(11)) + "\n", encoding="utf-8")
    with use(Limits(row_cells=10)), pytest.raises(LimitExceeded, match="row_cells") as e:
        read_document(p)
    assert e.value.place == "第2行"
    with use(Limits(row_cells=11)):
        assert read_document(p).blocks


def test_a_long_paragraph_from_any_reader_is_refused(tmp_path):
    p = tmp_path / "long.html"
    p.write_text("<html><body><p>" + "预算" * 30 + "</p></body></html>", encoding="utf-8")
    with use(Limits(line_chars=59)), pytest.raises(LimitExceeded, match="line_chars"):
        read_document(p)


def test_ocr_render_scale_is_lowered_for_large_pages_and_refused_past_72_dpi():
    pytest.importorskip("pypdfium2")
    from cnbudget.readers.pdf_ocr import render_scale

    assert render_scale(595, 842, 3.0, 1) == 3.0  # A4 at 216 dpi: 4.5 M pixels
    a0 = render_scale(2384, 3370, 3.0, 1)  # A0: lowered to fit 30 M pixels
    assert 1.0 <= a0 < 3.0 and 2384 * 3370 * a0 * a0 <= Limits().ocr_pixels * 1.0001
    with pytest.raises(LimitExceeded, match="ocr_pixels"):
        render_scale(14400, 14400, 3.0, 1)
    with pytest.raises(LimitExceeded, match="page_points"):
        render_scale(14401, 100, 3.0, 1)
