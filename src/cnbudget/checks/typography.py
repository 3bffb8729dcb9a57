"""Rules on how figures and punctuation are printed in the text.

    wording.malformed_number     a number that is no number: "2,318.40.00万元" (two decimal points)
    wording.doubled_unit         a unit printed twice: "314.25万元万元", "5%%", also in the text
                                 cells of tables (a 绩效目标's "≥100%%")
    wording.rate_without_percent "增长 12.5" / "下降幅度为 3.2": a rate printed without "%"
    wording.zero_change          "增加0万元", "下降0%": a change word with nothing changed
                                 (与上年持平 is what is meant)
    wording.punctuation          doubled punctuation: "。。", "，；", "：。", in the text and in
                                 tables' text cells; a full stop between two words of a list:
                                 "新农具．新技术"; a list of units joined by both "，" and "、"
                                 ("综合部，人才服务部，人才开发部、发展研究部")
    wording.money_unit           "15.00万，" in a passage whose other amounts print 万元 (info)
    wording.yuan_among_wan       an amount in 元 between two amounts in 万元 in the same or the
                                 adjacent passages ("2.污染防治项目 18,686.86 元，主要包括：…3,953.30
                                 万元"): read as printed it is ten thousand times too small
    wording.money_unit           an amount with 万 alone ("15.00万，") or with no unit at all in a
                                 sentence of amounts in 万元 ("年初预算数 56,831.85 增加较多"), or
                                 in an item of a numbered list, printing no unit, whose items beside
                                 it print 万元 ("（24）…行政单位离退休 25.89，…" after "（23）…万元")
    wording.wan_for_yuan         an amount in 万元 a thousand times any other of the document
                                 ("固定资产金额302,475,975.31万元" beside a budget of 27,900.73):
                                 a figure in 元 labelled 万元
    wording.amount_precision     an amount in 万元 printed to three places where every other prints two
                                 at most ("较上年增加16.627万元"): a figure copied in another precision
    wording.doubled_word         a function word printed twice: "主要原因是因因人员减少", or the 费
                                 closing an expense's name ("公务接待费费 6.51万元"), also in
                                 the text cells of tables ("实现基础设施集约化和和政府协同性发展");
                                 any word printed twice in a table's title ("…活动项目项目绩效目标表")
    wording.repeated_text        a run of words with figures printed twice in a row (a pasted clause),
                                 in the text or a table's text cell
    wording.repeated_clause      a clause printed twice in one sentence, not only back to back
                                 ("打造…中试平台，以评估促进建设发展，打造…中试平台。"), also in cells
    wording.brackets             a bracket opened and never closed, or closed and never opened; a
                                 pair printed in two widths ("督查处（交易管理处)"); a bracket left
                                 open in a table's text cell that ends its sentence; a closing
                                 bracket printed twice in a text cell or a form's header cell
                                 ("…项目资金（监督检查及运维管理））")
    wording.quotes               a quotation mark printed the wrong way round: "为“十五五“期间", or
                                 one opened and never closed ("帮教的“无缝衔接。"), also in the text
                                 cells of tables
    wording.decree_number        a decree cited without 第: "（广州市人民政府令 148号）"
    wording.japanese_form        a Japanese character form in Chinese text: "从严从紧圧减一般性支出" (压)
    wording.dash_for_one         a dash printed for 一 in a word that opens with it: "退休“—件事”"
                                 (一件事), "—次性", "—站式"
    wording.year_without_nian    a year compared with, printed without 年: "与2025持平",
                                 "比2025增加" (the same text elsewhere prints "与2025年持平"); a
                                 year's balance without it: "无2021结转的政府性基金"; a reason's
                                 year before its verb: "原因是2022增加了…"; "2026 度"

The text is ``Disclosure.text`` (NFKC-folded: "，；：（）％" are ",;:()%"); the tables part is
not read here (its captions and notes are joined by the reader without running punctuation).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import accumulate
from typing import NamedTuple

from cnbudget.checks.common import (
    cell_finding,
    cells,
    checked_each,
    literal_first,
    nfkc,
    passages,
    pattern_findings,
    sentence_span,
    text_cells,
    text_finding,
)
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, table_label
from cnbudget.model import Disclosure, Finding, Table, TextBlock
from cnbudget.numbers import decimals
from cnbudget.units import UNIT_SCALE, convert

# "2,318.40.00", "1.962.11" before a money unit or a percent sign.
# Like the other figure patterns, it opens with the digit and looks back from it ("not after a
# digit or a point"): a pattern that starts with a character class is scanned for it at C speed,
# where a look-behind first is tried at every position.
MALFORMED_NUMBER_RE = re.compile(r"\d(?<![\d.]\d)[\d,]*\.\d+\.\d+(?:\.\d+)*\s*(?=亿元|万元|元|%)")
# The hints (``common.Texts``): context-free patterns every match of a rule's pattern holds, for
# one search of the whole text to tell which passages may hold a slip.
_MALFORMED_HINT = re.compile(r"\.\d+\.\d")
# "万元万元", "%%", "万元元" (but "元旦", "元月" are dates).
# …and 万 printed twice before its 元 ("项目总成本 ≤234万万元")
DOUBLED_UNIT_RE = re.compile(r"(?P<unit>亿元|万元|%)\s*(?:亿元|万元|元(?![旦月])|%)|万\s*万元")
_DOUBLED_UNIT_HINT = (*literal_first(("亿元", "万元", "%"), r"\s*(?:亿元|万元|元|%)"), re.compile(r"万\s*万元"))
# "增长12.5," — a rate word, a number and no "%" (nor 个百分点, 倍, 万元, a count unit …).
_RATE_WORDS = ("增长", "下降", "增幅", "降幅", "涨幅", "上升", "增长率", "下降率")
RATE_WORD = rf"(?:{'|'.join(_RATE_WORDS)})(?:了|为|达|约)?(?:幅度)?(?:为|达)?\s*"
RATE_NO_PERCENT_RE = re.compile(
    rf"{RATE_WORD}(?P<num>\d+\.\d+|\d+)(?![\d.]|,\d|\s*(?:%|个|倍|亿|万|千|百|元|人|辆|台|套|项|次|家|户|件|名|分|年|月|日|天|成"
    r"|平方|米|公里|吨|条|所|座|间|张|本|篇|场|期|批|床|元))"
)
_RATE_HINT = literal_first(_RATE_WORDS, r"(?:了|为|达|约)?(?:幅度)?(?:为|达)?\s*\d")  # RATE_WORD, then a digit
# "增加0万元", "下降0.00%", "增长 0 %".
ZERO_CHANGE_RE = re.compile(
    r"(?P<word>增加|减少|增长|下降|上升|降低)(?:了)?\s*0(?:\.0+)?\s*(?:亿元|万元|元|%)"
)
_CHANGE_WORDS = ("增加", "减少", "增长", "下降", "上升", "降低")
_ZERO_CHANGE_HINT = literal_first(_CHANGE_WORDS, r"(?:了)?\s*0(?:\.0+)?\s*(?:亿元|万元|元|%)")  # ZERO_CHANGE_RE
NONZERO_CHANGE_RE = re.compile(r"(?:增加|减少|增长|下降|上升|降低)(?:了)?\s*(?:[1-9]|0\.\d*[1-9])")
# Doubled punctuation (folded): two marks of 。,;:、!? in a row, except an ellipsis "..." or "……".
DOUBLED_PUNCT_RE = re.compile(r"[。,;:、!?]\s*[。,;:、!?]")
# A full stop between two words of a list: "新农具．新技术" (folded to "."), where 、 is meant.
STOP_BETWEEN_WORDS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")
# A list of a body's units whose names share their last word (部, 处, 科 …) joined by "、" with a
# "，" among them: "下设综合部，人才服务部，人才开发部、发展研究部" — one list, one separator.  A "，"
# that closes the list and opens a clause ("…综合处、经济一处，归口管理公报编辑室") has no "、"
# item after it.
MIXED_LIST_RE = re.compile(r"[\u4e00-\u9fff]{1,10}?(部|处|科|室|中心|所|站|队|馆|组|股)[,，]"
                           r"[\u4e00-\u9fff]{1,10}?\1、[\u4e00-\u9fff]{1,10}?\1(?![\u4e00-\u9fff])")
# A text (a paragraph, a 绩效目标 cell) closed by "." after a word: "…下载2万篇以上." where "。"
# is meant.  Not a heading's number alone ("三.").
STOP_AT_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])\.[ \t]*$")
_STOP_AT_END_TAIL = r"\."  # a literal: the texts ending so are found at C speed, the word before is asked after
_NUMBER_ALONE_RE = re.compile(r"\s*[一二三四五六七八九十]{1,3}")
# Both as patterns that open with a literal (``common.Texts``): one per first mark, and the stop
_PUNCTUATION_HINT = (*(re.compile(re.escape(m) + r"\s*[。,;:、!?]") for m in "。,;:、!?"),
                     re.compile(r"\.[\u4e00-\u9fff]"))
# "15.00万，" — an amount printed with 万 alone, where the text prints 万元 (a count is "5万人").
BARE_WAN_RE = re.compile(r"\d(?<![\d.]\d)[\d,]*\.\d{2}\s*万(?=[,;。])")
_BARE_WAN_HINT = re.compile(r"\.\d{2}\s*万[,;。]")
# List ordinals with only a closing bracket: "1)", "a)", "一)".
SENTENCE_END_RE = re.compile(r"[。!?]\s*$")
_ORDINAL_RE = re.compile(r"(?:^|(?<=[,;:。、]))\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,2})\)")
# The close of every such ordinal: a text without one has none (and is not tried position by
# position for the look-behind)
_ORDINAL_CLOSE_RE = re.compile(r"[\da-zA-Z一二三四五六七八九十]\)")


@rule(
    "wording.malformed_number",
    severity="warning",
    description="数字格式错误（如2,318.40.00万元） — a malformed number (two decimal points)",
)
def malformed_numbers(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_MALFORMED_HINT):
        for m in MALFORMED_NUMBER_RE.finditer(b.text):
            yield text_finding(
                "wording.malformed_number",
                f"数字“{m.group(0).strip()}”格式有误（含两个小数点） — malformed number",
                b, m.start(), m.end(),
            )


@rule(
    "wording.doubled_unit",
    severity="warning",
    description="计量单位重复（万元万元、≥100%%），含表格中的文字栏 — a unit printed twice",
)
def doubled_units(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_DOUBLED_UNIT_HINT):
        for m in DOUBLED_UNIT_RE.finditer(b.text):
            yield text_finding(
                "wording.doubled_unit",
                f"单位重复：“{m.group(0)}” — unit printed twice",
                b, m.start(), m.end(),
            )
    # a 绩效目标's 指标值 ("成本控制率 ≥100%%")
    table_cells = cells(doc, ctx)
    checked_each(ctx, table_cells.items)
    for t, r, col, cell in table_cells.holding(_DOUBLED_UNIT_HINT):
        for m in DOUBLED_UNIT_RE.finditer(cell):
            yield cell_finding("wording.doubled_unit", f"单位重复：“{m.group(0)}” — unit printed twice",
                               t, r, col, cell, m.start(), m.end())


@rule(
    "wording.rate_without_percent",
    severity="warning",
    description="增长/下降幅度缺少百分号（增长12.5） — a growth rate printed without %",
)
def rates_without_percent(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, [b for b in text.items if not b.heading])
    for b in text.holding(_RATE_HINT):
        if b.heading:
            continue
        for m in RATE_NO_PERCENT_RE.finditer(b.text):
            yield text_finding(
                "wording.rate_without_percent",
                f"“{m.group(0).strip()}”缺少百分号“%”（或单位） — rate printed without %",
                b, m.start(), m.end(),
            )


@rule(
    "wording.zero_change",
    severity="info",
    description="变动为零却写“增加0万元/下降0%”，应表述为与上年持平 — a change word with a zero change",
)
def zero_changes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_ZERO_CHANGE_HINT):
        for m in ZERO_CHANGE_RE.finditer(b.text):
            if NONZERO_CHANGE_RE.search(b.text, _clause_start(b.text, m.start()), m.start()):
                continue  # "增加1668.14万元，增长0%": the rate contradicts the change (sentence.* rules)
            yield text_finding(
                "wording.zero_change",
                f"“{m.group(0)}”：没有变化时宜写“与上年持平” — a change word with nothing changed",
                b, m.start(), m.end(),
            )


@rule(
    "wording.punctuation",
    severity="info",
    description="标点重复或连用（。。/，；/：。），词语间或句末误用句点“.” — doubled or misplaced punctuation",
)
def doubled_punctuation(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_PUNCTUATION_HINT):
        for m in DOUBLED_PUNCT_RE.finditer(b.text):
            yield text_finding(
                "wording.punctuation",
                f"标点连用：“{_unfold(m.group(0))}” — doubled punctuation",
                b, m.start(), m.end(),
            )
        if "." not in b.text:
            continue  # no full stop between words (the pattern opens with a look-behind)
        for m in STOP_BETWEEN_WORDS_RE.finditer(b.text):
            yield text_finding(
                "wording.punctuation",
                f"词语之间用了句点：“{b.text[max(m.start() - 3, 0):m.end() + 3]}”，应为顿号或句号 — a full stop between two words",
                b, m.start(), m.end(),
            )
    for b in text.holding(MIXED_LIST_RE):
        for m in MIXED_LIST_RE.finditer(b.text):
            yield text_finding(
                "wording.punctuation",
                f"列举中逗号与顿号混用：“{_unfold(m.group(0))}”，应均为顿号 — a list joined by both \"，\" and \"、\"",
                b, m.start(), m.end(),
            )
    # a 绩效目标's text is punctuated as the narrative is: "…不高于1550万元。;2.每日公路巡查…"
    cell_texts = cells(doc, ctx)
    checked_each(ctx, cell_texts.items)
    for t, r, col, cell in cell_texts.holding(_PUNCTUATION_HINT[:-1]):
        for m in DOUBLED_PUNCT_RE.finditer(cell):
            yield cell_finding("wording.punctuation", f"标点连用：“{_unfold(m.group(0))}” — doubled punctuation",
                               t, r, col, cell, m.start(), m.end())
    for k in text.ending(_STOP_AT_END_TAIL):
        b = text.items[k]
        if (m := _stop_at_end(b.text)) is not None:
            yield text_finding("wording.punctuation", _stop_message(b.text, m), b, m.start(), m.end())
    for k in cell_texts.ending(_STOP_AT_END_TAIL):
        t, r, col, cell = cell_texts.items[k]
        if (m := _stop_at_end(cell)) is not None:
            yield cell_finding("wording.punctuation", "：" + _stop_message(cell, m), t, r, col, cell, m.start(), m.end())


def _stop_at_end(text: str) -> re.Match[str] | None:
    m = STOP_AT_END_RE.search(text)
    return None if m is None or _NUMBER_ALONE_RE.fullmatch(text, 0, m.start()) else m


def _stop_message(text: str, m: re.Match[str]) -> str:
    return f"句末用了“.”：“…{text[max(m.start() - 12, 0):m.end()].strip()}”，应为“。” — a sentence closed by \".\""


@rule(
    "wording.money_unit",
    severity="info",
    description="金额单位只印了“万”（15.00万，），正文其余金额印作“万元” — an amount printed with 万 alone",
)
def bare_wan(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    if not any("万元" in b.text for b in text.items):
        return  # a text that writes 万 throughout is consistent
    checked_each(ctx, text.items)
    for b in text.holding(_BARE_WAN_HINT):
        for m in BARE_WAN_RE.finditer(b.text):
            yield text_finding(
                "wording.money_unit",
                f"金额“{m.group(0)}”缺“元”，正文其余金额印作“万元” — an amount printed with 万 alone",
                b, m.start(), m.end(),
            )
    # an amount to the 分 of 万元 with no unit at all, in a sentence of amounts in 万元 ("…比2025年初
    # 预算数 56,831.85 增加较多", "较上年增加 185.24(1026.00%)"): sought by its decimal point in the
    # joined text
    for m in UNITLESS_CENTS_RE.finditer(text.joined):
        k = bisect_right(text.starts, m.start()) - 1
        b, at = text.items[k], m.start() - text.starts[k]
        figure = _NUMBER_BEFORE_RE.search(b.text, max(0, at - 20), at)
        if figure is None or _RATE_WORD_BEFORE_RE.search(b.text, max(0, figure.start() - 6), figure.start()):
            continue  # no figure before the point (a list number), or a rate (wording.rate_without_percent's)
        start, end = sentence_span(b.text, at)
        if "万元" in b.text[start:end]:
            where = "同句其余"
        elif _item_among_wan(text.items, k):
            where = "列举中上下各项的"
        else:
            continue
        end = at + len(m.group(0))
        yield text_finding(
            "wording.money_unit",
            f"金额“{b.text[figure.start():end]}”未印单位，{where}金额印作“万元” — an amount printed without its unit",
            b, figure.start(), end,
        )


# the number opening an item of a numbered list: "(24)", "24.", "24、"
_ITEM_NUMBER_RE = re.compile(r"\s*(?:\((?P<paren>\d{1,2})\)|(?P<dot>\d{1,2})[.、](?!\d))")


def _item_number(text: str) -> tuple[str, int] | None:
    m = _ITEM_NUMBER_RE.match(text)
    if m is None:
        return None
    form = "paren" if m.group("paren") else "dot"
    return form, int(m.group(form))


def _item_among_wan(items: Sequence[TextBlock], k: int) -> bool:
    """Whether passage ``k`` is an item of a numbered list ("(24)…") that prints no unit of money,
    while the items beside it (numbered the same way, one less or one more: at least one, and
    each one there is) print their amounts in 万元: the list's amounts are in 万元, and this
    item's unitless figures are of them."""
    own = _item_number(items[k].text)
    if own is None or "元" in items[k].text:
        return False
    form, n = own
    siblings = [items[j].text for j, m in ((k - 1, n - 1), (k + 1, n + 1))
                if 0 <= j < len(items) and _item_number(items[j].text) == (form, m)]
    return bool(siblings) and all("万元" in t for t in siblings)


