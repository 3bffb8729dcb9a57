"""Rules on the reasons the text gives for a change.

    wording.reason_of_other_item  the reason stated for one 三公 / 会议费 / 培训费 item speaks of
                                  another item only: "公务接待费…减少2万元，主要是根据年度因公出国
                                  计划任务安排" (the 因公出国 reason copied from the line above)
    wording.zero_reason           the reason given for a figure of nothing names no absence: "计划购置
                                  车辆0辆、0万元，主要是车辆购置计划" (the template's 无 dropped)
    wording.reason_of_income      a change of the spending explained by the income's changes only
                                  (the income paragraph's reason copied under the spending)
    wording.reason_without_copula the reason run into its label: "变动原因本年度部门不单独编制…",
                                  "主要原因工作任务增加" (是 left out)
    wording.reason_copula_twice   the lead's 是 before a list whose items open with 是: "主要原因是一是
                                  …，二是…" (the lead wants "：" — "主要原因：一是…")
    wording.reason_no_change      a change of some amount whose reason says nothing changed: "减少
                                  0.3万元，下降1.3%，主要原因是基本与上年持平，无增减变化"
    claim.reason_lead_direction   a reason announced for a change the other way than the one stated
                                  just before it: "财政拨款收入17883万元，比2025年预算增加156万元
                                  …。财政拨款收入支出减少的主要原因是…"; or a lead with no subject
                                  right after the change: "较上年增加9.49万元，减少的主要原因是…"

The items are stated one after another in the same template, each with its change and its reason;
copying a line and changing its figures but not its reason is a common slip. The rule reads a
statement's subject from its head ("公务接待费2.00万元，…", or a heading sentence "2.公务接待费。"
followed by its figures) and its reason from the reason word to the end of the statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.common import checked_each, literal_first, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding, TextBlock
from cnbudget.narrative.subjects import clean_subject, same_quantity

# item → (how its name is printed, words a reason about it uses, its family). Vehicles' purchase
# and running costs are one family: a running cost may well be explained by vehicles bought.
ITEMS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "因公出国（境）费": (r"因公出国(?:\(境\)|境)?(?:经)?费(?:用)?", ("出国", "出访", "出境", "境外", "国外", "外事", "港澳", "赴台"), "abroad"),
    "公务接待费": (r"公务接待(?:经)?费(?:用)?", ("接待",), "reception"),
    "公务用车购置费": (r"公务用车购置(?:经)?费(?:用)?", ("车",), "vehicles"),
    "公务用车运行维护费": (r"公务用车运行(?:维护|维修)?(?:经)?费(?:用)?|公务用车运维费", ("车", "油", "运行", "维护", "维修", "运维"), "vehicles"),
    "会议费": (r"会议费", ("会议",), "meetings"),
    "培训费": (r"培训费", ("培训",), "training"),
}
_GROUPS = {name: f"i{k}" for k, name in enumerate(ITEMS)}
# A statement opens with its item (after a list number and a few words: "本部门当年一般公共预算会议费")
SUBJECT_RE = re.compile(
    r"^\s*(?:\d+[.、)]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]+、)?[^,;。]{0,16}?(?:"
    + "|".join(f"(?P<{_GROUPS[name]}>{pattern})" for name, (pattern, _, _) in ITEMS.items())
    + ")"
)
# a sentence that goes on about the same item: its figures, its change, its reason
CONTINUES_RE = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年|较|比|预算|决算|主要|原因|其中|,|与上年|同比)")
REASON_RE = re.compile(r"(?:主要)?原因(?:是|为|系)?:?|主要(?:是|系|由于|因为)")
_ITEM_HINT = re.compile("费")
_REASON_HINT = (re.compile("原因"), re.compile("主要"))  # what every match of REASON_RE holds


def _statements(text: str) -> Iterator[tuple[int, str]]:
    """(offset, statement): the text cut after each 。 and ;."""
    start = 0
    for m in re.finditer(r"[;。]", text):
        yield start, text[start:m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def _other_items(subject: str, reason: str) -> list[str]:
    """The items of another family the reason speaks of, when it says nothing of its own."""
    _, own, family = ITEMS[subject]
    if any(w in reason for w in own):
        return []
    return [name for name, (_, words, fam) in ITEMS.items()
            if fam != family and any(w in reason for w in words)]


@rule(
    "wording.reason_of_other_item",
    severity="warning",
    description="某项经费的变动原因说的是另一项经费（公务接待费的原因写成因公出国计划） — the reason given speaks of another item",
)
def reasons_of_other_items(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, [b for b in text.items if not b.heading])
    # every item's name ends in 费: a passage without one names no item; one without a reason
    # word gives no reason (the subject is read passage by passage)
    with_reason = set(text.where(_REASON_HINT))
    for k in text.where(_ITEM_HINT):
        b = text.items[k]
        if b.heading or k not in with_reason:
            continue
        subject: str | None = None
        for at, statement in _statements(b.text):
            m = SUBJECT_RE.match(statement)
            if m:
                subject = next(name for name in ITEMS if m.group(_GROUPS[name]))
                if not statement[m.end():].strip(" 。;"):
                    continue  # "2.公务接待费。": its figures follow in the next sentence
            elif not CONTINUES_RE.match(statement):
                subject = None
            if subject is None:
                continue
            r = REASON_RE.search(statement)
            if r is None:
                continue
            others = _other_items(subject, statement[r.end():])
            if others:
                change = statement[:r.start()].strip(" ,")[-50:]
                yield text_finding(
                    "wording.reason_of_other_item",
                    f"“{subject}”（{change}）的变动原因说的是{'、'.join(f'“{o}”' for o in others)}"
                    f"（“{statement[r.start():].strip(' 。;')[:40]}”），与该项不符，疑为从其他项复制 — "
                    "the reason given for this item speaks of another item",
                    b, at + r.start(), at + len(statement),
                )


# ---------------------------------------------------------------- the reason for nothing planned

# "计划购置车辆 0 辆、0 万元，主要是…": a figure of nothing (a count or amount of 0) whose reason
# follows in the same statement.  Not a change of 0 ("增加 0.00 万元，主要是用于…" explains the
# item's use) nor last year's 0 ("上年执行数为 0.00 万元").
ZERO_REASON_RE = re.compile(
    r"(?<![\d.])0(?:\.0+)?\s*(?:辆|台\(套\)|台|套|个|项|人次|万元|元)(?P<between>[^。;]{0,30}?)"
    r"(?:主要(?:原因)?(?:是|为|系|由于|因为)|原因(?:是|为|系))\s*:?\s*(?P<reason>[^。;]{1,60})"
)
# ZERO_REASON_RE without its look-behind: context-free (``common.Texts``)
_ZERO_REASON_HINT = re.compile(ZERO_REASON_RE.pattern.removeprefix(r"(?<![\d.])"))
_CHANGE_OR_LAST_YEAR_RE = re.compile(r"(?:增加|减少|增长|下降|持平|变化|增减|变动|上年|去年|上年度|执行数|预算数)(?:为|是)?\s*$")
# what a reason for nothing says: that there is none, not yet, no longer, or less — or that what
# there is suffices (现有车辆满足工作需要, 厉行节约, 过紧日子)
ABSENCE_RE = re.compile(
    r"无|未|没有|不|暂|停|减|取消|处置|完成|已|压|缩|调整|到期|结束|报废|撤销|划转|合并|统筹|改由|列入|纳入|归口|变更|零|0"
    r"|节约|从严|严控|控制|满足|够用|现有|紧日子"
)


@rule(
    "wording.zero_reason",
    severity="warning",
    description="数额为零的原因未说明为何没有（“计划购置车辆0辆、0万元，主要是车辆购置计划”） — "
    "the reason given for a figure of nothing names no absence",
)
def zero_reasons(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).holding(_ZERO_REASON_HINT):
        if b.heading:
            continue
        for m in ZERO_REASON_RE.finditer(b.text):
            if re.search(r"[1-9]", m.group("between")) or _CHANGE_OR_LAST_YEAR_RE.search(b.text[max(0, m.start() - 12):m.start()]):
                continue
            ctx.checked()
            reason = m.group("reason").strip()
            if ABSENCE_RE.search(reason):
                continue
            lead = re.split(r"[,。;:]", b.text[max(0, m.start() - 20):m.start()])[-1].lstrip()
            yield text_finding(
                "wording.zero_reason",
                f"“{lead}{m.group(0)[:40]}”：数额为零，所述原因"
                f"“{reason[:30]}”却未说明为何没有（疑漏“无”字） — the reason for a figure of nothing names no absence",
                b, m.start(), m.end(),
            )


# ---------------------------------------------------------------- spending explained by income

# "支出预算 515313.35 万元，比上年执行数减少 10087.38 万元，下降 1.9%，主要是政府性基金预算收入较上年
# 执行数下降 45.9%，…": a change of the spending whose reason is the income paragraph's, word for word.
SPENDING_CHANGE_RE = re.compile(
    r"支出(?:预算|决算)?[^。;]{0,40}?(?:增加|减少|增长|下降)[^。;]{0,40}?"
    r"(?:主要(?:原因)?(?:是|为|系|由于|因为)|原因(?:是|为|系))\s*:?\s*(?P<reason>[^。]{4,160})"
)
INCOME_CHANGE_RE = re.compile(r"收入[^,;。]{0,12}?(?:增加|减少|增长|下降)")
# words by which a reason speaks of spending (its items, its money, its uses)
SPENDING_WORDS_RE = re.compile(r"支出|项目|人员|经费|资金|工资|公用|安排|开支|费用|补助|建设|购置")


@rule(
    "wording.reason_of_income",
    severity="warning",
    description="支出变动的原因只说收入的变动（照抄收入段落） — a change of the spending explained by the income's changes only",
)
def spending_explained_by_income(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).holding(SPENDING_CHANGE_RE):  # context-free: its own hint
        if b.heading:
            continue
        for m in SPENDING_CHANGE_RE.finditer(b.text):
            ctx.checked()
            reason = m.group("reason")
            if not INCOME_CHANGE_RE.search(reason) or SPENDING_WORDS_RE.search(reason):
                continue
            yield text_finding(
                "wording.reason_of_income",
                f"支出的变动原因只说收入的变动（“{reason[:40]}”），疑为照抄收入部分的原因 — "
                "the change of the spending is explained by the income's changes only",
                b, m.start(), m.end(),
            )


# ------------------------------------------------------------ the reason run into its label

# "变动原因本年度部门不单独编制…", "主要原因工作任务增加": the label runs into the reason without
# 是/为/系 or a colon.  What may follow the label and still read: a copula (就是, 则是, 也是…) or 在于/来自, a list
# (一是…, 包括, 如下, 有), or words about the reason (说明, 分析, 及, 和, 详见).  "主要原因无" is an
# empty reason, another rule's.
REASON_UNLINKED_RE = re.compile(
    # …or a bare 原因 opening its clause ("…减少947.42万元，原因绩效工资预算减少")
    r"(?:(?:主要|变动|变化|增减)原因|(?<=,)原因)(?P<next>(?![是为系有在说及和与一二三四五分如包详见主即可都均由来还不无就则也仍乃应])[\u4e00-\u9fff]"
    # …or a year opening the reason ("增加的主要原因 2021 年由于系统技术原因…")
    r"|\s*(?:19|20)\d\d\s*年)"
)
_REASON_LABEL_HINT = re.compile("原因")


@rule(
    "wording.reason_without_copula",
    severity="info",
    description="“主要原因”“变动原因”后缺“是”（“变动原因本年度部门不单独编制…”） — a reason run into its label without 是",
)
def reasons_without_copula(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, [b for b in text.items if not b.heading])
    for b in text.holding(_REASON_LABEL_HINT):
        if b.heading:
            continue
        for m in REASON_UNLINKED_RE.finditer(b.text):
            label = b.text[m.start():m.start("next")]
            yield text_finding(
                "wording.reason_without_copula",
                f"“{b.text[m.start():m.start() + 12]}”：“{label}”后缺“是”或冒号 — the reason runs into its label",
                b, m.start(), m.end(),
            )


# "主要原因是一是…；二是…": the lead says 是 and so does the list's first item.  A colon between
# ("主要原因是：一是") sets the list apart and reads.
REASON_COPULA_TWICE_RE = re.compile(r"(?:主要原因|变动原因|原因|主要)是\s*一是")
_COPULA_TWICE_HINT = re.compile(r"是\s*一是")


@rule(
    "wording.reason_copula_twice",
    severity="info",
    description="“主要原因是一是…”：引出列举的“是”与列举的“一是”重复，应为“主要原因：一是…” — the lead's 是 before a list opening with 一是",
)
def reasons_with_copula_twice(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, [b for b in text.items if not b.heading])
    for b in text.holding(_COPULA_TWICE_HINT):
        for m in REASON_COPULA_TWICE_RE.finditer(b.text):
            yield text_finding(
                "wording.reason_copula_twice",
                f"“{b.text[m.start():m.end() + 10]}…”：“{m.group(0)}”两个“是”重复，应为“{m.group(0).partition('是')[0]}：一是” — "
                "the lead's 是 before a list that opens with 一是",
                b, m.start(), m.end(),
            )


# ------------------------------------------------------------ a change explained as none

# "比上年减少0.3万元，下降1.3%，主要原因是基本与上年持平，无增减变化": a change of some amount whose
# reason says nothing changed (the reason of an unchanged item copied).  Only the reason is read:
# "A增加2万元，B无变化" speaks of two items.
NO_CHANGE_REASON_RE = re.compile(
    r"(?P<word>增加|减少|增长|下降)了?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元)"
    r"[^。;]{0,30}?(?:原因|主要是|主要系)[^。;]{0,20}?(?P<none>无增减变化|无变化|没有变化|未发生变化|无增减)"
)
_NO_CHANGE_HINT = re.compile("无增减|无变化|没有变化|未发生变化")


@rule(
    "wording.reason_no_change",
    severity="warning",
    description="变动额不为零，所述原因却称无增减变化（减少0.3万元，主要原因是…无增减变化） — a change explained as none",
)
def reasons_of_no_change(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    checked_each(ctx, [b for b in text.items if not b.heading])
    for b in text.holding(_NO_CHANGE_HINT):
        if b.heading:
            continue
        for m in NO_CHANGE_REASON_RE.finditer(b.text):
            if not any(ch in "123456789" for ch in m.group("num")):
                continue  # a change of 0 is no change (wording.zero_change weighs its 增加)
            yield text_finding(
                "wording.reason_no_change",
                f"所述{m.group('word')} {m.group('num')}，原因却称“{m.group('none')}” — a change explained as none",
                b, m.start(), m.end(),
            )


# ------------------------------------------------------------ the way a reason is announced for

# "财政拨款收入支出减少的主要原因是…": a reason announced for a change of the named subject one way.
REASON_LEAD_RE = re.compile(
    r"(?P<subject>[\u4e00-\u9fff()]{2,24}?)"
    # "公务接待费预算数比2025年减少的主要原因": the comparison between the subject and its way
    r"(?:(?:预算|决算)?数?\s*(?:比|较|与)\s*(?:上年|(?:19|20)\d\d\s*年度?)(?:年初)?(?:预算|决算)?数?\s*)?"
    r"(?P<word>增加|减少|增长|下降)的?主要原因"
)
_REASON_LEAD_HINT = literal_first(("增加", "减少", "增长", "下降"), "的?主要原因")
# "较上年增加9.49万元,减少的主要原因是…": a lead with no subject, right after the clause that
# states the change it is announced for
BARE_LEAD_RE = re.compile(r"(?<=[,;])\s*(?P<word>增加|减少|增长|下降)的?主要原因")
# a change stated with its figure, and what a subject's clause may not hold of it
STATED_CHANGE_RE = re.compile(r"(?P<word>增加|减少|增长|下降)了?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元|%)")
_FIGURE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元|%)")
_BASE_RE = re.compile(r"(?:比|较|与).*$")
_UP = {"增加": 1, "增长": 1, "减少": -1, "下降": -1}
# how far back the change a reason is announced for is sought (its section's text before it)
LEAD_REACH = 400


def _way(change: re.Match[str]) -> int:
    """+1 / -1 by the change word; 0 for a change of nothing ("增加0.00万元")."""
    if not any(ch in "123456789" for ch in change.group("num")):
        return 0
    return _UP[change.group("word")]


def _changed_subject(text: str, at: int) -> str:
    """What the change stated at ``at`` is of: the subject of its clause, or of the clause or two
    before it ("一般公共预算拨款支出预算17883万元，比2025年预算增加156万元")."""
    for clause in reversed(re.split(r"[,;。:\n]", text[:at])[-3:]):
        subject = _BASE_RE.sub("", clean_subject(_FIGURE_RE.split(clause)[0])[0])
        if subject:
            return subject
    return ""


def _text_before(blocks: tuple[TextBlock, ...], k: int, at: int) -> str:
    """The section's text before offset ``at`` of block ``k``: back to its heading, at most
    LEAD_REACH characters more than the block holds before ``at``."""
    before = blocks[k].text[:at]
    j = k - 1
    while len(before) < LEAD_REACH and j >= 0 and not blocks[j].heading:
        before = blocks[j].text + "\n" + before
        j -= 1
    return before


@rule(
    "claim.reason_lead_direction",
    severity="warning",
    description="说明“减少的主要原因”而前文所述为增加（或相反） — a reason announced for a change the other way than the one stated",
)
def reason_lead_directions(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    for k in text.where(_REASON_LEAD_HINT):
        b = text.items[k]
        if b.heading or b.part in ("glossary", "profile"):
            continue
        yield from _bare_lead_findings(b)
        for m in REASON_LEAD_RE.finditer(b.text):
            subject = clean_subject(m.group("subject"))[0]
            before = _text_before(text.items, k, m.start())
            stated = [(c, of) for c in STATED_CHANGE_RE.finditer(before)
                      if (of := _changed_subject(before, c.start())) and same_quantity(of, subject)]
            if not stated:
                continue
            ctx.checked()
            ways = {_way(c) for c, _ in stated}
            if len(ways) != 1 or ways == {_UP[m.group("word")]}:
                continue  # the subject's changes go both ways, or the way announced
            change, of = stated[-1]
            none = "（即无变化）" if ways == {0} else ""
            yield text_finding(
                "claim.reason_lead_direction",
                f"称“{re.sub(r'^年度?', '', m.group(0))}”，而前文所述“{of}”为{change.group(0)}{none} — "
                "a reason announced for a change the other way than the one stated",
                b, m.start(), m.end(),
            )


def _bare_lead_findings(b: TextBlock) -> Iterator[Finding]:
    """A subjectless lead ("…增加9.49万元,减少的主要原因是…") against the last change its sentence
    states before it."""
    for m in BARE_LEAD_RE.finditer(b.text):
        sentence = b.text[b.text.rfind("。", 0, m.start()) + 1:m.start()]
        stated = list(STATED_CHANGE_RE.finditer(sentence))
        if not stated or _way(stated[-1]) in (0, _UP[m.group("word")]):
            continue  # no change stated, one of nothing (not this lead's to weigh), or the same way
        yield text_finding(
            "claim.reason_lead_direction",
            f"称“{m.group('word')}的主要原因”，而紧接其前所述为{stated[-1].group(0)} — "
            "a reason announced for a change the other way than the one stated",
            b, m.start(), m.end(),
        )
