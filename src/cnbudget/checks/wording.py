"""Rules on the wording of the text: what a 预决算公开检查 finds by reading the 情况说明.

    wording.placeholder     a template remnant or placeholder left in the published text:
                            "XX局", "××", "x,xxx万元", "增加（减少）", "【请填写…】", a level
                            left unchosen ("纳入省（市/县）财政预算管理")
    wording.drafting_note   a drafting note left in: "（注：上年3,468.18万元，公开时请删除注释）",
                            "（请核实单位是否有涉密项目，若无…则备注写“备注：无”）", the office that
                            wrote a passage tagged after it ("…政策支持。（发展处）")
    wording.empty_reason    a reason or list announced and left empty: "主要原因是。", "包括：。"
    wording.obsolete_name   a function class name no longer in force in the document's year
                            ("医疗卫生与计划生育支出" after 2018: 卫生健康支出), from ``codes``;
                            an economic 类 printed as a 类 under its pre-2018 name
                            ("其他资本性支出（支出经济分类科目类级）": 资本性支出)
    wording.change_without_amount  an item's amount followed by its change with the figure left
                            out: "安排210.52万元，较上年减少，原因是…"
    wording.stray_year      a year printed without 年 at the head of a list item, where a name
                            belongs: "其中：2026机要通讯用车1辆"
    wording.clipped_phrase  a stock phrase that lost its first character right after an amount:
                            "预算准备金20.40万元，要用于…" (主要用于); 车辆 that lost its 车:
                            "计划购置辆 0 辆", "主要是辆保险费"
    wording.count_listed    a stated count against the items listed before it: "A、B、…、I等8家"
                            listing nine (error), a long list one short of its count, a list
                            announced whole ("有以下机构：") that cannot make its count, or a
                            count of none that goes on to list ("共有0个，包括：") (warning)
    wording.blank_target    a rate's target announced with its figure left out: "…考核合格率达，形成…"
    wording.unfinished_sentence  a paragraph, or a table's text cell (a 绩效目标), that stops at a
                            comma ("…安排604.53万元，" and then a heading); a last sentence with
                            no full stop (info)

Every finding quotes the sentence (``Finding.text``) and points at its line or page.  The text
read is ``Disclosure.text`` (headings and passages, NFKC-folded: "（" is "(", "，" is ",").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from cnbudget.checks.common import (
    cell_finding,
    cells,
    checked_each,
    literal_first,
    passages,
    pattern_findings,
    sentence_span,
    text_finding,
)
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.codes.catalog import ECONOMIC, FUNCTION, GOV_ECONOMIC, entries
from cnbudget.model import Disclosure, Finding, TextBlock
from cnbudget.numbers import count_number

# "XX局", "××单位", "XXX万元", "x,xxx.xx万元", "X%": letters x/X/× standing for a name or a figure.
_X = "[xX×]"
# Both open with the x and look back from it (the same test as "not after a letter or digit"):
# a pattern that starts with a character class is scanned for it at C speed, where a
# look-behind first is tried at every position.
_X_NOT_IN_A_WORD = rf"{_X}(?<![A-Za-z0-9]{_X})"
PLACEHOLDER_NAME_RE = re.compile(rf"{_X_NOT_IN_A_WORD}{_X}+(?![A-Za-z0-9])")
PLACEHOLDER_FIGURE_RE = re.compile(
    rf"{_X_NOT_IN_A_WORD}{_X}*(?:[,.]{_X}+)*\s*(?:亿元|万元|元|%|个|人|辆|台)"
)
# "【请填写…】", "（请根据实际情况填写）", "此处填写…".
FILL_IN_RE = re.compile(r"请(?:根据实际情况|按实际)?(?:填写|填报|补充完善|据实填列|填列|选择)|此处填写|待填写|【[^】]{0,30}】")
# "增加（减少）", "下降（增长）", "增长/下降": both ways of a template left standing.
_UP = "增加|增长|上升|提高"
_DOWN = "减少|下降|降低"
CHOICE_RE = re.compile(
    rf"(?:(?:{_UP})\s*(?:\(\s*(?:{_DOWN})\s*\)|/\s*(?:{_DOWN}))|(?:{_DOWN})\s*(?:\(\s*(?:{_UP})\s*\)|/\s*(?:{_UP})))"
)
# "纳入省（市/县）财政预算管理": the template's choice of government level left unmade
_LEVELS = "[省市县区乡镇]"
LEVEL_CHOICE_RE = re.compile(rf"{_LEVELS}?\(\s*{_LEVELS}(?:\s*/\s*{_LEVELS})+\s*\)")
_LEVEL_CHOICE_HINT = re.compile(rf"\(\s*{_LEVELS}\s*/")
# "（注：…公开时请删除…）", "公开前删除", "请删除此说明".
# A question or an instruction to the preparer: "（请核实单位是否有涉密项目，若无涉密项目，则备注写
# “备注：无”）".
# The office that wrote a passage, tagged after its last sentence when the pieces were put
# together: "…争取国家和省政府政策支持。（发展处）".
DRAFTING_NOTE_RE = re.compile(
    r"(?:公开|发布|上传|印发|正式|定稿)[时前后]?\s*(?:请|须|需|应)?\s*(?:删除|删去|去掉|去除)|请\s*(?:删除|删去)(?:此|本|该)"
    r"|请(?:核实|核对|确认)[^。;]{0,20}?是否"
    r"|若(?:无|没有)[^。;]{0,30}?,?\s*则[^。;]{0,12}?(?:写|填)"
    r"|(?<=。)\s*\([\u4e00-\u9fff、]{1,10}[处科室股]\)"
)
# What every match of DRAFTING_NOTE_RE holds (``common.Texts``): the word to delete, 请 or 若无,
# a stop and a bracket.
_DRAFTING_NOTE_HINT = (re.compile("删[除去]"), re.compile("去[掉除]"), re.compile("请"), re.compile("若(?:无|没有)"),
                       re.compile(r"。\s*\([\u4e00-\u9fff、]{1,10}[处科室股]\)"))
# "主要原因是。", "主要原因：；", "包括：。", "主要用于：。" — an announcement with nothing after it.
# "具体情况如下。" before a list on the next lines is not empty: 如下, 其中 … need the colon.
EMPTY_REASON_RE = re.compile(
    r"(?P<word>主要原因|主要是|主要系|主要用于|主要包括|包括)(?:是|为|系|有)?\s*:?\s*(?=[。;])"
    r"|(?P<word2>原因|其中|具体如下|如下|分别为|分别是)(?:是|为|系)?\s*:\s*(?=[。;])"
    r"|(?P<word3>原因)(?:是|为|系)\s*(?=[。;])"
    # "主要原因是其中：1.因公出国（境）费…": the breakdown follows where the reason should be
    r"|(?P<word4>原因)(?:是|为|系)\s*(?=其\s*中\s*:)"
)
# EMPTY_REASON_RE with the marks it looks ahead at taken in: context-free (``common.Texts``),
# one pattern per opening word, each opening with a literal ("如下" also finds "具体如下").
_EMPTY_REASON_HINT = (
    re.compile(r"主要(?:原因|是|系|用于|包括)(?:是|为|系|有)?\s*:?\s*[。;]"),
    re.compile(r"包括(?:是|为|系|有)?\s*:?\s*[。;]"),
    re.compile(r"原因(?:(?:是|为|系)?\s*:\s*[。;]|(?:是|为|系)\s*[。;]|(?:是|为|系)\s*其\s*中\s*:)"),
    re.compile(r"其中(?:是|为|系)?\s*:\s*[。;]"),
    re.compile(r"如下(?:是|为|系)?\s*:\s*[。;]"),
    re.compile(r"分别[为是](?:是|为|系)?\s*:\s*[。;]"),
)
# "（一）收入预算：2026年。" — a figure's heading whose sentence holds nothing but the year: the
# template's sentence cut before its amount ("预算年度：2026年。" names a year and is complete)
UNFILLED_RE = re.compile(r"(?<=预算|决算|收入|支出|经费)\s*:\s*(?:19|20)\d{2}\s*年(?:度)?\s*(?=[。;]|$)")
# What every match of FILL_IN_RE and of UNFILLED_RE holds (the latter opens with look-behinds,
# tried at every position): a passage without it is not scanned for them.
_FILL_IN_WORDS = ("请", "此处填写", "待填写", "【")
_FILL_IN_HINT = re.compile("|".join(_FILL_IN_WORDS))
_UNFILLED_HINT = re.compile(r":\s*(?:19|20)\d{2}\s*年")
# What every match of CHOICE_RE holds: a bracket or a slash before the second way.
_CHOICE_REST = rf"\s*(?:{_UP}|{_DOWN})"
_CHOICE_HINT = re.compile(rf"[(/]{_CHOICE_REST}")
# What every placeholder holds, for one search of the whole text (``common.Texts``): an x, or
# one of the hints above (all context-free), each opening with a literal.
_PLACEHOLDER_HINT = (*literal_first("xX×"), *literal_first(_FILL_IN_WORDS), *literal_first("(/", _CHOICE_REST),
                     _UNFILLED_HINT, _LEVEL_CHOICE_HINT)
# Obsolete names shorter than this are common words ("文化", "扶贫"), not catalog names.
OBSOLETE_MIN_CHARS = 6


@rule(
    "wording.placeholder",
    severity="error",
    description="模板占位符或待选字样未替换（XX局、x,xxx万元、增加（减少）、请填写） — a template placeholder left in the text",
)
def placeholders(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx, tables_part=True)
    checked_each(ctx, text.items)
    for b in text.holding(_PLACEHOLDER_HINT):
        seen: set[int] = set()
        for rx, what, hint in ((PLACEHOLDER_FIGURE_RE, "占位数字", None), (PLACEHOLDER_NAME_RE, "占位符", None),
                               (FILL_IN_RE, "填写提示", _FILL_IN_HINT), (CHOICE_RE, "模板待选字样", _CHOICE_HINT),
                               (LEVEL_CHOICE_RE, "未选定的政府层级", _LEVEL_CHOICE_HINT),
                               (UNFILLED_RE, "未填写金额的句子", _UNFILLED_HINT)):
            if hint is not None and not hint.search(b.text):
                continue
            for m in rx.finditer(b.text):
                if any(i in seen for i in range(m.start(), m.end())):
                    continue
                seen.update(range(m.start(), m.end()))
                yield text_finding(
                    "wording.placeholder",
                    f"正文留有{what}“{m.group(0)}”，应替换为实际内容 — template placeholder left in the text",
                    b, m.start(), m.end(),
                )


@rule(
    "wording.drafting_note",
    severity="error",
    description="编制时的注释或提示未删除（公开时请删除） — a drafting note left in the published text",
)
def drafting_notes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx, tables_part=True)
    checked_each(ctx, text.items)
    for b in text.holding(_DRAFTING_NOTE_HINT):
        said: set[int] = set()
        for m in DRAFTING_NOTE_RE.finditer(b.text):
            sentence = sentence_span(b.text, m.start())[0]
            if sentence in said:
                continue  # one note, one finding ("请核实…是否…，若无…则…写")
            said.add(sentence)
            yield text_finding(
                "wording.drafting_note",
                f"正文留有编制时的注释（“{m.group(0)}”），公开前应删除 — drafting note left in the published text",
                b, m.start(), m.end(),
            )


_LIST_START_RE = re.compile(r"^\s*(?:\d+[.、．)]|[（(][一二三四五六七八九十\d]+[)）]|[①-⑩]|[一二三四五六七八九十]+、)")


@rule(
    "wording.empty_reason",
    severity="error",
    description="原因或列举项为空（主要原因是。/包括：。） — a reason or list announced and left empty",
)
def empty_reasons(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx, tables_part=True)
    blocks = text.items
    checked_each(ctx, [b for b in blocks if not b.heading])
    for k in text.where(_EMPTY_REASON_HINT):
        b = blocks[k]
        if b.heading:
            continue
        following = blocks[k + 1].text if k + 1 < len(blocks) else ""
        for m in EMPTY_REASON_RE.finditer(b.text):
            if not b.text[m.end() + 1:].strip() and _LIST_START_RE.match(following):
                continue  # "包括：。" then the list on the next lines: a stray 。, not an empty list
            word = m.group("word") or m.group("word2") or m.group("word3") or m.group("word4")
            yield text_finding(
                "wording.empty_reason",
                f"“{word}”之后没有内容（“{b.text[m.start():m.end() + 1]}”），应写明具体"
                f"{'原因' if '原因' in word or word in ('主要是', '主要系') else '内容'} — "
                "a reason or list announced and left empty",
                b, m.start(), m.end(),
            )


# --------------------------------------------------------------------------- obsolete names


@lru_cache(maxsize=32)
def obsolete_names(year: int) -> dict[str, tuple[str, int]]:
    """Function class names no longer in force in ``year``: old name → (the name in force, last year)."""
    current = {e.code: e.name for e in entries(FUNCTION, year)}
    in_force = set(current.values())
    out: dict[str, tuple[str, int]] = {}
    for e in entries(FUNCTION):
        if e.valid_to is None or e.valid_to >= year or e.code not in current or current[e.code] == e.name:
            continue
        if len(e.name) < OBSOLETE_MIN_CHARS or any(e.name in n for n in in_force):
            continue
        out[e.name] = (current[e.code], e.valid_to)
    return out


@lru_cache(maxsize=32)
def _obsolete_re(year: int) -> re.Pattern[str] | None:
    names = sorted(obsolete_names(year), key=len, reverse=True)
    return re.compile(f"(?P<name>{'|'.join(map(re.escape, names))})") if names else None


@lru_cache(maxsize=32)
def _obsolete_hint(year: int) -> tuple[re.Pattern[str], ...]:
    return literal_first(sorted(obsolete_names(year)))  # the names themselves, one by one


@lru_cache(maxsize=32)
def obsolete_economic_classes(year: int) -> dict[str, tuple[str, int]]:
    """Economic 类 names no longer in force in ``year`` whose code is (310 其他资本性支出 → 资本性
    支出): old name → (the name in force, last year).  A 类's old name may be a 款's name now
    (31099 其他资本性支出), so it is read only where the text marks it a 类."""
    out: dict[str, tuple[str, int]] = {}
    for catalog in (ECONOMIC, GOV_ECONOMIC):
        current = {e.code: e.name for e in entries(catalog, year) if e.level == "类"}
        for e in entries(catalog):
            if e.level == "类" and e.valid_to is not None and e.valid_to < year and current.get(e.code) not in (None, e.name):
                out[e.name] = (current[e.code], e.valid_to)
    return out


# what every marked economic 类 holds: its mark ("类级)", "(类)")
_ECONOMIC_CLASS_MARK_HINT = re.compile(r"类级?\)")


@lru_cache(maxsize=32)
def _obsolete_economic_re(year: int) -> re.Pattern[str] | None:
    """An old 类 name marked as a 类: "其他资本性支出（支出经济分类科目类级）", "…（类）"."""
    names = sorted(obsolete_economic_classes(year), key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?P<name>{'|'.join(map(re.escape, names))})(?=\s*\((?:支出)?(?:经济分类)?(?:科目)?类级?\))")


@rule(
    "wording.obsolete_name",
    severity="warning",
    description="使用已停用的科目名称（如2018年后仍称医疗卫生与计划生育支出、其他资本性支出（类级）） — an obsolete class name for the document's year",
)
def obsolete_class_names(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    text = passages(doc, ctx, tables_part=True)
    checked_each(ctx, text.items)
    # (pattern, old name → (name in force, last year), hint, what the old name was, English)
    kinds = ((_obsolete_re(year), obsolete_names(year), _obsolete_hint(year), "科目名称", "function"),
             (_obsolete_economic_re(year), obsolete_economic_classes(year), _ECONOMIC_CLASS_MARK_HINT,
              "支出经济分类类级科目名称", "economic"))
    for rx, names, hint, what, kind in kinds:
        if rx is None:
            continue
        for b in text.holding(hint):
            for m in rx.finditer(b.text):
                now, last = names[m.group("name")]
                yield text_finding(
                    "wording.obsolete_name",
                    f"“{m.group('name')}”为{last}年及以前的{what}，{year}年应为“{now}” — obsolete {kind} class name",
                    b, m.start(), m.end(),
                )


# --------------------------------------------------------------------------- a change without its figure

# "2026年本部门机关运行经费安排210.52万元，较上年减少，原因是…": an item's amount, then its change
# with the figure left out (the template's blank, or "比2025年年初预算数有所减少").  A reason's "较上年减少" after no amount is prose.
CHANGE_WITHOUT_AMOUNT_RE = re.compile(
    r"\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)\s*,\s*(?:较|比)\s*(?:上年|上一年|去年|(?:19|20)\d\d\s*年)"
    r"(?:年初)?(?:预算)?数?\s*(?:有所)?(?P<word>增加|减少|增长|下降)\s*(?=[,;。])"
)
_CHANGE_WITHOUT_AMOUNT_HINT = re.compile(r"(?:增加|减少|增长|下降)\s*[,;。]")


@rule(
    "wording.change_without_amount",
    severity="warning",
    description="金额之后的变动未写变动额（安排210.52万元，较上年减少，原因是…） — a change stated without its figure",
)
def changes_without_amount(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_CHANGE_WITHOUT_AMOUNT_HINT):
        for m in CHANGE_WITHOUT_AMOUNT_RE.finditer(b.text):
            yield text_finding(
                "wording.change_without_amount",
                f"“{m.group(0)}”：{m.group('word')}多少未写明，应写出变动额 — a change stated without its figure",
                b, m.start(), m.end(),
            )


# --------------------------------------------------------------------------- stray years

# "其中:2026机要通讯用车1辆": a year opening a list item of counted things and running into
# its name.  A year is followed by 年/年度/届/版/号 …, a range ("2025-2027"), or is an amount
# ("2026元", "2026万元") or a count ("2026人"); those are not judged.  Nor is an item that
# counts nothing: a project may be named with its year ("2026深圳应急管理新媒体视频矩阵运营").
_NOT_AFTER_YEAR = "年度届级版期号元万亿千百人个名辆台套项次家户件条所座间张本篇场批床米吨平余多至"
STRAY_YEAR_RE = re.compile(
    rf"(?:(?<=[:、;])|(?<=其中,))\s*(?P<year>(?:19|20)\d\d)(?![\d.,])(?!\s*[{_NOT_AFTER_YEAR}])\s*(?=[\u4e00-\u9fff])"
)

# What every match of STRAY_YEAR_RE holds (its look-behinds open it, so it is tried at every
# position): a passage without it is not scanned.
_STRAY_YEAR_HINT = literal_first((":", "、", ";", "其中,"), r"\s*(?:19|20)\d\d")

# The rest of the item: a name and a count of things ("机要通讯用车1辆", "应急设备 2 台(套)").
COUNTED_ITEM_RE = re.compile(r"[^、,;。:]{1,30}?\d+\s*(?:辆|台|套|人|名|个|家|处|所|架|艘|间|座)(?:\(套\))?\s*(?=[、,;。]|$)")


@rule(
    "wording.stray_year",
    severity="warning",
    description="列举项开头多出不带“年”的年份（其中：2026机要通讯用车1辆） — a stray year at the head of a list item",
)
def stray_years(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, [b for b in text.items if not b.heading])
    for b in text.holding(_STRAY_YEAR_HINT):
        if b.heading:
            continue
        for m in STRAY_YEAR_RE.finditer(b.text):
            if not COUNTED_ITEM_RE.match(b.text, m.end()):
                continue
            yield text_finding(
                "wording.stray_year",
                f"列举项前多出年份“{m.group('year')}”（“{b.text[m.start('year'):m.end() + 8]}”），"
                "应删除或补全 — a stray year at the head of a list item",
                b, m.start("year"), m.end(),
            )


# --------------------------------------------------------------------------- counts of a list

# "…、杭州市公安局地铁分局等8家行政单位": a list of names joined by 、 and the count it states.
LIST_COUNT_RE = re.compile(
    r"等\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<unit>家|个|所|项)"
    # "…、队伍大融合等六大行动", "产业、人才、科技三大领域": a set of named things counted with 大,
    # right after its items (with 等 or not); "一大批" counts nothing, "第三大" is a rank
    r"|(?<![\d第])(?:等\s*)?(?P<n2>\d{1,2}|[二两三四五六七八九十]{1,2})\s*(?P<unit2>大)(?=[\u4e00-\u9fff])"
)
# What every match of LIST_COUNT_RE holds: 等 and a number, or a number, 大 and a word
# (context-free, ``common.Texts``; each opens with a literal or a class, found at C speed)
_LIST_COUNT_HINT = (re.compile(r"等\s*[\d一二两三四五六七八九十]"), re.compile(r"[\d二两三四五六七八九十]\s*大[\u4e00-\u9fff]"))
# Where a list starts: after the clause's punctuation (folded to ASCII) or a lead word.
_CLAUSE_START_RE = re.compile(r"[,;:。!?]|包括|分别为|分别是|其中")
# Parenthesised asides ("(留置看护管理支队)", "(含A、B)") are no items of their own.
_ASIDE_RE = re.compile(r"\([^()]*\)")
# A list this long that falls one short of its count is a miscount or an item dropped; a short
# one with 等 may name examples only ("A、B等8家").
LONG_LIST = 5




def listed_items(text: str) -> tuple[list[str], bool] | None:
    """The items of the 、-list that ends ``text``, and whether the list's start was seen (a
    passage that opens mid-list — one cut at a page break — may hold only its tail).  None
    when it is no plain list of names: a single item, an empty one, or a last item joined
    with 和/及/与."""
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text)]
    body = text[starts[-1] if starts else 0:]
    if (opened := body.rfind("(")) > body.rfind(")"):
        # a count inside a bracket counts the items inside it: "运维(含消防、电梯、空调、高低压配电四大系统)"
        body, starts = body[opened + 1:], [*starts, opened + 1]
    body = _ASIDE_RE.sub("", body)
    items = [x.strip() for x in body.split("、")]
    if len(items) < 2 or any(not x for x in items) or re.search(r"和|及|与|以及", items[-1]):
        return None
    return items, bool(starts)


# A lead that announces the whole list, right before it: "有以下机构：", "如下：", "分别为".
_IN_FULL_RE = re.compile(r"(?:以下|如下)[^,;。:、]{0,8}:\s*$|分别(?:为|是)\s*:?\s*$")
# A count of none that goes on to list what it counts: "二级预算单位共有0个，包括：".
ZERO_LISTED_RE = re.compile(r"(?:共有|共计|共)\s*0\s*(?P<unit>个|家|所|项)[^。;:]{0,4}?,?\s*(?:包括|分别为|分别是|具体如下|如下)")


def _announced_in_full(before: str, items: list[str]) -> bool:
    """Whether the list ending ``before`` was announced as the whole of what it counts."""
    first = items[0]
    at = before.rfind(first)
    return at > 0 and _IN_FULL_RE.search(before[:at]) is not None


def _most_items(items: list[str]) -> int:
    """The most items a 、-list may name: an item joined with 和/及 inside ("宣传统战与科普处和机关党委")
    may be two (or one name: "住房和城乡建设局")."""
    return len(items) + sum(len(re.findall(r"和|及", x)) for x in items)


def _zero_counts_listed(b: TextBlock) -> Iterator[Finding]:
    for m in ZERO_LISTED_RE.finditer(b.text):
        yield text_finding(
            "wording.count_listed",
            f"称“{m.group(0).rstrip(',:')}”：数量为 0 却接着列举 — a count of none followed by a list",
            b, m.start(), m.end(), severity="warning",
        )


@rule(
    "wording.count_listed",
    severity="error",
    description="所述个数与列举项数不符（列举9家而称“等8家”“等六大行动”），含表格中的文字栏 — a stated count against the items listed",
)
def count_against_list(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    may_count = set(text.where(_LIST_COUNT_HINT)) | set(text.where(ZERO_LISTED_RE))  # both context-free
    for k in sorted(may_count):
        b = text.items[k]
        if b.heading:
            continue
        yield from _zero_counts_listed(b)
        for m, items, severity in _miscounted_lists(b.text, ctx):
            yield text_finding("wording.count_listed", _miscount_message(m, items, b.text), b, m.start(), m.end(),
                               severity=severity)
    # a project's 绩效目标 is running text too: "完成培训、…、信访政务运行管理等六大模块工作内容"
    for t, r, col, cell in cells(doc, ctx).holding(_LIST_COUNT_HINT):
        for m, items, severity in _miscounted_lists(cell, ctx):
            yield cell_finding("wording.count_listed", _miscount_message(m, items, cell), t, r, col, cell,
                               m.start(), m.end(), severity=severity)


def _miscounted_lists(text: str, ctx: Context) -> Iterator[tuple[re.Match[str], list[str], str]]:
    """The stated counts of ``text`` that its list right before does not make: (the count, the
    items listed, the severity)."""
    if "等" not in text and "大" not in text:
        return  # no count (a quick test: the pattern is slow to try at every character)
    previous_end = 0
    for m in LIST_COUNT_RE.finditer(text):
        stated = count_number(m.group("n") or m.group("n2"))
        listed = listed_items(text[previous_end:m.start()])
        at_start = previous_end == 0
        previous_end = m.end()
        if stated is None or listed is None:
            continue
        ctx.checked()
        items, whole = listed
        n = len(items)
        if n > stated:
            yield m, items, "error"
        elif n == stated - 1 and n >= LONG_LIST and (whole or not at_start):
            yield m, items, "warning"
        elif whole and _announced_in_full(text[:m.start()], items) and stated > _most_items(items):
            yield m, items, "warning"  # "有以下机构：A、B、…等21个": the list was announced whole


def _miscount_message(m: re.Match[str], items: list[str], text: str) -> str:
    n, stated = len(items), m.group(0).strip()
    if m.group("unit2"):
        stated += text[m.end():m.end() + 2]  # "等六大" + "行动": what was counted
    unit = m.group("unit") or "项"
    return f"列举了 {n} {unit}（{'、'.join(items[:2])}…{items[-1]}），却称“{stated}” — {n} items listed, the sentence says " \
        f"{count_number(m.group('n') or m.group('n2'))}"


# --------------------------------------------------------------------------- clipped phrases

# "20.40万元,要用于…": the stock phrases that follow an amount, with their 主 lost.  Right after
# an amount and its comma, "要用于" is no "must be used for" (that needs a subject: 资金要用于).
CLIPPED_PHRASES = {"要用于": "主要用于", "要原因": "主要原因", "要包括": "主要包括"}
CLIPPED_RE = re.compile(
    r"\d\s*(?:亿元|万元|元)\s*,\s*(?P<phrase>" + "|".join(CLIPPED_PHRASES) + ")"
)
_CLIPPED_HINT = re.compile("要(?:用于|原因|包括)")  # in every match, and opening with a literal


@rule(
    "wording.clipped_phrase",
    severity="warning",
    description="惯用语缺字（…万元，要用于 → 主要用于；购置辆0辆 → 车辆） — a stock phrase that lost its first character",
)
def clipped_phrases(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_CLIPPED_HINT):
        for m in CLIPPED_RE.finditer(b.text):
            phrase = m.group("phrase")
            yield text_finding(
                "wording.clipped_phrase",
                f"“{phrase}”缺字，应为“{CLIPPED_PHRASES[phrase]}” — a stock phrase missing its first character",
                b, m.start("phrase"), m.end(),
            )
    for b in text.holding(_VEHICLE_HINT):
        for m in CLIPPED_VEHICLE_RE.finditer(b.text):
            yield text_finding(
                "wording.clipped_phrase",
                f"“{b.text[max(0, m.start() - 4):m.end() + 4].strip()}”：“辆”前既无数字也无“车”，疑缺“车”字（车辆） — "
                "辆 with neither a count nor 车 before it",
                b, m.start(), m.end(),
            )


# "计划购置辆 0 辆", "主要是辆保险费": 辆 follows a count (3辆, 三辆, 万辆, 元/辆, "(辆)") or is the
# end of 车辆; after any other word its 车 was lost.  ("车辆辆", a count left blank, is
# wording.blank_count's.)
CLIPPED_VEHICLE_RE = re.compile(r"(?<![车\d一二两三四五六七八九十百千几多每各余万/(辆\s])辆")
_VEHICLE_HINT = re.compile("辆")


# "共有车辆辆，其中机要通信用车辆、应急保障用车3辆": a count left out between a vehicle and its
# measure word, in a sentence that prints the other counts ("使用车辆" is a word, not a blank).
BLANK_COUNT_RE = re.compile(r"车辆辆|(?<!使)用车辆(?=[、,;。])")
PRINTED_COUNT_RE = re.compile(r"(?:用车|车辆)\s*\d+\s*辆")


@rule(
    "wording.blank_count",
    severity="warning",
    description="车辆数量空缺（共有车辆辆、机要通信用车辆、） — a count left blank in a list of counts",
)
def blank_counts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).items:
        if "辆" not in b.text:
            continue
        ctx.checked()
        for s in re.finditer(r"[^。;]+", b.text):
            blanks = list(BLANK_COUNT_RE.finditer(s.group(0)))
            if not blanks or not PRINTED_COUNT_RE.search(s.group(0)):
                continue
            words = "、".join(f"“{s.group(0)[max(m.start() - 4, 0):m.end()]}”" for m in blanks)
            yield text_finding(
                "wording.blank_count",
                f"数量空缺：{words}，未印数字（为0时应印0） — a count left blank",
                b, s.start() + blanks[0].start(), s.start() + blanks[-1].end(),
            )


# A rate or degree announced with its level and the figure left out: "…专业能力考核合格率达，形成…"
BLANK_TARGET_RE = re.compile(r"(?:率|度)(?:达到|达|不低于|不少于|保持在)\s*[,;。、)]")
_BLANK_TARGET_HINT = literal_first(("率", "度"), r"(?:达到|达|不低于|不少于|保持在)\s*[,;。、)]")


@rule(
    "wording.blank_target",
    severity="warning",
    description="比率目标的数值空缺（考核合格率达，） — a rate's target announced with its figure left out",
)
def blank_targets(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    yield from pattern_findings(doc, ctx, "wording.blank_target", _BLANK_TARGET_HINT, BLANK_TARGET_RE,
                                _blank_target_message)


def _blank_target_message(text: str, m: re.Match[str]) -> str:
    return f"“{text[max(0, m.start() - 12):m.end()]}”：目标值空缺，未印数字 — a rate's target left blank"


# A paragraph's last sentence of clauses ("…,压减项目支出,相应的预算数额减少") ending on a word,
# with no stop: not a note ("注:…"), a list line or a caption (those hold no clause)
_UNSTOPPED_RE = re.compile(r"(?:^|[。;!?])(?!\s*注\s*:)[^。;!?]*,[^。;!?,]*[\u4e00-\u9fff]{2}$")
# …or one running on, with no stop, into the "其中:" that opens the list below it ("主要原因是…
# 费用减少" / "其中:1.因公出国(境)费…", the paragraphs joined): a sentence after another, or one
# of clauses — a title run into a table's "其中:" is neither
_RUN_INTO_LIST_RE = re.compile(
    r"(?:[。;!?](?P<after_stop>[^。;!?]{4,}?)|(?:^|[。;!?])(?P<clauses>(?!\s*注\s*:)[^。;!?]*,[^。;!?,]*?))"
    r"(?<=[\u4e00-\u9fff])其中:"
)
_LIST_HINT = re.compile("其中:")
# …or a figure with its unit run straight into it: "安排购置车辆0辆其中:部级领导干部用车0辆…"
_COUNT_INTO_LIST_RE = re.compile(r"(?P<figure>\d[\d,.]*\s*(?:辆|台\(套\)|台|套|个|项|人|万元|元|%))\s*其中:")
# a cell this short ending with a comma may be a label ("其中,"), not a sentence cut off
CUT_CELL_MIN_CHARS = 10


@rule(
    "wording.unfinished_sentence",
    severity="warning",
    description="段落止于逗号，其后即是标题（句子未写完） — a paragraph that stops at a comma before the next heading",
)
def unfinished_sentences(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # "2026年本部门机关运行经费安排533.78万元，" and then "四、委托业务费情况": the template's
    # comparison was left out. A paragraph broken at a page end goes on in the next passage (not
    # a heading), and one ending "包括：" announces the list below: neither is judged.
    blocks = list(passages(doc, ctx).items)
    for b, after in zip(blocks, [*blocks[1:], None] if blocks else [], strict=True):
        text = b.text.rstrip()
        comma = text.endswith(",")
        if b.heading or not (comma or text[-1:] > "\u4e00"):
            continue
        ctx.checked()
        # a paragraph going on in the next passage is not judged; its last sentence is read only
        # before a heading or the end
        if after is not None and not after.heading or not (comma or _UNSTOPPED_RE.search(text)):
            continue
        end = len(text)
        if comma:
            yield text_finding(
                "wording.unfinished_sentence",
                f"段落止于逗号（“{_tail(text)}”），其后即是{'标题' if after is not None else '正文结尾'}，句子未写完 — "
                "a paragraph that stops at a comma",
                b, max(end - 1, 0), end,
            )
            continue
        yield text_finding(
            "wording.unfinished_sentence",
            f"段落末句（“{_tail(text)}”）未以句号结束，其后即是{'标题' if after is not None else '正文结尾'} — "
            "a paragraph whose last sentence has no full stop",
            b, max(end - 1, 0), end, severity="info",
        )
    # a table's text cell (a project's 绩效目标) that stops at a comma: "…打造我市国际传播新IP，"
    table_cells = cells(doc, ctx)
    for k in table_cells.ending(","):
        t, r, col, cell = table_cells.items[k]
        text = cell.rstrip()
        if text.endswith(",") and len(text) >= CUT_CELL_MIN_CHARS:
            ctx.checked()
            yield cell_finding("wording.unfinished_sentence", f"止于逗号（“{_tail(text)}”），句子未写完 — a text that stops at a comma",
                               t, r, col, cell, len(text) - 1, len(text))
    for b in passages(doc, ctx).holding(_LIST_HINT):
        for m in _COUNT_INTO_LIST_RE.finditer(b.text):
            yield text_finding(
                "wording.unfinished_sentence",
                f"“{m.group('figure')}”后直接接“其中：”，缺少标点 — a figure run into 其中 with no mark",
                b, m.start(), m.end(), severity="info",
            )
        for m in _RUN_INTO_LIST_RE.finditer(b.text):
            end = m.end() - len("其中:")
            yield text_finding(
                "wording.unfinished_sentence",
                f"句子（“{_tail(b.text[:end])}”）未以句号结束，即接“其中：” — a sentence with no full stop before 其中",
                b, max(end - 1, 0), end, severity="info",
            )


def _tail(text: str, n: int = 24) -> str:
    """The last ``n`` characters of a sentence, from its start if shorter."""
    start = max(text.rfind("。", 0, len(text) - 1) + 1, len(text) - n)
    while start > 0 and text[start - 1].isdigit() and text[start].isdigit():
        start -= 1  # never cut a figure ("2026年", not "026年")
    return text[start:]
