"""Section headings: the 目录 is skipped, a bare 第X部分 takes the next line as its title."""

from __future__ import annotations

from cnbudget.document import Document, Paragraph, Source
from cnbudget.narrative import extract_contents, extract_sections
from cnbudget.narrative.outline import Passage, outline
from cnbudget.narrative.patterns import fold

DOC = """示例市测绘局2025年部门预算

目 录

第一部分 部门概况

- 一、主要职责

第二部分 部门预算情况说明

- 一、收入支出预算总体情况说明

第一部分

示例市测绘局部门概况

一、主要职责

（一）负责全市测绘地理信息工作的统一监督管理，拟订有关规章制度并组织实施。

（二）完成市委、市政府交办的其他任务。

第二部分 部门预算情况说明

一、收入支出预算总体情况说明

示例市测绘局2025年收入总计100.00万元。

（一）机关运行经费

1、测绘服务支出（项）。

第三部分 名词解释

一、基本支出：是指为保障机构正常运转的开支。
"""


def test_sections_skip_the_table_of_contents(doc_of):
    titles = [(s.level, s.title) for s in extract_sections(doc_of(DOC))]
    assert titles == [
        (1, "第一部分 示例市测绘局部门概况"),
        (2, "一、主要职责"),
        (1, "第二部分 部门预算情况说明"),
        (2, "一、收入支出预算总体情况说明"),
        (3, "(一)机关运行经费"),
        (1, "第三部分 名词解释"),
    ]


def test_sections_keep_their_source_line(doc_of):
    first = extract_sections(doc_of(DOC))[0]
    assert first.source.line == 13


def test_markdown_headings(doc_of):
    titles = [s.title for s in extract_sections(doc_of("# 一、收入决算情况说明\n\n正文。\n\n## （二）结构情况\n"))]
    assert titles == ["一、收入决算情况说明", "(二)结构情况"]


def test_run_in_heading_is_split_from_its_text():
    from cnbudget.document import Paragraph, Source
    from cnbudget.narrative.outline import split_run_in_headings

    p = Paragraph(text="（四）财政拨款收支预算情况的总体说明（详见表 4）2026 年财政拨款收支总预算 5,753.07 万元。",
                  source=Source(page=5))
    head, body = split_run_in_headings((p,))
    assert head.text == "（四）财政拨款收支预算情况的总体说明（详见表 4）"
    assert body.text.startswith("2026 年财政拨款收支总预算")
    plain = Paragraph(text="（四）单位承担的主要任务包括宣传、培训等多项工作，全年完成情况良好。", source=Source(page=5))
    assert split_run_in_headings((plain,)) == [plain]


def test_a_toc_ends_where_the_body_begins_on_a_new_page_with_an_unnumbered_heading():
    from cnbudget.document import Document, Paragraph, Source
    from cnbudget.narrative.text import extract_text

    def para(text: str, page: int) -> Paragraph:
        return Paragraph(text=text, source=Source(page=page))

    doc = Document(path="x.pdf", format="pdf", blocks=(
        para("示例市2026年市级单位预算", 1), para("预算单位：示例学院", 1),
        para("目 录", 2), para("一、单位主要职能", 2), para("二、单位机构设置", 2),
        para("示例学院（单位）主要职能", 3), para("示例学院是示例市交通委员会下属事业单位。", 3),
        para("1.承担高等职业教育人才培养，开展交通行业岗位培训和继续教育，完成上级交办的其他工作任务。", 3),
    ))
    texts = [b.text for b in extract_text(doc) if b.part != "toc"]
    # the unit's heading is text (not a 目录 entry), and not glued to the cover's last line
    assert texts[0] == "示例市2026年市级单位预算预算单位:示例学院"
    assert texts[1].startswith("示例学院(单位)主要职能")


def test_a_toc_printed_without_its_heading_is_still_the_toc():
    from cnbudget.document import Document, Paragraph, Source
    from cnbudget.narrative.text import extract_text

    def para(text: str, page: int) -> Paragraph:
        return Paragraph(text=text, source=Source(page=page))

    doc = Document(path="x.pdf", format="pdf", blocks=(
        para("第一部分 2026 年度部门预算情况说明", 1), para("一、部门情况说明", 1), para("二、收入预算情况说明", 1),
        para("第二部分 2026 年度部门预算报表", 1), para("一、收支总表", 1), para("二、收入总表", 1),
        para("一、部门情况说明", 3), para("示例市审计局主管全市审计工作，负责对本市财政收支进行审计监督。", 3),
        para("二、收入预算情况说明", 3), para("2026年收入预算1,234.56万元，比上年增加12.00万元。", 3),
    ))
    body = [b for b in extract_text(doc) if b.part != "toc"]
    # the body is narrative, not the "第二部分 …报表" part the 目录 listed last
    assert all(b.part != "tables" for b in body)
    assert any("1,234.56" in b.text or "1234.56" in b.text for b in body)


