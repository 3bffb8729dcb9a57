"""Rules on words and marks printed twice, or out of place, in the running text (typing slips).

    wording.doubled_phrase        a two-character function word printed twice in a row: "主要用于
                                  用于…", "其中其中"; 主要 said twice of a reason ("主要原因主要
                                  是…"); "等等支出"; the department's own name printed twice
                                  ("烟台市信访局烟台市信访局2026年…"); 工作工作 (but 工作|工作组); a
                                  run of 3–40 characters twice ("房地产房地产"), or a word of two at a
                                  clause's edge ("调整价格价格，", "，保障保障工信业务")
    wording.repeated_lead_in      a lead-in ending with "：" printed twice, the second a copy of the
                                  first: "X局(本级)的主要职责是：X局的主要职责是：负责…"
    wording.repeated_item_number  an item number printed twice: "（一）（一）提升…"; two items of a list
                                  run on in one text numbered alike ("5.…；6.…；6.…"), also in cells;
                                  a heading numbered as the heading before it, the next one going on
                                  from the number it should have had ("十六、A …十六、B …十八、C")
    wording.skipped_heading_number  a first-level heading ("一、" style) whose number skips one that no
                                  line between prints ("一、A … 五、B"), or a part (第X部分) whose
                                  first such heading is "二、" or later, neither restarting at 一 nor
                                  going on from the part before, with no line under it opening with
                                  the numbers left out (the items of a missing "一、" printed bare)
    wording.bracket_stop          a full stop closing a bracket that opened inside a sentence which
                                  then goes on: "2.5万元（…减少1万元。）比上年减少1万元"
    wording.repeated_item         a list item printed again as the next item under the next number:
                                  "1.其他支出（款）支出502万元…。2.其他支出（款）支出502万元…。",
                                  two 名词解释 entries word for word alike

All are slips of typing or pasting (info).  The text is ``Disclosure.text`` (NFKC-folded: "（" is
"(", "：" is ":"); the tables part is not read (its captions and cells are joined without the
punctuation of running text).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cnbudget.checks.common import Hint, cell_finding, cells, checked_each, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.model import Disclosure, Finding, Section, TextBlock
from cnbudget.numbers import count_number

# Two-character function words that never end one word and begin the next: printed twice in a
# row they are a slip.  Nouns are left out: one may end a name and begin the next word ("…更换工程
# 工程款", "本部门部门预算", "…单位预算预算单位"), and a run like "专网分网分域" doubles no word.
NEVER_DOUBLED = ("用于", "主要", "原因", "其中", "包括", "以及", "按照", "根据", "通过", "用来", "分别")
# …and "主要" said of a reason twice ("主要原因主要是…"), and "等等" going on into a word ("公杂费
# 等等支出": 等等 closes a list, 等 leads on)
# …and the stock lead-ins of an amount's use or parts printed twice ("83万元，主要用于主要用于人员经费")
STOCK_LEADS = ("主要用于", "主要包括", "主要原因", "主要是")
# …and 工作 twice, unless the second opens a word of its own (工作组, 工作量, 工作站 …): "污染源管理工作
# 工作 1,605.10万元", "展示广州市水务工作工作的社会责任担当"
DOUBLED_PHRASE_RE = re.compile("(" + "|".join(NEVER_DOUBLED) + r")\s*\1|(主要)原因\2(?=[是为系])"
                               r"|(等)\3(?=[\u4e00-\u9fff])|(" + "|".join(STOCK_LEADS) + r")\s*\4"
                               r"|(工作)\5(?![组量室会站队者])")
_DOUBLED_PHRASE_HINT = (*(re.compile(rf"{w}\s*{w}") for w in (*NEVER_DOUBLED, *STOCK_LEADS)),  # a literal first
                        re.compile("主要原因主要"), re.compile("等等"), re.compile("工作工作"))
# A word or phrase of three to forty CJK characters printed twice back to back ("房地产房地产信用评价",
# "主要原因是:无增减变化无增减变化", "其他按照规定配备的公务用车主要是按照规定配备的公务用车主要是…"): no
# sentence says such a run twice in a row on purpose (a two-character one may end one word and
# open the next: "工程工程款").  A match never spans two joined texts (a line break is not CJK).
DOUBLED_RUN_RE = re.compile(r"([\u4e00-\u9fff]{3,40})\1")
# A two-character word printed twice at the edge of a clause ("调整价格价格，提供依据", "，保障保障
# 工信业务"): the second copy neither ends a longer word before it nor opens one after it, as in
# "更换工程工程款" or "支出控制控制数" — the slip of a word typed twice.  Verbs of the tentative aspect
# are doubled on purpose ("研究研究再定"); a unit twice is wording.doubled_unit's.
DOUBLED_PAIR_RE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2})\1|([\u4e00-\u9fff]{2})\2(?![\u4e00-\u9fff])")
TENTATIVE_VERBS = frozenset(("研究", "讨论", "商量", "考虑", "学习", "了解", "休息", "活动", "交流", "沟通", "锻炼", "整理"))
UNITS = frozenset(("万元", "亿元"))
# what every doubled run or pair holds: the hint both are sought by, in one scan
_DOUBLED_HINT = re.compile(r"([\u4e00-\u9fff]{2,40})\1")
# An item number: "(一)", "(1)", "一、" (folded brackets).  "1." is left out: "1.1." numbers a
# sub-section.
_ITEM = r"\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|[一二三四五六七八九十]{1,3}、"
REPEATED_ITEM_RE = re.compile(rf"(?P<mark>{_ITEM})\s*(?P=mark)")
# What every match holds, opening with a literal (``common.Texts``): ")(" or "、一"
_REPEATED_ITEM_HINT = (re.compile(r"\)\s*\("), re.compile(r"、\s*[一二三四五六七八九十]"))
# Where a lead-in starts: after the end of a statement, a colon, or at the block's start.
_LEAD_START = "。;:!?"
# A bracketed aside a copied lead-in may drop: "X局(本级)的主要职责是" restated as "X局的主要职责是".
_ASIDE_RE = re.compile(r"\([^()]*\)|\s+")
# a lead-in shorter than this ("其中:", "包括:") is a word, not a pasted phrase
LEAD_IN_MIN_CHARS = 5
# the number of a list item opening a lead-in: "3.", "(二)", "二、"
_LEAD_ORDINAL_RE = re.compile(r"\s*(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]{1,2}、)")
# "。)" and what follows it: the statement goes on after the bracket.
_STOP_CLOSE_RE = re.compile(r"。\s*\)\s*(?=[\u4e00-\u9fff\dA-Za-z])")
_SENTENCE_END = "。!?;:"
_COLON_RE = re.compile(":")
_LEAD_END_RE = re.compile(f"[{re.escape(_LEAD_START)}]")


@rule(
    "wording.doubled_phrase",
    severity="info",
    description="词语重复（用于用于、房地产房地产、部门名称连印两次），含表格中的文字栏 — a word, or the department's name, printed twice in a row",
)
def doubled_phrases(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    # (hint, the patterns of the texts it finds): one scan of the joined text for both doubled runs
    patterns: list[tuple[Hint, tuple[re.Pattern[str], ...]]] = [
        (_DOUBLED_PHRASE_HINT, (DOUBLED_PHRASE_RE,)), (_DOUBLED_HINT, (DOUBLED_RUN_RE, DOUBLED_PAIR_RE))]
    dept = unicodedata.normalize("NFKC", doc.meta.department or "")
    if len(dept) >= 4:  # a name, not a word ("本局")
        twice = re.compile("(" + re.escape(dept) + r")\s*\1")
        patterns.append((twice, (twice,)))
    reported: set[tuple[int, int]] = set()  # (block, start): a name of 3–12 characters is a run too
    for hint, kinds in patterns:
        for b in text.holding(hint):
            for m in (m for doubled in kinds for m in doubled.finditer(b.text)):
                if (id(b), m.start()) in reported or _two_paragraphs(b, m.start(), m.end() - 1):
                    continue
                if m.re in (DOUBLED_RUN_RE, DOUBLED_PAIR_RE) and _printed_thrice(b.text, m):
                    continue
                if m.re is DOUBLED_PAIR_RE and not _slipped_pair(m):
                    continue
                reported.add((id(b), m.start()))
                yield text_finding(
                    "wording.doubled_phrase", f"“{_doubled(m)}”重复：“{m.group(0)}” — a word printed twice", b, m.start(), m.end(),
                )
    in_cells = cells(doc, ctx)
    checked_each(ctx, in_cells.items)
    for t, r, col, cell in in_cells.holding(_DOUBLED_HINT):
        m = next((m for m in DOUBLED_RUN_RE.finditer(cell) if not _printed_thrice(cell, m)), None) or next(
            (m for m in DOUBLED_PAIR_RE.finditer(cell) if _slipped_pair(m) and not _printed_thrice(cell, m)), None)
        if m is not None:  # one finding per cell (a 绩效目标 cell is one target)
            yield cell_finding("wording.doubled_phrase", f"“{_doubled(m)}”重复：“{m.group(0)}” — a word printed twice in a table cell",
                               t, r, col, cell, m.start(), m.end())


def _doubled(m: re.Match[str]) -> str:
    """The word a doubling pattern found printed twice (its first group that matched)."""
    return next(g for g in m.groups() if g)


def _slipped_pair(m: re.Match[str]) -> bool:
    """Whether a doubled pair of DOUBLED_PAIR_RE is a slip: neither a tentative verb nor a unit."""
    return _doubled(m) not in TENTATIVE_VERBS and _doubled(m) not in UNITS


def _printed_thrice(text: str, m: re.Match[str]) -> bool:
    """Whether the doubled word of ``m`` is printed a third time beside it: a list of values read
    into one text ("保持稳定保持稳定保持稳定", a row of 指标值 read as one cell), not a slip."""
    word = _doubled(m)
    # a word itself made of copies of a shorter one: the run holds four or more ("保持稳定" × 12
    # matched as a run of six printed twice)
    periodic = (word + word).find(word, 1) < len(word)
    return periodic or text.startswith(word, m.end()) or text.endswith(word, 0, m.start())


def _two_paragraphs(b: TextBlock, first: int, last: int) -> bool:
    """Whether ``b.text[first]`` and ``b.text[last]`` were printed in two paragraphs of one page
    that the text joined (a cover's title "…单位预算" and its label "预算单位：…"): no doubling
    typed in one sentence.  A paragraph going on over a page break is one sentence."""
    a, z = b.source_at(first), b.source_at(last)
    return a != z and a.page is not None and a.page == z.page


@rule(
    "wording.repeated_item_number",
    severity="info",
    description="序号重复（（一）（一）） — an item number printed twice",
)
def repeated_item_numbers(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_REPEATED_ITEM_HINT):
        for m in REPEATED_ITEM_RE.finditer(b.text):
            yield text_finding(
                "wording.repeated_item_number",
                f"序号重复：“{_unfold(m.group(0))}” — an item number printed twice", b, m.start(), m.end(),
            )
    # a numbered list run on in one text ("…5.市民投诉次数小于5宗；6.发生安全生产责任死亡事故为0；
    # 6.项目投资额不超过…"), in the text or a table's text cell
    for b in text.holding(_LIST_ITEM_HINT):
        for at, n in numbered_twice(b.text):
            yield text_finding("wording.repeated_item_number", _twice_message(b.text, at, n), b, at, at + len(str(n)))
    table_cells = cells(doc, ctx)
    checked_each(ctx, table_cells.items)
    for t, r, col, cell in table_cells.holding(_LIST_ITEM_HINT):
        for at, n in numbered_twice(cell):
            yield cell_finding("wording.repeated_item_number", "：" + _twice_message(cell, at, n), t, r, col, cell,
                               at, at + len(str(n)))
    # a heading numbered as the one before it, the next going on from the number it should have had
    for before, again, after in renumbered_headings(doc.sections):
        ctx.checked()
        yield finding(
            "wording.repeated_item_number",
            f"{again.source.label()}：标题序号重复：“{again.title[:30]}”与前一标题“{before.title[:30]}”同号，"
            f"下一标题为“{after.title[:30]}” — a heading numbered as the one before it, the next number skipped",
            source=again.source, text=again.title,
        )


# The number a heading opens with, in its style: "十六、" ("、"), "(三)" ("()"); NFKC-folded brackets.
_HEADING_NUMBER_RE = re.compile(r"^\s*(?:(?P<dun>[一二三四五六七八九十]{1,3})、|[(（](?P<par>[一二三四五六七八九十]{1,3})[)）])")


def renumbered_headings(sections: tuple[Section, ...]) -> list[tuple[Section, Section, Section]]:
    """(before, again, after) for each heading numbered as the heading of its style before it
    while the next heading of that style goes on from the number it should have had: "十六、A
    十六、B 十八、C".  A number merely skipped or printed twice is not enough: a heading the reader
    missed skips one, and a list that starts again repeats one."""
    by_style: dict[str, list[tuple[int, Section]]] = {}
    for s in sections:
        if (m := _HEADING_NUMBER_RE.match(s.title)) is None:
            continue
        style = m.lastgroup or ""
        if (n := count_number(m.group(style))) is not None:
            by_style.setdefault(style, []).append((n, s))
    out = []
    for numbered in by_style.values():
        for (a, before), (b, again), (c, after) in zip(numbered, numbered[1:], numbered[2:], strict=False):
            if a == b and c == a + 2:
                out.append((before, again, after))
    return out


# An item of a list run on in one text: its number after the start, a stop or a colon (a "1." after
# a colon may open a list inside the item before).
LIST_ITEM_RE = re.compile(r"(?:^|[;。]|(?P<colon>:))\s*(\d{1,2})[.、](?=[\u4e00-\u9fff])")
_LIST_ITEM_HINT = re.compile(r"[;。:]\s*\d{1,2}[.、][\u4e00-\u9fff]")


def numbered_twice(text: str) -> list[tuple[int, int]]:
    """(offset, number) of each item numbered as the item before it, in a list that counts up to
    it ("…5.…；6.…；6.…")."""
    items = [(int(m.group(2)), m.start(2), m.group("colon") is not None) for m in LIST_ITEM_RE.finditer(text)]
    numbers = {n for n, _, _ in items}
    out: list[tuple[int, int]] = []
    levels: list[int] = []  # the last number of each list open, the outermost first
    for n, at, after_colon in items:
        if levels and n == 1 and after_colon:
            levels.append(n)  # "…包括：1.…2.…；2.…": a list inside the item, then the item after it
        elif len(levels) > 1 and n != levels[-1] + 1 and n == levels[-2] + 1:
            levels.pop()
            levels[-1] = n
        else:
            if levels and n == levels[-1] and n > 1 and n - 1 in numbers:
                out.append((at, n))
            levels[-1:] = [n]
    return out


def _twice_message(text: str, at: int, n: int) -> str:
    return f"序号“{n}.”连用两次：“…{text[at:at + 16]}” — a list numbers two items alike"


def repeated_lead_in(text: str) -> tuple[int, int] | None:
    """(start, end) of the first lead-in "…:" of ``text`` followed at once by a copy of itself
    (bracketed asides and spaces aside), or None."""
    colons = [m.start() for m in _COLON_RE.finditer(text)]  # found at C speed, not character by character
    for first, second in zip(colons, colons[1:], strict=False):
        if _LEAD_END_RE.search(text, first + 1, second):
            continue  # the second is no copy of a lead-in: a statement ends between (asked first: most)
        again = text[first + 1:second]
        start = max(text.rfind(ch, 0, first) for ch in _LEAD_START) + 1
        if (m := _LEAD_ORDINAL_RE.match(text, start)) is not None:
            start = m.end()  # "3.教育支出(类)…:教育支出(类)…:": the item's number is printed once
        lead = text[start:first]
        plain = _ASIDE_RE.sub("", lead)
        if len(plain) >= LEAD_IN_MIN_CHARS and plain == _ASIDE_RE.sub("", again):
            return start, second + 1
    return None


@rule(
    "wording.repeated_lead_in",
    severity="info",
    description="引导语重复（……的主要职责是：……的主要职责是：） — a lead-in printed twice",
)
def repeated_lead_ins(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).items:
        if b.text.count(":") < 2:
            continue
        ctx.checked()
        found = repeated_lead_in(b.text)
        if found is None:
            continue
        start, end = found
        yield text_finding(
            "wording.repeated_lead_in",
            f"引导语重复：“{_unfold(b.text[start:end].strip())}” — a lead-in printed twice", b, start, end,
        )


def _opening_bracket(text: str, close: int) -> int | None:
    """Where the bracket that ``text[close]`` closes was opened, or None."""
    depth = 0
    for i in range(close - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return i
            depth -= 1
    return None


@rule(
    "wording.bracket_stop",
    severity="info",
    description="句内括号中用了句号且句子在括号后继续（……减少1万元。）比上年……） — a full stop inside a bracket within a sentence",
)
def bracket_stops(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).items:
        if "。" not in b.text or ")" not in b.text:
            continue
        ctx.checked()
        for m in _STOP_CLOSE_RE.finditer(b.text):
            opened = _opening_bracket(b.text, m.group(0).index(")") + m.start())
            if opened is None or opened == 0 or b.text[:opened].rstrip()[-1:] in ("", *_SENTENCE_END):
                continue  # a bracket after a full statement ("…支出。(注:…。)") holds sentences of its own
            yield text_finding(
                "wording.bracket_stop",
                f"句内括号以句号结束而句子在括号后继续：“{_unfold(b.text[max(opened, m.start() - 12):m.end() + 6])}”"
                " — a full stop inside a bracket within a sentence",
                b, m.start(), m.end(),
            )


def _unfold(text: str) -> str:
    """Folded marks back to the full-width forms people print."""
    return text.translate(str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "："}))


# An item this long (CJK characters, its number aside) printed again as the next item is pasted
# twice; short ones ("无。") may well repeat.
ITEM_MIN_CJK = 10
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]")


@rule(
    "wording.repeated_item",
    severity="info",
    description="列表中相邻两项内容完全相同（1.其他支出…502万元。2.其他支出…502万元。） — a list item printed again as the next item",
)
def repeated_items(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    blocks = passages(doc, ctx).items
    checked_each(ctx, blocks)
    before: tuple[str, str] | None = None  # the item above: (its number, its words)
    for b in blocks:
        m = None if b.heading else _LEAD_ORDINAL_RE.match(b.text)
        if m is None:
            before = None
            continue
        number, words = m.group(0).strip(), b.text[m.end():].strip()  # a paste repeats its spaces too
        if (before is not None and before[1] == words and before[0] != number
                and len(_CJK_RUN_RE.findall(words)) >= ITEM_MIN_CJK):
            yield text_finding(
                "wording.repeated_item",
                f"第“{_unfold(number)}”项与上一项“{_unfold(before[0])}”内容完全相同：“{_unfold(words[:40])}…” — "
                "a list item printed again as the next item",
                b, m.end(), len(b.text),
            )
        before = number, words


# A first-level heading of the running text: "一、收支预算总体情况", "十八、深圳市公共就业服务中心".
_FIRST_LEVEL_RE = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]")
# parts whose numbered lines are no outline of the 情况说明: the tables' captions (and a 目录 read
# with them), the 名词解释's entries (numbered items a line may read as headings)
_NOT_OUTLINE_PARTS = frozenset({"tables", "glossary", "toc"})


def _first_level(b: TextBlock) -> int | None:
    m = _FIRST_LEVEL_RE.match(b.text)
    return count_number(m.group(1)) if m else None


def skipped_heading_numbers(blocks: list[TextBlock]) -> list[tuple[TextBlock, TextBlock, tuple[int, ...]]]:
    """(place, heading, numbers left out) of each first-level heading numbered past the number due,
    no line between printing the numbers left out (so no heading the reader missed): after the
    heading before it in its part ("十六、" then "十八、": the place is the heading), or as the first
    of a part that neither restarts at 一 nor goes on from the last number of the part before (the
    place is the part's first passage, where "一、" is missing)."""
    out: list[tuple[TextBlock, TextBlock, tuple[int, ...]]] = []
    last = 0  # the last first-level number of the parts before
    prev: int | None = None  # the last first-level number of this part, and its block's position
    before: int | None = None  # …and the one before it
    part_start = at = 0
    for i, b in enumerate(blocks):
        if b.heading and b.level == 1:
            last, prev, before, part_start = prev or last, None, None, i + 1
            continue
        if not b.heading or b.level != 2 or (n := _first_level(b)) is None:
            continue
        if b.part not in _NOT_OUTLINE_PARTS:
            if prev is not None:
                # "十六、十六、十八": the second 十六 is the slip (``renumbered_headings``), none is left out
                renumbered = before == prev and n == prev + 2
                missing, place, lines = () if renumbered else tuple(range(prev + 1, n)), b, blocks[at + 1:i]
            elif n > 1 and n != last + 1 and part_start > 0:
                missing, place, lines = tuple(range(1, n)), blocks[part_start] if part_start < i else b, blocks[part_start:i]
            else:
                missing, place, lines = (), b, []
            if missing and not any(_first_level(x) in missing for x in lines):
                out.append((place, b, missing))
        before, prev, at = prev, n, i
    return out


def _numeral(n: int) -> str:
    tens, ones = divmod(n, 10)
    digits = "一二三四五六七八九"
    return ("" if tens == 0 else ("" if tens == 1 else digits[tens - 1]) + "十") + ("" if ones == 0 else digits[ones - 1])


@rule(
    "wording.skipped_heading_number",
    severity="info",
    description="一级标题序号跳号（十六、之后为十八、；一个部分的标题从二、起） — a first-level heading number skipped",
)
def skipped_heading_number(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    blocks = list(doc.text)
    ctx.checked()
    for place, heading, missing in skipped_heading_numbers(blocks):
        left_out = "、".join(f"“{_numeral(n)}、”" for n in missing)
        if place is heading:
            what = f"一级标题“{heading.text[:30]}”前缺{left_out}"
        else:
            what = f"本部分首个一级标题为“{heading.text[:30]}”，其前“{place.text[:30]}”之上缺{left_out}"
        yield text_finding(
            "wording.skipped_heading_number",
            f"{what}，序号跳号 — a first-level heading number skipped", place, 0, min(len(place.text), 60),
        )