# A figure and its money unit; the figure is read from the characters before the unit.
_NUMBER_BEFORE_RE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*$")
# the decimals of a figure to the 分 followed by no unit, mark or further figure
UNITLESS_CENTS_RE = re.compile(
    r"\.\d\d(?![\d.%])(?!\s*(?:万|元|亿|%|个|人|辆|台|套|项|家|平方|亩|米|公里|吨|次|倍|分|天|小时|年|月|日|期|件|篇|所|户|座"
    r"|条|张|册|部|本|名|\)|\d))"
)
_RATE_WORD_BEFORE_RE = re.compile(r"增长|下降|增幅|降幅|比例|比重|占|率")
# 元 that prices one thing ("人均 300 元", "单价 5000 元以上", "150 元/人·天"): not an amount of the budget
_PER_ITEM_BEFORE_RE = re.compile(r"(?:人均|每|单价|标准|平均|按)[^,;。\d]{0,6}$")
_PER_ITEM_AFTER = ("/", "每", "以上", "以下", "以内", "左右")


class _Amount(NamedTuple):
    """An amount a passage prints: the passage's place, where its figure starts and its unit
    ends, the figure as printed and its unit (元, 万元 or 亿元)."""

    block: int
    start: int
    end: int
    figure: str
    unit: str