def test_a_class_sub_heading_keeps_the_sections_topic(doc_of):
    from cnbudget.narrative.outline import Passage, outline

    text = "五、财政拨款支出预算情况说明\n\n（一）教育支出（类）\n\n1.普通教育（款）学前教育（项）支出150万元。\n"
    passages = [p for p in outline(doc_of(text)) if isinstance(p, Passage)]
    assert [p.topic for p in passages] == ["fiscal_summary"]


def test_a_units_heading_names_no_topic_of_the_part(doc_of):
    # a department that prints its units one by one: a unit's figures are not the department's
    from cnbudget.narrative.outline import Passage, outline

    text = "第三部分 部门预算支出具体情况\n\n二、示例市测绘院\n\n(五)项目支出 816.49 万元，具体包括：测绘工作。\n"
    passages = [p for p in outline(doc_of(text)) if isinstance(p, Passage)]
    assert [p.topic for p in passages] == [None]


def test_a_spending_sub_heading_keeps_its_funds_topic(doc_of):
    from cnbudget.narrative.outline import Passage, outline

    text = ("七、一般公共预算拨款支出明细情况说明\n\n（二）支出按功能科目分类的明细情况\n\n"
            "1.行政运行(2040601)2,798.63万元，较上年增加90.19万元。\n")
    passages = [p for p in outline(doc_of(text)) if isinstance(p, Passage)]
    assert [p.topic for p in passages] == ["general_expenditure"]


def _pdf_like(*paragraphs: tuple[str, int]) -> Document:
    return Document(path="示例.pdf", format="pdf", pages=2,
                    blocks=tuple(Paragraph(text=t, source=Source(page=n)) for t, n in paragraphs))


def test_a_sentence_runs_on_past_a_footnote_at_the_foot_of_its_page():
    doc = _pdf_like(("收入比上年减少30万元，主要是A减少10万元，", 1), ("* 因机构调整，名称暂未变更，下同。", 1),
                    ("B减少20万元。", 2))
    texts = [p.text for p in outline(doc) if isinstance(p, Passage)]
    assert texts == [fold("收入比上年减少30万元，主要是A减少10万元，B减少20万元。"), fold("* 因机构调整，名称暂未变更，下同。")]


def test_a_footnote_after_a_finished_sentence_or_before_more_of_its_page_stays_in_place():
    doc = _pdf_like(("收入30万元。", 1), ("* 因机构调整，名称暂未变更。", 1), ("支出30万元。", 2))
    assert [p.text for p in outline(doc) if isinstance(p, Passage)] == [
        fold(t) for t in ("收入30万元。", "* 因机构调整，名称暂未变更。", "支出30万元。")]
    doc = _pdf_like(("收入比上年减少30万元，主要是", 1), ("* A减少10万元，", 1), ("B减少20万元。", 1))
    assert [p.text for p in outline(doc) if isinstance(p, Passage)] == [fold("收入比上年减少30万元，主要是* A减少10万元，B减少20万元。")]


def test_the_contents_are_the_entries_of_the_toc_without_leaders_and_page_numbers():
    p = [Paragraph(t, Source(page=n)) for t, n in [
        ("目 录", 1), ("第一部分 部门概况……………… 3", 1), ("一、主要职责 4", 1), ("第二部分 部门预算情况说明", 1),
        ("第一部分 部门概况", 2), ("一、主要职责", 2), ("负责全市测绘工作。", 2)]]
    titles = [s.title for s in extract_contents(Document(path="x.pdf", format="pdf", blocks=tuple(p)))]
    assert titles == ["第一部分 部门概况", "一、主要职责", "第二部分 部门预算情况说明"]


def test_no_toc_line_no_contents(doc_of):
    assert extract_contents(doc_of("第一部分 部门概况\n\n一、主要职责\n\n负责全市测绘工作。\n")) == []


def test_half_width_brackets_are_kept_by_position_except_on_ocr_pages():
    line = "内设督查处（交易管理处)、机关党委(人事处)。"
    expected = tuple(i for i, ch in enumerate(line) if ch in "()")  # folding keeps this line's length
    assert len(expected) == 3 and len(fold(line)) == len(line)
    paras = (Paragraph(text="一、部门职责", source=Source(page=3)), Paragraph(text=line, source=Source(page=3)))
    passages = [p for p in outline(Document(path="x.pdf", blocks=paras, format="pdf")) if isinstance(p, Passage)]
    assert passages[0].half_width == expected
    assert all(passages[0].text[i] in "()" for i in passages[0].half_width)
    scanned = Document(path="x.pdf", blocks=paras, format="pdf", notes=("ocr", "ocr.pages: 3"))
    assert [p.half_width for p in outline(scanned) if isinstance(p, Passage)] == [()]


