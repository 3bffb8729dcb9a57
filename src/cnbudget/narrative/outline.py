"""The outline of a document: its headings, and the passages of text under them.

``outline(doc)`` walks the blocks once and yields ``Heading`` and ``Passage`` items in reading
order.  It

* skips the 目录 (table of contents): the heading-like lines after "目录" up to the place where
  the body repeats the first part ("第一部分" printed a second time), or where running text starts;
* recognises headings — 第X部分 and the narrative's own title printed alone ("2026年单位预算编制说明")
  (level 1), 一、 (level 2), （一） (level 3), markdown ``#``
  headings, and numbered items "1、…" (level 4, which never change the topic) — and gives a bare
  "第二部分" or "附件：" the title printed on the next line;
* tracks the part (``topics.part_of``) and the topic (``topics.topic_of``) each passage is under;
* drops the document's running head (a line at the top of three pages or more);
* joins a paragraph broken over lines or pages ("比 2023 年" / "预算增加 125.50 万元") into one
  passage, keeping each line's source so that a figure points at the line it was printed on —
  also past a footnote printed at the foot of the page the sentence breaks on ("…减少21,159.85
  万元，" / "* 因…下同。" / next page "政府性基金预算拨款减少368.01万元…"): the footnote becomes a
  passage of its own after the sentence's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cnbudget.document import Document, Grid, Paragraph, Source
from cnbudget.narrative.patterns import find_figures, fold
from cnbudget.narrative.topics import SILENT_PARTS, SILENT_TOPICS, names_class, part_of, topic_of

_NUMERAL = "一二三四五六七八九十"
# 第一部分 / 第二部分 概况
PART_RE = re.compile(rf"^第([{_NUMERAL}]+)部分\s*(.*)$")
# 附件：… / 附 件
ANNEX_RE = re.compile(r"^附\s*件\s*[:：]?\s*(.*)$")
# 一、收入支出预算总体情况说明
LEVEL2_RE = re.compile(rf"^[{_NUMERAL}]+\s*[、.．]\s*\S")
# （一）机关运行经费 / (一) 总体情况。
LEVEL3_RE = re.compile(rf"^[(（]\s*[{_NUMERAL}]+\s*[)）]")
# 1、社会保障和就业支出（类）… / 2. 公务接待费
LEVEL4_RE = re.compile(r"^\d{1,2}\s*[、.．]\s*\D")
TOC_RE = re.compile(r"^目\s*录$")
# The title of the 情况说明 printed unnumbered on a line of its own after other parts of the
# document ("2026年单位预算编制说明" after the 名词解释 of 上海's unit budgets) opens the narrative part.
NARRATIVE_TITLE_RE = re.compile(r"^(?:(?:19|20)\d{2}年度?)?[^。，,；;：:、]{0,30}?(?:预算|决算)(?:编制|公开)?(?:情况)?说明$")
# An entry of a 目录: numbered ("一、", "（一）", "1.", "第一部分", "表1", "附件") or ending in its page
# number.
_TOC_ENTRY_RE = re.compile(rf"^([(（]?[{_NUMERAL}\d]+[)）、.．]|第[{_NUMERAL}]+部分|(公开|附)?表\s*\d|附件)|\d+$")
# How a numbered heading's title ends; a numbered line ending otherwise with "。", or listing
# things with "、", is an item of running text ("（十）完成市委、市政府交办的其他任务。").
HEADING_END_RE = re.compile(r"(情况|说明|结果|经费|构成|职责|职能|概况|设置|目标|解释|表|支出|收入|事项|经费)。?$")
# A paragraph ends a sentence: the next line starts a new passage.
_SENTENCE_END_RE = re.compile(r"[。！？!?]\s*$")
# A footnote: "* 因…下同。", "①…", "注1：…" printed below the body at the foot of a page.
_FOOTNOTE_RE = re.compile(r"^\s*(?:\*{1,3}\s*\d{0,2}|[①②③④⑤⑥⑦⑧⑨⑩]|注\s*\d{1,2}\s*[:：])")

# A heading is short and is not running text.
HEADING_MAX_CHARS = 40
# At most this many lines are joined into one passage.
PASSAGE_MAX_LINES = 6


@dataclass(frozen=True)
class Heading:
    """A heading: its text (with the title of a bare 第X部分 joined on), level and source."""

    text: str
    source: Source
    level: int | None
    part: str | None
    topic: str | None


@dataclass(frozen=True)
class Passage:
    """Running text (folded) under a heading; ``pieces`` maps text offsets to source lines."""

    text: str
    pieces: tuple[tuple[int, Source], ...]
    part: str | None
    topic: str | None
    half_width: tuple[int, ...] = ()  # offsets of the brackets printed half-width ("(" not "（")

    @property
    def silent(self) -> bool:
        """Text whose figures are never claims (目录, 概况, 表, 名词解释)."""
        return self.part in SILENT_PARTS or self.topic in SILENT_TOPICS

    def source_at(self, offset: int) -> Source:
        src = self.pieces[0][1]
        for start, s in self.pieces:
            if start > offset:
                break
            src = s
        return src


def ocr_page_numbers(doc: Document) -> frozenset[int]:
    """The pages the PDF reader read by OCR (its note "ocr.pages: 3,4")."""
    for note in doc.notes:
        if note.startswith("ocr.pages:"):
            return frozenset(int(n) for n in re.findall(r"\d+", note))
    return frozenset()


def half_width_brackets(raw: str) -> tuple[int, ...]:
    """Offsets, in the folded and stripped line, of the brackets ``raw`` prints half-width: folding
    makes "（" and "(" one character, and a pair printed in two widths is a slip of its own."""
    text = raw.strip()
    if "(" not in text and ")" not in text:
        return ()
    out, at, done = [], 0, 0  # at: folded length of text[:done]
    for i, ch in enumerate(text):
        if ch in "()":
            at += len(fold(text[done:i]))
            out.append(at)
            at, done = at + 1, i + 1
    return tuple(out)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("*", "")


def heading_like(text: str) -> bool:
    """Short, no sentence inside, no figure (not even a count): a title, not running text."""
    t = _squash(fold(text))
    if not t or len(t) > HEADING_MAX_CHARS:
        return False
    if "。" in t.rstrip("。"):
        return False
    if re.search(r"\d\.\d+$", t):
        return False  # a figure whose unit the page break put on the next page
    return not find_figures(t)


def heading_level(p: Paragraph) -> int | None:
    """The level of a heading paragraph, or ``None`` when the paragraph is running text."""
    t = _squash(fold(p.text))
    if PART_RE.match(t) or (ANNEX_RE.match(t) and len(t) <= HEADING_MAX_CHARS):
        return 1
    if not heading_like(p.text):
        return None
    numbered = LEVEL2_RE.match(t) or LEVEL3_RE.match(t)
    if numbered:
        body = re.sub(r"^[(（]?[一二三四五六七八九十]+[)）、.．]", "", t)
        if (body.endswith("。") or "、" in body) and not HEADING_END_RE.search(body):
            return None
    if LEVEL2_RE.match(t):
        return 2
    if LEVEL3_RE.match(t):
        return 3
    if LEVEL4_RE.match(t):
        return 4
    if p.heading is not None or t == "名词解释":
        return p.heading or 1
    return None


def _toc_span(paras: list[tuple[int, Paragraph | Grid]]) -> tuple[int, int] | None:
    """Block positions [start, end) of the table of contents, or ``None``."""
    start = next((k for k, (_, b) in enumerate(paras[:80])
                  if isinstance(b, Paragraph) and TOC_RE.match(_squash(b.text))), None)
    if start is None:
        return _unheaded_toc(paras)
    k = start
    entries: list[int] = []
    end = len(paras)
    for j in range(k + 1, len(paras)):
        b = paras[j][1]
        if isinstance(b, Grid) or not heading_like(b.text):
            end = j
            break
        prev = paras[entries[-1] if entries else k][1]
        if entries and b.source.page != prev.source.page and not _TOC_ENTRY_RE.match(_squash(fold(b.text))):
            # the body begins on a new page with an unnumbered heading ("某某学院（单位）主要职能"):
            # a 目录 continued on its next page goes on numbering its entries
            end = j
            break
        entries.append(j)
    body = end
    first_part = None
    for j in entries:
        m = PART_RE.match(_squash(fold(paras[j][1].text)))  # type: ignore[union-attr]
        if m:
            if first_part is None:
                first_part = m.group(1)
            elif m.group(1) == first_part:
                body = j  # the body repeats the first part: the last repeat starts it
    if body == end and entries:
        seen: set[str] = set()
        for j in entries:
            t = _squash(fold(paras[j][1].text))  # type: ignore[union-attr]
            if t in seen:
                body = j
                break
            seen.add(t)
    return start, body


def toc_entries(doc: Document) -> list[Paragraph]:
    """The entries of the document's 目录 (the paragraphs after its 目录 line up to the body), as
    printed: dot leaders and page numbers still on them.  Empty when it prints no 目录 line."""
    blocks = list(enumerate(split_run_in_headings(doc.blocks)))
    span = _toc_span(blocks)
    if span is None or not isinstance(blocks[span[0]][1], Paragraph) \
            or not TOC_RE.match(_squash(blocks[span[0]][1].text)):  # type: ignore[union-attr]
        return []
    return [b for _, b in blocks[span[0] + 1:span[1]] if isinstance(b, Paragraph)]


def _unheaded_toc(paras: list[tuple[int, Paragraph | Grid]]) -> tuple[int, int] | None:
    """A 目录 printed without its 目录 line (北京: "第一部分 …情况说明 / 一、… / 第二部分 …报表 /
    一、…" on the first pages): a run of headings from the document's start that the body, on a
    later page, begins again — the run up to that repeat."""
    seen: dict[str, int] = {}
    for k, (_, b) in enumerate(paras[:80]):
        if not isinstance(b, Paragraph) or not heading_like(b.text):
            return None
        t = _squash(fold(b.text))
        if k == 0 and not PART_RE.match(t):
            return None
        first = seen.get(t)
        if first is not None and b.source.page != paras[first][1].source.page and k - first >= 3:
            return (0, k) if k >= 4 else None
        seen.setdefault(t, k)
    return None


# A heading run into its paragraph ("（四）财政拨款收支预算情况的总体说明（详见表 4）2026 年…"):
# PDF layouts print some headings in bold at the start of the first line of their text.
RUN_IN_RE = re.compile(
    rf"^((?:[(（]\s*[{_NUMERAL}]+\s*[)）]|[{_NUMERAL}]+\s*[、.．])[^。，,；;：:]{{2,40}}(?:说明|情况)"
    r"(?:\s*[(（]\s*详见[^)）]{0,16}[)）])?)\s*(\S.{8,})$"
)


def split_run_in_headings(blocks: tuple[Paragraph | Grid, ...]) -> list[Paragraph | Grid]:
    out: list[Paragraph | Grid] = []
    for b in blocks:
        m = RUN_IN_RE.match(b.text.strip()) if isinstance(b, Paragraph) else None
        if m and isinstance(b, Paragraph):
            out.append(Paragraph(text=m.group(1), source=b.source, heading=b.heading, bold=b.bold))
            out.append(Paragraph(text=m.group(2), source=b.source))
        else:
            out.append(b)
    return out


# Sections about one fund's (or one part's) spending: a sub-heading's bare "支出" is theirs.
_SPENDING_TOPICS = frozenset({"general_expenditure", "gov_fund", "state_capital", "fiscal_summary",
                              "basic_expenditure", "projects"})


# A line printed at the top of this many pages is the document's running head ("苏州市生态环境局
# 2026 年度单位预算公开"): not text of the page it tops.
RUNNING_HEAD_PAGES = 3
# how many lines of a page its running head may stand among (a page number may come first)
_HEAD_LINES = 2


_SENTENCE_ENDS = ("。", ";", "!", "?")


def running_heads(blocks: list[tuple[int, Paragraph | Grid]]) -> frozenset[str]:
    """The lines (squashed) printed among the first lines of RUNNING_HEAD_PAGES pages or more:
    short, no table's title or label ("表8", "编制单位：…" repeat over a table's pages)."""
    tops: dict[str, set[int]] = {}
    seen: dict[int, int] = {}
    for _, b in blocks:
        page = b.source.page
        if page is None or isinstance(b, Grid):
            continue
        k = seen[page] = seen.get(page, 0) + 1
        if k > _HEAD_LINES:
            continue
        t = _squash(fold(b.text))
        # a line that ends a sentence is the rest of one broken by the page, however often a
        # template breaks it there ("福利和社保缴费等相关支出。" atop three pages of 深圳's units)
        if t and heading_like(t) and "表" not in t and ":" not in t and not t.endswith(_SENTENCE_ENDS):
            tops.setdefault(t, set()).add(page)
    return frozenset(t for t, pages in tops.items() if len(pages) >= RUNNING_HEAD_PAGES)


def outline(doc: Document) -> Iterator[Heading | Passage]:
    """Headings and passages of ``doc`` in reading order (see the module docstring)."""
    blocks = list(enumerate(split_run_in_headings(doc.blocks)))
    heads = running_heads(blocks)
    toc = _toc_span(blocks)
    ocr_pages = ocr_page_numbers(doc)
    part: str | None = None
    topic2: str | None = None  # topic of the current level-2 heading
    topic: str | None = None
    pending: list[tuple[str, Source, tuple[int, ...]]] = []
    footnotes: list[tuple[str, Source]] = []  # set aside from a sentence that runs on past them
    # a narrative part opened by its title and no section heading yet: each passage says its own
    # topic in its opening words (``_opening_topic``), an item of a list keeps its lead's
    unsectioned = False
    said: str | None = None

    def flush() -> Passage | None:
        nonlocal pending, said
        if not pending:
            return None
        text, pieces, half = "", [], []
        for t, src, marks in pending:
            pieces.append((len(text), src))
            half.extend(len(text) + k for k in marks)
            text += t
        pending = []
        if unsectioned:
            said = _opening_topic(text, said)
        return Passage(text=text, pieces=tuple(pieces), part=part, topic=said if unsectioned else topic,
                       half_width=tuple(half))

    def close() -> Iterator[Passage]:
        if (p := flush()) is not None:
            yield p
        for t, src in footnotes:
            yield Passage(text=t, pieces=((0, src),), part=part, topic=topic)
        footnotes.clear()

    i = 0
    while i < len(blocks):
        _, b = blocks[i]
        if toc and toc[0] <= i < toc[1]:
            if isinstance(b, Paragraph) and i == toc[0]:
                yield Heading(b.text.strip(), b.source, 1, "toc", "toc")
            i += 1
            continue
        if isinstance(b, Grid):
            yield from close()
            i += 1
            continue
        if heads and _squash(fold(b.text)) in heads:
            i += 1  # the running head: a sentence broken by the page goes on after it
            continue
        level = heading_level(b)
        if level is None and part is not None and NARRATIVE_TITLE_RE.match(_squash(fold(b.text))) \
                and heading_like(b.text):
            level = 1  # the 情况说明's title after the parts before it (a cover's title opens no part)
        if level is None:
            text = fold(b.text).strip()
            # a short title-like line at the top of a new page opens a passage of its own (the
            # cover's last line is never continued by the next page's heading); one that ends a
            # sentence ends the sentence the page broke
            new_page = (bool(pending) and b.source.page != pending[-1][1].page and heading_like(text)
                        and not text.endswith(_SENTENCE_ENDS))
            ends = pending and (_SENTENCE_END_RE.search(pending[-1][0]) or len(pending) >= PASSAGE_MAX_LINES
                                or new_page)
            if ends:
                yield from close()
            elif pending and _interrupting_footnote(text, b, blocks[i + 1][1] if i + 1 < len(blocks) else None):
                footnotes.append((text, b.source))
                i += 1
                continue
            # an OCR'd page's bracket widths are the OCR's guess, not what the page prints
            pending.append((text, b.source, () if b.source.page in ocr_pages else half_width_brackets(b.text)))
            i += 1
            continue
        yield from close()
        title = fold(b.text).strip()
        squashed = _squash(title)
        bare_part = (m := PART_RE.match(squashed)) is not None and not m.group(2)
        bare_annex = (a := ANNEX_RE.match(squashed)) is not None and not a.group(1)
        if (bare_part or bare_annex) and i + 1 < len(blocks):
            nxt = blocks[i + 1][1]
            nxt_text = _squash(fold(nxt.text)) if isinstance(nxt, Paragraph) else ""
            if nxt_text and heading_like(nxt_text) and not LEVEL2_RE.match(nxt_text) \
                    and not LEVEL3_RE.match(nxt_text) and not PART_RE.match(nxt_text):
                title = f"{title} {fold(nxt.text).strip()}"
                i += 1
        unsectioned, said = False, None
        if level == 1 and (PART_RE.match(squashed) or ANNEX_RE.match(squashed) or NARRATIVE_TITLE_RE.match(squashed)):
            part = part_of(title) or ("annex" if ANNEX_RE.match(squashed) else None)
            unsectioned = bool(NARRATIVE_TITLE_RE.match(squashed)) and part == "narrative"
            topic2 = topic = {"glossary": "glossary", "profile": "profile"}.get(part or "")
            if topic is None and part not in SILENT_PARTS:
                # "第五部分 财政拨款“三公”经费预算情况": a part that is one section of the 情况说明
                topic2 = topic = topic_of(PART_RE.sub(r"\2", squashed))
            if part == "annex":
                topic2 = topic = "performance" if "绩效" in squashed else None
        elif squashed == "名词解释":
            part, topic2, topic = "glossary", "glossary", "glossary"
        elif part == "annex":
            # An annex (绩效自评报告) speaks of no table, whatever its sub-headings say.
            topic2 = topic = "profile" if topic_of(title) == "profile" else "performance"
        elif level == 2 or (level not in (3, 4) and level is not None):
            t = topic_of(title)
            topic2 = topic = t
        elif level == 3:
            t = topic_of(title)
            # "(一)教育支出(类)" under 五、财政拨款支出: a class of the section's table, whose
            # "支出" names no other topic
            # and "(二)支出按功能科目分类的明细情况" under 七、一般公共预算拨款支出: its "支出" is the section's
            within = t == "expenditure" and (names_class(title) or topic2 in _SPENDING_TOPICS)
            topic = t if t is not None and not within else topic2
        yield Heading(title, b.source, level, part, topic)
        i += 1
    yield from close()


# An item of a list ("1.“教育支出”科目23,689万元，…"): under its lead's topic.
_LIST_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)]|[(（]\s*\d{1,2}\s*[)）])")


def _opening_topic(text: str, current: str | None) -> str | None:
    """The topic a passage of an unsectioned 情况说明 speaks of, from its opening clause
    ("支出预算18037万元，其中…" → expenditure; "财政拨款支出主要内容如下：" → fiscal_summary); a list
    item, or an opening that names none, keeps ``current``."""
    if _LIST_ITEM_RE.match(text):
        return current
    opening = re.split(r"[,，;；:：。]", text, maxsplit=1)[0]
    if "," in text[:len(opening) + 1] and not re.search(r"收|支", opening):
        # "2026年，某某中心收入预算…": a year opens the sentence, its subject follows
        opening = re.split(r"[,，;；:：。]", text[len(opening) + 1:], maxsplit=1)[0]
    # its subject: the words before the first figure or what is said of it
    subject = re.split(r"\d|主要原因|的主要|主要内容|主要用于", opening, maxsplit=1)[0]
    return topic_of(subject) or current


def _interrupting_footnote(text: str, b: Paragraph, nxt: object) -> bool:
    """Is ``b`` (folded ``text``) a footnote at the foot of a page whose unfinished sentence runs
    on at the top of the next page (the caller knows the sentence is unfinished)?"""
    return (_FOOTNOTE_RE.match(text) is not None and isinstance(nxt, Paragraph)
            and nxt.source.page is not None and b.source.page is not None and nxt.source.page > b.source.page)