def _amounts(k: int, text: str) -> list[_Amount]:
    """The amounts of passage ``k``'s ``text``, in order: each 元 of the text, the figure printed
    before it and 万 or 亿 between them."""
    out = []
    at = text.find("元")
    while at >= 0:
        unit_at = at - 1 if at and text[at - 1] in "万亿" else at
        m = _NUMBER_BEFORE_RE.search(text, max(0, unit_at - 24), unit_at)
        if m is not None:
            out.append(_Amount(k, m.start(1), at + 1, m.group(1), text[unit_at:at + 1]))
        at = text.find("元", at + 1)
    return out


# A figure in 元 (not 万元, 亿元): a digit or a space before 元 (context-free, see ``Texts``)
_YUAN_HINT = re.compile(r"[\d\s]元")


@rule(
    "wording.yuan_among_wan",
    severity="warning",
    description="金额单位印作“元”，而前后并列的金额均为“万元”（污染防治项目 18,686.86 元） — "
    "an amount in 元 between amounts in 万元",
)
def yuan_among_wan(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    joined = text.joined
    if joined.count("元") == joined.count("万元") + joined.count("亿元"):
        return  # every amount in 万元 or 亿元 (most documents): no 元 to weigh
    blocks = text.items
    for k in text.where(_YUAN_HINT):
        # the amounts of the passage and of the passages beside it, in order
        near = [a for j in range(max(0, k - 1), min(len(blocks), k + 2)) for a in _amounts(j, blocks[j].text)]
        # each amount with the one before and after it (the lists differ in length by design)
        for before, (at, start, end, figure, unit), after in zip(near, near[1:], near[2:], strict=False):
            if at != k or unit != "元":
                continue
            ctx.checked()
            if before.unit != "万元" or after.unit != "万元":
                continue
            line = blocks[k].text
            if _PER_ITEM_BEFORE_RE.search(line, max(0, start - 8), start) or line[end:end + 3].lstrip().startswith(
                    _PER_ITEM_AFTER):
                continue
            nil = not any(ch in "123456789" for ch in figure)
            yield text_finding(
                "wording.yuan_among_wan",
                f"“{line[max(0, start - 12):end].strip()}”的单位为“元”，前后并列的金额均为“万元”"
                + ("（金额为零，不影响数额） — an amount in 元 among amounts in 万元 (nil)" if nil else
                   f"：按所印应为 {figure} 元，疑为 {figure} 万元 — an amount in 元 among amounts in 万元"),
                blocks[k], start, end,
                severity="info" if nil else None,
            )


# An amount in 万元 this many times every other amount of the document, text and tables alike, is
# no amount of it: a figure in 元 labelled 万元 is ten thousand times too large.
SCALE_SLIP_FACTOR = Decimal(1000)
_CENT = Decimal("0.01")


@rule(
    "wording.wan_for_yuan",
    severity="warning",
    description="以“万元”标示的金额是全文其他金额的千倍以上（固定资产金额302,475,975.31万元），疑为元 — "
    "an amount in 万元 a thousand times any other, most likely in 元",
)
def wan_for_yuan(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    stated = [(c, convert(c.value, c.unit, "万元")) for c in doc.claims
              if c.kind in ("amount", "change") and c.unit in UNIT_SCALE]
    if not stated:
        return
    ctx.checked(len(stated))
    c, value = max(stated, key=lambda x: x[1])
    if c.kind != "amount" or c.unit != "万元":
        return
    others = [v for x, v in stated if x is not c and v != value]
    if others and value <= SCALE_SLIP_FACTOR * max(others):
        return  # most documents: asked before the tables' figures are read
    for t in doc.tables:
        if t.unit in UNIT_SCALE and (largest := max(
                (abs(v) for r in t.rows for v in r.values.values() if v is not None), default=None)) is not None:
            others.append(convert(largest, t.unit, "万元"))
    if not others or value <= SCALE_SLIP_FACTOR * max(others):
        return
    yield finding(
        "wording.wan_for_yuan",
        f"{c.subject or '所述金额'} {fmt(c.value)}万元，是全文其他任何金额（最大 {fmt(max(others).quantize(_CENT))}万元）的千倍以上，"
        f"疑为以元计（即 {fmt((c.value / 10000).quantize(_CENT))}万元） — an amount in 万元 a thousand times "
        "any other, most likely in 元",
        actual=c.value,
        source=c.source,
        text=c.text,
    )


# A document states its 万元 amounts to at most two places (分 of 万元 is 100 元): one amount
# printed to three or more among at least this many others is a figure copied in another
# precision ("较上年增加16.627万元", the same change printed 16.62 a page later)
PRECISION_PEERS = 10
_PLACES = 2


@rule(
    "wording.amount_precision",
    severity="info",
    description="万元金额印为三位以上小数，而全文其他万元金额至多两位（增加16.627万元） — "
    "an amount printed to more places than every other",
)
def amount_precision(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    stated = [c for c in doc.claims if c.kind in ("amount", "change") and c.unit == "万元"]
    ctx.checked(len(stated))
    odd = [c for c in stated if decimals(c.value) > _PLACES]
    if not odd or len(stated) - len(odd) < PRECISION_PEERS or len(odd) > len(stated) // PRECISION_PEERS:
        return  # no odd one, too few to tell, or a document that prints more places as its way
    for c in odd:
        yield finding(
            "wording.amount_precision",
            f"{c.subject or '所述金额'} {c.value}万元印为{decimals(c.value)}位小数，全文其他 {len(stated) - len(odd)} 个万元金额"
            f"至多{_PLACES}位 — an amount printed to more places than every other",
            actual=c.value,
            source=c.source,
            text=c.text,
        )


# Function words that Chinese never doubles (unlike 年年, 等等, 实实在在, 是是非非): printed twice
# in a row they are a typing slip — unless the first closes a word of its own and the second
# opens the next (原因|因公出国, 以及|及时, 总和|和…): the characters that form such words before it
_WORD_ENDING_WITH = {
    "因": "原起诱基成病死主内外", "及": "以涉普危波顾企来", "和": "总平缓调温共柔祥饱",
    "与": "参给赋授", "于": "关由对至属基鉴处位在等", "将": "即", "由": "理缘事自", "其": "尤极",
    "已": "而", "较": "比", "对": "针相绝应面核比", "从": "服自遵", "按": "",
    # not a function word, but the last character of every expense's name ("公务接待费费 6.51"):
    # only a word ending in 费 may open another (收费|费率, 缴费|费基, 消费|费用)
    "费": "收缴消付学免",
}
# Each branch opens with its character and looks back from the second one (the same test as
# "not after one of ``before``"): a pattern whose branches start with a literal is scanned for
# those characters at C speed, where a look-behind first is tried at every position.
DOUBLED_WORD_RE = re.compile("|".join(
    (f"{ch}(?<![{before}]{ch}){ch}" if before else f"{ch}{ch}") for ch, before in _WORD_ENDING_WITH.items()))
_DOUBLED_WORD_HINT = literal_first(ch + ch for ch in _WORD_ENDING_WITH)


def doubled_word_at(text: str) -> Iterator[re.Match[str]]:
    """The function words ``text`` prints twice in a row; "和和美美", "对对碰" (a word doubled
    as a whole, AABB) are Chinese reduplication, not a slip."""
    for m in DOUBLED_WORD_RE.finditer(text):
        nxt = text[m.end():m.end() + 2]
        if len(nxt) == 2 and nxt[0] == nxt[1]:
            continue
        yield m


@rule(
    "wording.doubled_word",
    severity="info",
    description="虚词重复（因因、较较、及及），含表格中的文字栏（绩效目标） — a function word printed twice",
)
def doubled_words(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_DOUBLED_WORD_HINT):
        for m in doubled_word_at(b.text):
            yield text_finding(
                "wording.doubled_word", f"“{m.group(0)[0]}”字重复：“{m.group(0)}” — a word printed twice", b, m.start(), m.end()
            )
    yield from _doubled_words_in_cells(doc, ctx)
    yield from _doubled_words_in_titles(doc, ctx)


def _doubled_words_in_cells(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    """The text cells of the tables (a project's 绩效目标, a 指标's 说明) are sentences too; one
    finding per cell, pointing at its table, row and column."""
    in_cells = cells(doc, ctx)
    checked_each(ctx, in_cells.items)
    for t, r, col, cell in in_cells.holding(_DOUBLED_WORD_HINT):
        m = next(doubled_word_at(cell), None)
        if m is None:
            continue
        yield cell_finding(
            "wording.doubled_word",
            f"“{m.group(0)[0]}”字重复：“{m.group(0)}” — a word printed twice in a table cell",
            t, r, col, cell, m.start(), m.end(),
        )


# A word of two to four characters printed twice in a row in a table's title: a title made of a
# name and a template that repeats the name's last word ("科学普及活动项目" + "项目绩效目标表").
# A title is a formula, never the place for a reduplicated verb ("研究研究").
TITLE_DOUBLED_RE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")


def printed_titles(table: Table) -> list[str]:
    """The titles ``table`` prints: its title, and a first header row's cell that is a title itself
    (a 绩效目标表 boxed with its table: "科学普及活动项目项目绩效目标表")."""
    titles = [table.title] if table.title else []
    if table.header:
        titles += [c for c in table.header[0] if c.rstrip(")）续( （").endswith("表") and c not in titles]
    return [unicodedata.normalize("NFKC", t) for t in titles]


def _doubled_words_in_titles(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        for title in printed_titles(t):
            ctx.checked()
            m = TITLE_DOUBLED_RE.search(title)
            if m is None:
                continue
            yield finding(
                "wording.doubled_word",
                f"{t.source.label()}：表题“{title}”中“{m.group(1)}”重复：“{m.group(0)}” — a word printed twice in a table's title",
                table=t.kind, source=t.source, text=title,
            )


# a run repeated back to back at least this long (and holding a figure) is a clause pasted twice
REPEAT_MIN_CHARS = 16
# a sentence that repeats the end of the one before it, this long in CJK characters, is pasted twice
# (a figure need not be in it: no statement restates its own last words).  So is an item of a list
# joined by ";" that repeats the item before it ("…;开展…排查,抽检…;开展…排查,抽检…;").
TAIL_MIN_CJK = 12
_SENTENCE_RE = re.compile(r"[^。]+")


# A run of at least REPEAT_MIN_CHARS printed twice repeats every piece of it: among any
# _PROBE_STEP positions in a row one is a multiple of _PROBE_STEP, so some piece of
# _PROBE_CHARS characters at such a position p is printed again later
# (_PROBE_STEP + _PROBE_CHARS - 1 <= REPEAT_MIN_CHARS), and the run starts at most
# _PROBE_STEP - 1 characters before p.  A sentence with no such piece repeats no run; one with
# some is searched only from the positions just before them.
_PROBE_CHARS, _PROBE_STEP = 11, 6


def _repeated_pieces(text: str) -> list[int]:
    """The positions p (multiples of _PROBE_STEP) whose piece is printed again after p."""
    find = text.find
    return [p for p in range(0, len(text) - _PROBE_CHARS + 1, _PROBE_STEP)
            if find(text[p:p + _PROBE_CHARS], p + 1) != -1]


def repeated_run(text: str) -> tuple[int, int] | None:
    """(start, length) of the first run of ``text`` printed twice back to back, or None."""
    last = len(text) - 2 * REPEAT_MIN_CHARS  # the last position a run can start at
    if last < 0:
        return None  # too short to hold a run twice
    pieces = _repeated_pieces(text)
    if not pieces:
        return None  # no piece of it printed again
    # digits and CJK characters before each position: a candidate run's counts in O(1) (a text
    # of repeated pieces meets many candidates)
    digits = [0, *accumulate(ch.isdigit() for ch in text)]
    cjk = [0, *accumulate("\u4e00" <= ch <= "\u9fff" for ch in text)]
    starts = sorted({i for p in pieces for i in range(max(0, p - _PROBE_STEP + 1), min(p, last) + 1)})
    for i in starts:
        # the copy starts after a digit and four CJK characters of the run (the counts only
        # grow): no earlier j can hold it
        least = max(i + REPEAT_MIN_CHARS, bisect_left(digits, digits[i] + 1), bisect_left(cjk, cjk[i] + 4))
        piece = text[i:i + REPEAT_MIN_CHARS]
        j = text.find(piece, least)
        while j != -1 and j - i <= len(text) - j:
            if text.startswith(text[i:j], j):
                return i, j - i
            j = text.find(piece, j + 1)
    return None


@rule(
    "wording.repeated_text",
    severity="info",
    description="同一段文字连续重复出现（粘贴了两次） — a clause printed twice in a row",
)
def repeated_text(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.items:
        for start, end, message in repeats(b.text):
            yield text_finding("wording.repeated_text", message, b, start, end)
    # a table's text (a project's 项目概况) is pasted as the narrative is: "…三是主要用于…工作。
    # 三是主要用于…工作。" — a whole sentence again (a run within a sentence is sought in the text
    # only: the long cells of 绩效目标 forms would cost a millisecond a document)
    cell_texts = cells(doc, ctx)
    checked_each(ctx, cell_texts.items)
    for t, r, col, cell in cell_texts.holding(_HAS_STOP):
        for start, end, message in repeats(cell, runs=False):
            yield cell_finding("wording.repeated_text", "：" + message, t, r, col, cell, start, end)


_HAS_STOP = re.compile("[。;]")


def repeats(text: str, *, runs: bool = True) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) of each sentence of ``text`` that repeats the end of the one before
    it, of each item of a ";"-list that repeats the one before it, and (``runs``) of each run
    printed twice back to back within a sentence."""
    told: list[tuple[int, int]] = []
    # the sentence is the end of the one before it, printed again ("制定…白蚁防治等规章制度并监督
    # 执行。白蚁防治等规章制度并监督执行。")
    for at, words in _repeated_tails(text, _SENTENCE_RE):
        told.append((at, at + len(words)))
        yield at, at + len(words), _tail_message(words)
    for sentence in _SENTENCE_RE.finditer(text) if runs else ():
        found = repeated_run(sentence.group(0))
        if found is None:
            continue
        start, length = found
        at = sentence.start() + start
        told.append((at, at + 2 * length))
        yield at, at + 2 * length, f"同一段文字连续出现两次：“{text[at:at + length][:40]}…” — a clause printed twice in a row"
    for at, words in _repeated_tails(text, _STATEMENT_RE) if ";" in text else ():
        if not any(a <= at < z for a, z in told):
            yield at, at + len(words), _tail_message(words)


def _repeated_tails(text: str, units: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """(start, words) of each unit of ``text`` (a match of ``units``) that is the end of the one
    before it, long enough not to be a statement of its own."""
    last = ""
    for unit in units.finditer(text):
        words = unit.group(0).strip()
        if last.endswith(words) and len(_CJK_RE.findall(words)) >= TAIL_MIN_CJK:
            yield unit.start() + unit.group(0).index(words), words
        last = words


def _tail_message(words: str) -> str:
    return f"句子重复了前一句的结尾：“{words[:40]}…” — a sentence printed again after its own end"


# A clause this long (in CJK characters) printed twice in one statement is pasted twice; shorter
# ones repeat in parallel statements ("较上年无变化", "促进版权产业发展").
CLAUSE_MIN_CJK = 10
_STATEMENT_RE = re.compile(r"[^。!?;]+")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def repeated_clause(statement: str) -> tuple[int, int] | None:
    """(start, end) of the second printing of a clause that ``statement`` prints twice, or None.
    A clause runs between the marks ",:"; a statement between "。;!?" (two statements joined by
    ";" often give the same reason twice, on purpose)."""
    if len(statement) < 2 * CLAUSE_MIN_CJK:
        return None  # too short to hold one clause twice
    clauses = _CLAUSE_SPLIT_RE.split(statement)
    if len({c.strip() for c in clauses}) == len(clauses):
        return None  # no clause printed twice
    seen: dict[str, int] = {}  # clause → the labelled field it was printed in (-1: none)
    at, field = 0, -1
    for clause in clauses:
        start = at + len(clause) - len(clause.lstrip())
        if at > 0 and statement[at - 1] == ":":
            field = at  # a labelled field's value begins: "实施周期指标值:X,Y,年度指标值:X,Y"
        at += len(clause) + 1
        words = clause.strip()
        if len(words) < CLAUSE_MIN_CJK or len(_CJK_RE.findall(words)) < CLAUSE_MIN_CJK:
            continue
        if words in seen and (field < 0 or seen[words] in (-1, field)):
            return start, start + len(words)  # (two labelled fields may hold one value)
        seen.setdefault(words, field)
    return None


@rule(
    "wording.repeated_clause",
    severity="info",
    description="同一句中同一分句出现两次（粘贴重复），含表格中的文字栏 — a clause printed twice in one sentence",
)
def repeated_clauses(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    passages_read = [b for b in passages(doc, ctx).items if not b.heading]
    checked_each(ctx, passages_read)
    for b in passages_read:
        for st in _STATEMENT_RE.finditer(b.text):
            found = repeated_clause(st.group(0))
            if found is None or repeated_run(st.group(0)) is not None:
                continue  # printed twice back to back with its figures: wording.repeated_text's
            a, z = st.start() + found[0], st.start() + found[1]
            yield text_finding("wording.repeated_clause", _clause_message(b.text[a:z]), b, a, z)
    cells_read = text_cells(doc, ctx)
    checked_each(ctx, cells_read)
    for t, r, col, cell in cells_read:
        for st in _STATEMENT_RE.finditer(cell):
            found = repeated_clause(st.group(0))
            if found is not None:
                a, z = st.start() + found[0], st.start() + found[1]
                yield cell_finding("wording.repeated_clause", _clause_message(cell[a:z]), t, r, col, cell, a, z)
                break  # one finding per cell


def _clause_message(clause: str) -> str:
    return f"同一句中“{clause}”出现两次 — a clause printed twice in one sentence"


def _mixed_widths(ob: TextBlock, oi: int, b: TextBlock, i: int) -> Finding:
    """A pair of brackets printed in two widths: "督查处（交易管理处)"."""
    half_open = oi in ob.half_width
    inside = ob.text[oi + 1:i] if ob is b else ob.text[oi + 1:oi + 21]
    shown = f"{'(' if half_open else '（'}{inside[:20]}{'）' if half_open else ')'}"
    return text_finding(
        "wording.brackets",
        f"括号全角半角混用：“{shown}”，{'左括号为半角、右括号为全角' if half_open else '左括号为全角、右括号为半角'}"
        " — a bracket pair printed in two widths",
        ob, oi, i + 1 if ob is b else None,
    )


_BRACKET_RE = re.compile(r"[()]")


@rule(
    "wording.brackets",
    severity="info",
    description="括号不成对（多出的“）”或未闭合的“（”）或全角半角混用 — an unmatched bracket, or a pair in two widths",
)
def unmatched_brackets(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # a paragraph is cut into passages at page breaks and after a few lines: brackets left open
    # at a cut that does not end a sentence carry over to the next passage
    carry: list[tuple[TextBlock, int]] = []
    for b in passages(doc, ctx).items:
        if "(" not in b.text and ")" not in b.text and not carry:
            continue
        ctx.checked()
        text = b.text
        if _ORDINAL_CLOSE_RE.search(text):
            text = _ORDINAL_RE.sub(lambda m: " " * len(m.group(0)), text)
        open_at: list[tuple[TextBlock, int]] = list(carry)
        for m in _BRACKET_RE.finditer(text):  # the brackets only, not every character
            i = m.start()
            if m.group(0) == "(":
                open_at.append((b, i))
            elif open_at:
                ob, oi = open_at.pop()
                if (oi in ob.half_width) != (i in b.half_width):
                    yield _mixed_widths(ob, oi, b, i)
            else:
                yield text_finding(
                    "wording.brackets", "多出一个右括号“）”，没有与之对应的“（” — unmatched closing bracket", b, i
                )
        if SENTENCE_END_RE.search(b.text):
            carry = []
            for ob, i in open_at:
                yield text_finding("wording.brackets", "左括号“（”没有闭合 — unclosed bracket", ob, i)
        else:
            carry = open_at
    # a table's text cell that ends its sentence and leaves a bracket open ("新一代信息技术（网络与
    # 通信、高端装备（工业母机…）集群等。"); a closing bracket without its opening may be a piece of
    # a cell cut at a page break, and is not judged there
    for t, r, col, cell in cells(doc, ctx).holding(_OPEN_BRACKET_HINT):
        if "(" not in cell or not cell.rstrip().endswith("。"):
            continue  # (what the hint holds, tested again: the same cells are read without it)
        ctx.checked()
        at = _unclosed_bracket(cell)
        if at is not None:
            yield cell_finding("wording.brackets", "：左括号“（”没有闭合 — unclosed bracket", t, r, col, cell, at, at + 1)
    # a closing bracket printed twice ("…项目资金（监督检查及运维管理））"): the first closes the
    # pair the cell opened, the second closes nothing.  A cell cut at a page break loses its
    # opening, so the first would close nothing too: the doubled one is the cell's own.  The form
    # header's cells (项目名称 | X) are read as well: a project's name is printed there only.
    for t, r, col, cell in cells(doc, ctx).holding(_DOUBLED_CLOSE_HINT):
        if not _DOUBLED_CLOSE_HINT.search(cell):
            continue  # (the hint, tested again: the same cells are read without it)
        ctx.checked()
        at = doubled_close(cell)
        if at is not None:
            yield cell_finding("wording.brackets", _DOUBLED_CLOSE_MESSAGE, t, r, col, cell, at, at + 1)
    for t in doc.tables:
        for cell in dict.fromkeys(c for line in (t.header or ()) for c in line if ")" in c or "）" in c):
            ctx.checked()
            folded = nfkc(cell)
            at = doubled_close(folded)
            if at is not None:
                yield finding(
                    "wording.brackets", f"{table_label(t)}（{t.title}）表头“{folded}”{_DOUBLED_CLOSE_MESSAGE}",
                    table=t.kind, source=t.source, text=folded,
                )


_OPEN_BRACKET_HINT = re.compile(r"\(")
_DOUBLED_CLOSE_HINT = re.compile(r"\)\s*\)")
_DOUBLED_CLOSE_MESSAGE = "：右括号“））”重复，多出一个没有对应“（”的“）” — a closing bracket printed twice"


def doubled_close(text: str) -> int | None:
    """Where a closing bracket printed twice closes nothing: the one right after a ")" that
    closed a bracket ``text`` opened (None: no such bracket)."""
    depth, last_closed = 0, False
    for m in _BRACKET_RE.finditer(text):
        if m.group(0) == "(":
            depth, last_closed = depth + 1, False
        elif depth:
            depth, last_closed = depth - 1, True
        else:
            before = text[:m.start()].rstrip()
            return m.start() if last_closed and before.endswith(")") else None
    return None


def _unclosed_bracket(text: str) -> int | None:
    """Where the first bracket left open in ``text`` opens (None: every one closes, or one closes
    that was never opened)."""
    opened: list[int] = []
    for m in _BRACKET_RE.finditer(text):
        if m.group(0) == "(":
            opened.append(m.start())
        elif not opened:
            return None
        else:
            opened.pop()
    return opened[0] if opened else None


# "《广州市建筑玻璃幕墙管理办法》（广州市人民政府令 148号）": a decree is cited by its number with
# 第 ("国务院令第687号"); without it the citation lost a character.
# (a number's digits may come apart in the text a PDF gives: "令 1 48号")
DECREE_NUMBER_RE = re.compile(r"(?:政府|国务院|部|委|局|署)令\s*(?P<number>\d(?:[\d ]*\d)?)\s*号")
_DECREE_HINT = re.compile(r"令\s*\d[\d ]*号")


@rule(
    "wording.decree_number",
    severity="info",
    description="令的文号缺“第”（人民政府令 148号 → 令第148号） — a decree cited without 第 before its number",
)
def decree_numbers(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # in the text and in a project's text cell (its 绩效目标 cites the rules it carries out)
    yield from pattern_findings(doc, ctx, "wording.decree_number", _DECREE_HINT, DECREE_NUMBER_RE, _decree_message)


def _decree_message(text: str, m: re.Match[str]) -> str:
    number = m.group("number").replace(" ", "")
    return f"“{m.group(0)}”缺“第”，应为“令第{number}号” — a decree cited without 第"


# Japanese forms of characters, which no Chinese text prints ("从严从紧圧减一般性支出": 圧 for 压):
# an input method left in Japanese.  Each with the character the text means.
JAPANESE_FORMS = {
    "圧": "压", "済": "济", "広": "广", "県": "县", "対": "对", "応": "应", "図": "图", "歩": "步",
    "辺": "边", "変": "变", "単": "单", "営": "营", "労": "劳", "総": "总", "収": "收", "発": "发",
    "検": "检", "険": "险", "関": "关", "価": "价", "経": "经", "続": "续", "転": "转", "軽": "轻",
    "鉄": "铁", "駅": "站", "実": "实", "円": "元", "気": "气", "売": "卖", "読": "读", "説": "说",
    "話": "话", "語": "语", "様": "样", "楽": "乐", "薬": "药", "団": "团", "処": "处", "拠": "据",
    "権": "权", "観": "观", "覧": "览", "歳": "岁", "戦": "战", "帰": "归", "働": "动", "込": "入",
}
JAPANESE_FORM_RE = re.compile("[" + "".join(JAPANESE_FORMS) + "]")


@rule(
    "wording.japanese_form",
    severity="info",
    description="正文或表格文字栏中出现日文字形（圧减 → 压减），含表格中的文字栏 — a Japanese character form in Chinese text",
)
def japanese_forms(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    yield from pattern_findings(doc, ctx, "wording.japanese_form", JAPANESE_FORM_RE, JAPANESE_FORM_RE, _form_message)


def _form_message(text: str, m: re.Match[str]) -> str:
    ch = m.group(0)
    return (f"“{text[max(0, m.start() - 4):m.end() + 4].strip()}”中的“{ch}”是日文字形，应为“{JAPANESE_FORMS[ch]}” — "
            "a Japanese character form in Chinese text")


# A quotation opened twice before it closes ("为“十五五“期间"), or closed twice with no opening
# between ("有限公司”“全过程…企业”" after a pair already closed): one mark printed the wrong way
# round.  The quoted words are short (a name, a slogan); a longer span is a quotation broken
# across a reading cut, not judged.
QUOTE_SLIP_RE = re.compile(r"“[^“”。]{1,30}“|”[^“”。]{1,30}”")
# A quotation opened whose sentence ends with no closing mark, and no mark follows in the text
# ("帮教的“无缝衔接。"): a quotation of several sentences closes after a later one ("“推动….按照…”").
UNCLOSED_QUOTE_RE = re.compile(r"“[^“”。]{1,120}。(?=[^“”]*$)")


def _quote_slips(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each mark printed the wrong way round, then each quotation left open (one opened after
    the quotations before it all closed: the open end of a wrong-way pair is the pair's slip)."""
    for m in QUOTE_SLIP_RE.finditer(text):
        yield m, _slip_kind(m)
    for m in UNCLOSED_QUOTE_RE.finditer(text):
        before = text[:m.start()]
        if before.count("“") == before.count("”"):
            yield m, "左引号之后句子结束，没有右引号"


@rule(
    "wording.quotes",
    severity="info",
    description="引号方向印错（“十五五“期间）或未闭合（“无缝衔接。），含表格中的文字栏 — a quotation mark printed the wrong way round or never closed",
)
def misprinted_quotes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    blocks = list(passages(doc, ctx).items)
    cells = list(text_cells(doc, ctx))
    if not any("”" in b.text for b in blocks) and not any("”" in c[3] for c in cells):
        return  # a text read with one glyph for both marks tells nothing of their direction
    for b in blocks:
        if "“" not in b.text and "”" not in b.text:
            continue
        ctx.checked()
        for m, which in _quote_slips(b.text):
            yield text_finding("wording.quotes", _quote_message(b.text, m, which), b, m.start(), m.end())
    for t, r, col, cell in cells:
        if "“" not in cell and "”" not in cell:
            continue
        ctx.checked()
        for m, which in _quote_slips(cell):
            yield cell_finding("wording.quotes", _quote_message(cell, m, which), t, r, col, cell, m.start(), m.end())
            break  # one finding per cell


def _slip_kind(m: re.Match[str]) -> str:
    return "左引号之后又是左引号，后一个应为”" if m.group(0)[0] == "“" else "两个右引号之间没有左引号"


def _quote_message(text: str, m: re.Match[str], which: str) -> str:
    if m.group(0).endswith("。"):
        shown = m.group(0) if len(m.group(0)) <= 24 else m.group(0)[:10] + "…" + m.group(0)[-10:]
        return f"引号未闭合：{shown}（{which}） — a quotation opened and never closed"
    shown = text[max(0, m.start() - 2):m.end() + 6]
    return f"引号方向印错：{shown}（{which}） — a quotation mark printed the wrong way round"


def _clause_start(text: str, at: int) -> int:
    """Where the statement around ``at`` starts (after the last "。" or ";")."""
    return max(text.rfind("。", 0, at), text.rfind(";", 0, at)) + 1


def _unfold(marks: str) -> str:
    """Folded punctuation back to the full-width forms people print."""
    return marks.translate(str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}))


# "与2025持平", "较2025减少2.48万元": a year as the base of a comparison, without its 年.
YEAR_BASE_RE = re.compile(
    r"(?:与|比|较|同)\s*(?P<year>(?:19|20)\d\d)(?![\d.,%\-~至])\s*"
    r"(?=持平|基本持平|相比|相同|一致|增加|减少|增长|下降|上升|降低|有所)"
)
_YEAR_BASE_HINT = literal_first("与比较同", r"\s*(?:19|20)\d\d")
# "2026 度收入预算": 年度 with its 年 left out, before what the year's budget is of (and not
# "2000度电", a figure in kilowatt-hours)
YEAR_DU_RE = re.compile(
    r"(?<![\d.,])(?P<year>(?:19|20)\d\d)\s*度"
    r"(?=\s*(?:部门|单位|收入|支出|收支|预算|决算|财政|一般公共|政府|项目|工作|绩效|机关|“|\"))"
)
_YEAR_DU_HINT = literal_first(("19", "20"), r"\d\d\s*度")
# "本部门无2021结转的政府性基金预算拨款支出": the year whose balance is carried over, its 年 left out
YEAR_CARRIED_RE = re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d\d)\s*(?=结转|结余)")
_YEAR_CARRIED_HINT = literal_first(("19", "20"), r"\d\d\s*结[转余]")
# "…管理委员会2026部门预算情况的说明": the year of a budget or final account named without 年
YEAR_KIND_RE = re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d\d)\s*(?=(?:部门|单位)(?:综合)?(?:预算|决算))")
_YEAR_KIND_HINT = literal_first(("19", "20"), r"\d\d\s*(?:部门|单位)(?:综合)?[预决]算")
# "主要原因是2022增加了办公经费": the year a reason happens in, its 年 left out before the verb
_VERBS = "增加|减少|新增|压减|调整"
YEAR_VERB_RE = re.compile(rf"(?<=是|因|于)\s*(?P<year>(?:19|20)\d\d)\s*(?={_VERBS})")
_YEAR_VERB_HINT = literal_first(("19", "20"), rf"\d\d\s*(?:{_VERBS})")


@rule(
    "wording.year_without_nian",
    severity="info",
    description="年份漏印“年”（与2025持平、2026度收入预算、无2021结转、2026部门预算） — a year printed without 年",
)
def years_without_nian(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    # (hint, pattern, characters quoted after the match, what the year should read)
    kinds = ((_YEAR_BASE_HINT, YEAR_BASE_RE, 0, "年"), (_YEAR_CARRIED_HINT, YEAR_CARRIED_RE, 4, "年"),
             (_YEAR_VERB_HINT, YEAR_VERB_RE, 4, "年"), (_YEAR_DU_HINT, YEAR_DU_RE, 6, "年度"),
             (_YEAR_KIND_HINT, YEAR_KIND_RE, 6, "年"))
    for hint, rx, after, right in kinds:
        for b in text.holding(hint):
            for m in rx.finditer(b.text):
                yield text_finding(
                    "wording.year_without_nian",
                    f"“{b.text[m.start():m.end() + after].strip()}”中的年份漏印“年”，应为“{m.group('year')}{right}” — "
                    "a year printed without 年",
                    b, m.start("year"), m.end(),
                )


# Words that open with 一 and with nothing else: a dash in its place ("退休“—件事”") is the look-alike
# mark typed for the character.  A dash before other words joins a chain ("目标—指标—任务—项目").
ONE_WORDS = ("件事", "次性", "站式", "网通办", "网统管", "体化", "把手", "般性")
DASH_FOR_ONE_RE = re.compile("[—－-](?P<word>" + "|".join(ONE_WORDS) + ")")  # context-free: its own hint


@rule(
    "wording.dash_for_one",
    severity="info",
    description="把“一”印成破折号（“—件事”“—次性”），含表格中的文字栏 — a dash printed for 一",
)
def dashes_for_one(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    yield from pattern_findings(doc, ctx, "wording.dash_for_one", DASH_FOR_ONE_RE, DASH_FOR_ONE_RE, _dash_message)


def _dash_message(text: str, m: re.Match[str]) -> str:
    return f"“{m.group(0)}”中的“{m.group(0)[0]}”应为“一”（一{m.group('word')}） — a dash printed for 一"