def test_the_narratives_own_title_after_the_glossary_opens_the_narrative_part():
    # 上海 unit budgets (corpus c019 p6): 名词解释, then "2026年单位预算编制说明" centred on a line
    # of its own, then the narrative — whose figures were read as the glossary's (never claims)
    doc = _pdf_like(("名词解释", 5), ("（一）财政拨款收入：指本级财政当年拨付的资金", 5),
                    ("2026年单位预算编制说明", 6),
                    ("2026年，某某中心收入预算18037万元，其中：财政拨款收入17883万元，比2025年预算增加156万", 6),
                    ("元。", 6))
    items = list(outline(doc))
    title = next(h for h in items if not isinstance(h, Passage) and "编制说明" in h.text)
    assert title.level == 1 and title.part == "narrative"
    last = [p for p in items if isinstance(p, Passage)][-1]
    assert last.part == "narrative" and not last.silent and last.text.startswith("2026年")
    # on a cover, before any part, the same title opens none
    cover = _pdf_like(("2024年度某某局预算编制说明", 1), ("第一部分 部门概况", 2), ("一、主要职责", 2))
    assert not any("编制说明" in getattr(h, "text", "") and not isinstance(h, Passage) for h in outline(cover))


def test_an_unsectioned_narrative_says_each_passages_topic_in_its_opening_words():
    # 上海 (corpus c019 p6): no section headings under "2026年单位预算编制说明"; each paragraph
    # opens with what it is about, and a numbered list keeps its lead's topic
    doc = _pdf_like(("名词解释", 5), ("（一）财政拨款收入：指本级财政当年拨付的资金", 5),
                    ("2026年单位预算编制说明", 6),
                    ("2026年，某某中心收入预算18037万元，其中：财政拨款收入17883万元。", 6),
                    ("支出预算18037万元，其中：财政拨款支出预算17883万元。", 6),
                    ("财政拨款收入支出减少的主要原因是政府采购项目调整。", 6),
                    ("财政拨款支出主要内容如下：", 6),
                    ("1. “社会保障和就业支出”科目320万元，主要用于养老保险缴费。", 6),
                    ("2. “卫生健康支出”科目106万元，主要用于医疗保险缴费。", 6),
                    ("一、2026年“三公”经费预算情况说明", 7), ("“三公”经费预算数为16.80万元。", 7))
    topics = [(p.text[:6], p.topic) for p in outline(doc) if isinstance(p, Passage) and p.part == "narrative"]
    # (the lead "…如下：" and item 1 are one passage: no sentence ends between them)
    assert [t for _, t in topics] == ["income", "expenditure", "fiscal_summary", "fiscal_summary", "fiscal_summary",
                                      "three_public"]


def test_the_running_head_is_dropped_and_the_sentence_goes_on_after_it():
    # 苏州 2026 (corpus c114 p35): "苏州市生态环境局 2026 年度单位预算公开" tops every page; a
    # sentence broken by the page ran on into it ("…公开辆、执法执勤用车…")
    head = "苏州市生态环境局 2026 年度单位预算公开"
    doc = _pdf_like((head, 1), ("一、收入支出预算总体情况说明", 1), ("收入预算100万元。", 1),
                    (head, 2), ("本单位共有车辆1辆，其中应急保障用车0", 2),
                    (head, 3), ("辆、其他用车1辆。", 3), (head, 4), ("支出预算100万元。", 4))
    texts = [p.text for p in outline(doc) if isinstance(p, Passage)]
    assert fold("本单位共有车辆1辆，其中应急保障用车0辆、其他用车1辆。") in texts
    assert not any("预算公开" in t for t in texts)
    # a line on two page tops only is no running head
    assert any("预算公开" in t for t in (p.text for p in outline(_pdf_like((head, 1), ("收入100万元。", 1), (head, 2),
                                                                         ("支出100万元。", 2))) if isinstance(p, Passage)))


def test_the_rest_of_a_sentence_atop_several_pages_is_no_running_head():
    # 深圳 2026 (corpus c074 p16, p22, p31): each unit's "（一）在职人员经费 X 万元，主要是在职人员工资
    # 福利和社保缴费等相关支出。" breaks at the same words, and three times at a page's end
    rest = "福利和社保缴费等相关支出。"
    lines = []
    for page, amount in ((1, "8,327.5"), (3, "1,226.50"), (5, "803.95"), (7, "3,582.85")):
        lines += [(f"（一）在职人员经费 {amount} 万元，主要是在职人员工资", page), (rest, page + 1),
                  (f"（二）公用经费 87{page}.93 万元，主要包括公用综合定额经费。", page + 1)]
    doc = _pdf_like(("一、收入支出预算总体情况说明", 1), *lines)
    texts = [p.text for p in outline(doc) if isinstance(p, Passage)]
    assert sum(fold("主要是在职人员工资福利和社保缴费等相关支出。") in t for t in texts) == 4


def test_a_line_ending_in_an_amount_is_no_heading():
    # 福州 2026 (corpus c143 p20): the item's 万元 and full stop went to the next page
    from cnbudget.narrative.outline import heading_like

    assert not heading_like("（四）2080505-行政单位医疗支出 2470.32")
    assert heading_like("（四）行政单位医疗支出")
