"""The document's own 目录: which tables it lists, and whether it prints them at all."""

from __future__ import annotations

from cnbudget.document import Document, Grid, Paragraph, Source
from cnbudget.tables.toc import listed_tables, printed_after_toc


def _doc(*pages: list[str], grids: dict[int, tuple[tuple[str, ...], ...]] | None = None) -> Document:
    blocks: list = []
    for n, lines in enumerate(pages, start=1):
        blocks += [Paragraph(text=t, source=Source(page=n)) for t in lines]
        if grids and n in grids:
            blocks.append(Grid(rows=grids[n], source=Source(page=n)))
    return Document(path="x.pdf", blocks=tuple(blocks), format="pdf", pages=len(pages))


def test_a_listed_table_printed_later_counts_as_printed() -> None:
    doc = _doc(["目录", "一、收支总表……5", "二、收入总表……6"], ["第一部分 单位职责"], ["职责"], ["说明"],
               ["表1 2026年收支总表"], ["（续）"], grids={6: (("收入总表",), ("项目", "金额"))})
    listed = listed_tables(doc)
    assert [x.kind for x in listed] == ["summary", "income"]
    assert [printed_after_toc(doc, x) for x in listed] == [True, True]


def test_a_listed_table_never_printed_is_told_apart() -> None:
    # the 情况说明 lists its tables, published in another file
    doc = _doc(["目录", "一、收支总表", "二、收入总表"], ["一、部门职责", "收入预算情况说明"])
    assert [printed_after_toc(doc, x) for x in listed_tables(doc)] == [False, False]
