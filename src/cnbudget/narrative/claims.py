"""Claims: every figure the 情况说明 states, with what it is of and how it relates to the others.

For each passage of the narrative (``outline``), the figures (``patterns``) are read clause by
clause (``sentences``); the words before each one give its subject, basis and direction
(``subjects``) and the table cell it speaks of (``refs``).  Kinds:

* ``amount`` — "收入总计644.06万元"; a bare number before 占 is an amount in the document unit.
* ``count`` — "车辆1辆", "设定 3 个", "自评得分 92 分" (unit kept: 个, 辆, 人次, 台(套), 分 …).
* ``change`` — "减少1.32万元" (direction -1), "增加" (+1); "与上年持平" / "与2023年预算数保持
  一致" give a change of 0 with direction 0.  ``related["current"]`` is the amount it changed to.
* ``rate`` — "下降0.2%": ``related["change"]`` and ``related["current"]``.
* ``share`` — "占87.73%": ``related["part"]`` (the amount before it) and ``related["whole"]``
  (the amount named after 占 — "占支出合计的" — or the amount the list started from: "支出合计
  644.06万元，其中："); "完成年初预算的161.96%": part = the 决算, whole = the 预算.
* an amount or count listed as a part ("其中：…", "包括：…", "分别为：…") has ``related["whole"]``:
  the figure stated just before the list (in brackets, the list ends with them; a list naming
  its whole — "支出包括：" — is of the figure of that name).  In a sentence with lists within
  lists only each list's first part is linked.
* a change or a rate stated beside last year's figure ("本年支出100万元，上年支出80万元，增加
  20万元") has ``related["previous"]`` (an amount with basis ``previous``).

An amount stated again with the same words and value, tied to nothing itself, has
``related["same"]``: the statement of it that is tied.  A listed part stated again with another
value among its fellows stated again alike ("包括在职人员经费8,327.50万元、公用经费857.93万元、
对个人和家庭的补助支出312.86万元…", then "(一)在职人员经费8,327.5万元…(二)公用经费875.93万元…
(三)对个人和家庭补助支出312.86万元") has ``related["restates"]``: that part.

A change followed by its reasons ("主要原因：项目资金较上年减少27万元，公用经费较上年减少9.35
万元…") lists them as ``related["component_1"]``, ``component_2`` … ; a reason stated as a bare
amount ("原因是：下达转移支付资金 300 万元") as ``unsigned_reason_<id>``, and the amount has
``related["reason_of"]``: the change it explains.

``refers_to``: an amount names its cell; a change, rate or share names the cell of the quantity
it describes (its current amount / its part), so a check reads ``kind`` before comparing values.
Counts, and figures of sections that speak of no table (绩效, 国有资产, 一般性支出), refer to
nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from cnbudget.document import Document, Source
from cnbudget.model import Claim, Meta, Ref, Table
from cnbudget.narrative.functions import ITEM_RE, FunctionIndex
from cnbudget.narrative.outline import Heading, Passage, outline
from cnbudget.narrative.patterns import STRUCTURE_HEADING_RE, Figure, find_figures
from cnbudget.narrative.refs import (
    OPERATING_COST_RE,
    bare_total,
    carry_free,
    economic_classes,
    economic_part,
    project_names,
    resolve,
)
from cnbudget.narrative.sentences import Clause, clauses, sentence_span
from cnbudget.narrative.subjects import (
    BUDGET_COMPLETION_RE,
    ENUMERATION_RE,
    REASON_RE,
    UNCHANGED_RE,
    basis_of,
    clean_subject,
    direction_of,
    mentions_earlier_year,
    norm_subject,
    same_quantity,
    whole_phrase,
)
from cnbudget.narrative.topics import topic_of

_BUDGET_BASES = frozenset({"initial_budget", "final_budget", "budget"})
# A clause that starts a new item of a list of reasons: "二是…", "2.", "(2)".
_LIST_ITEM_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|\d{1,2}[.、)]|\([一二三四五六七八九十\d]{1,2}\))")
# An item numbered in figures at the start of a clause, and its number: "(6)", "6.", "6、".
_ITEM_NUMBER_RE = re.compile(r"\s*(?:\((\d{1,2})\)|(\d{1,2})[.、](?!\d))")
# the styles (``_item_style``) of the items it matches: a list so numbered can go on in a later passage
_FIGURE_NUMBERED = ("(9)", "9.")
# The number of an item of a list, anywhere: "其中:(1)档案馆…", "；2.公用经费…", "一是…".
_ITEM_MARK_RE = re.compile(r"[一二三四五六七八九十]+是|(?<![\d.])\d{1,2}[.、)](?!\d)|\([一二三四五六七八九十\d]{1,2}\)")
# A reason that names money without its figure, listed with "、" before one that has it:
# "主要原因是A未安排预算、B预算减少4.1亿元…".
_UNQUANTIFIED_REASON_RE = re.compile(r"(?:预算|资金|经费|拨款).*?(?:未安排|不再安排|未列入|取消)|"
                                     r"(?:未安排|不再安排|未列入|取消).*?(?:预算|资金|经费|拨款)")
# A change compared with a year of its own ("比上年", "较2025年年初预算"): a statement, not a reason's word.
_OWN_COMPARISON_RE = re.compile(r"(?:比|较|同比|与)\s*(?:上年|上一年|去年|\d{4}\s*年)")
# A list of parts of the figure before it: "其中：", "包括：", "分别为：".
PARTS_RE = re.compile(r"其中|包括|分别为|分别是")
# The uses an amount is spent on, each with its figure: "，主要用于A 652.00万元；B 371.00万元".
_USES_RE = re.compile(r"^\s*[,:]?\s*(主要用于)(?!以下方面)")
# A bracket right after an amount that lists amounts with "、": "1.26亿元(A 4500.00万元、B 2000.00万元)"
# (not "(其中…" — PARTS_RE's —, "(含…", "(比上年…", "(去年…" …).
_BRACKET_LIST_RE = re.compile(
    r"\s*\((?!\s*(?:其中|包括|含|占|比|较|同比|与|去年|上年|上一年))(?=[^()]*?(?:万元|亿元|元)[^()]*?、[^()]*?\))")
# Only an opening bracket between a change and a percent: "增加5.00万元(83.33%)" — its rate.
_RATE_BRACKET_RE = re.compile(r"^\s*\(\s*$")
# A passage that opens with a part and its share: "一般公共服务(类)支出6,701.98万元，占1.6%；…".
_SHARES_FIRST_RE = re.compile(r"^[^,;:。\d]{2,30}?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)\s*,\s*占\s*\d")
# A passage that opens with its parts: "其中：一般公共预算拨款收入…，占62.3%；…".
_OPENING_PARTS_RE = re.compile(r"^\s*其中\s*:")
# A sentence's opening clause that only names how the figure before is broken down: "按部门预算支出
# 经济分类，", "按照政府预算支出经济分类:".
_BREAKDOWN_ONLY_RE = re.compile(r"按照?[^,;:。\d]{0,20}分类(?:科目)?[,:]")
# "按支出用途分类，包括…": a breakdown of the quantity it names (支出, 收入).
_BREAKDOWN_RE = re.compile(r"按\s*(?P<what>支出|收入)(?:功能|经济|用途|性质|来源)?(?:分类)?\s*(?:,|包括|分为|$)")
# "涉及预算资金", "涉及财政性资金合计": the money a 绩效 statement covers.
# "涉及一般公共预算财政拨款": the general budget's part of it.  (财政性资金: another scope)
# "(涉及)当年政府性基金预算当年拨款 0 万元": one fund's part, listed after the first.
_INVOLVED_RE = re.compile(r"^(?:涉及(?:预算)?资金(?:合计|共计)?|(?:涉及)?(?P<now>当年)?(?P<fund>一般公共|政府性基金|国有资本经营)"
                          r"(?:预算)?(?:当年)?(?:财政)?拨款)$")
# …the spending named before it: "所有项目支出预算纳入…" / "本单位整体支出纳入…" / "项目支出均实行了
# 绩效目标管理".  (Not "其他运转类项目和特定目标类项目均实行…，涉及资金 X": X may be all funds' or
# the general budget's projects.)
_MANAGED_RE = re.compile(r"(?P<spending>项目支出|整体支出)(?:预算)?(?:全部|均)?(?:纳入|实行了?绩效目标管理)|"
                         r"(?P<all>绩效目标管理全覆盖)")
# A numbered part of a list: "具体包括：1.A…", "；(2)B…".
_ORDINAL_RE = re.compile(r"[:;,。]\s*(?:\d{1,2}[.、．]|\(\d{1,2}\))(?!\d)")
# Words before "包括" / "分别为" that say how, not what: "主要包括：", "具体分别为：".
_LIST_ADVERB_RE = re.compile(r"(?:主要|具体|还|也|均|分别)+\s*$")
# Where the subject of a 持平 statement ends: "三公经费支出与上年持平".
_COMPARE_WORD_RE = re.compile(r"(?:与|比|较|同)")


# The parts the 支出表 prints as columns of its total, by the name a list gives them
_SPENDING_PART_COLUMNS = {"基本支出": "basic", "项目支出": "project"}


def _part_of_spending(subject: str, whole: Ref | None) -> Ref | None:
    """The cell of a listed part of the whole year's spending ("支出预算11,380.57万元，其中：基本
    支出6,015.67万元，项目支出5,364.9万元"): the 支出表's 基本支出 / 项目支出 of its total —
    the scope of the whole the list names (all funds), whatever section the sentence stands in."""
    column = _SPENDING_PART_COLUMNS.get(subject)
    if column is None or whole is None:
        return None
    spending = (whole.table == "summary" and whole.row == "grand_total" and whole.side == "expenditure") or (
        whole.table == "expenditure" and whole.row == "total" and whole.column == "total")
    return Ref("expenditure", "total", column) if spending else None


@dataclass
class _Draft:
    """A claim being built (mutable while the statement's links are found)."""

    id: int
    kind: str
    value: Decimal
    unit: str
    subject: str
    text: str
    source: Source
    sentence: int
    basis: str = "current"
    direction: int | None = None
    refers_to: Ref | None = None
    related: dict[str, int] = field(default_factory=dict)
    component: bool = False
    topic: str | None = None
    at: int = 0  # offset in its passage
    end: int = 0  # where its figure (number and unit) ends
    depth: int = 0  # brackets open before it in its passage
    passage: int = 0  # the number of its passage
    in_reason: bool = False  # stated among the reasons of a change (never the whole of a list)

    def freeze(self) -> Claim:
        return Claim(
            id=self.id, text=self.text, kind=self.kind, value=self.value, unit=self.unit,
            subject=self.subject, source=self.source, refers_to=self.refers_to,
            direction=self.direction, related=dict(self.related), basis=self.basis,
        )


@dataclass
class _Reasons:
    """An open list of reasons for ``main`` (a change)."""

    main: _Draft
    count: int = 0
    at: int = 0  # where the reasons begin in the passage
    item_style: str | None = None  # how the item the change is stated in is numbered ("(1)" → "(n)")
    parts_depth: int | None = None  # a "其中" after a reason opened its parts, at this bracket depth


_SCOPE_HEADING_RE = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]?(基本支出|项目支出)[:：，,]")
_NUMBERED_RE = re.compile(r"^([(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.．、])")
_SCOPED_TABLES = frozenset({"general_expenditure", "expenditure"})


class _Reader:
    """Reads the claims of one document, passage by passage."""

    def __init__(self, meta: Meta, functions: FunctionIndex, projects: frozenset[str] = frozenset(),
                 free: frozenset[tuple[str, str]] = frozenset(), economic: frozenset[str] = frozenset()) -> None:
        self.meta = meta
        self.functions = functions
        self.projects = projects  # names of the projects the 项目支出表 prints (Ref.name_key)
        self.carry_free = free  # the summary tables' sides that carry nothing over (refs.carry_free)
        self.economic = economic  # the general budget's economic classes a table prints (refs.economic_classes)
        self.passages = 0
        self.drafts: list[_Draft] = []
        self.topic: str | None = None  # the section (topic) of the passage being read
        self.structure_of: str | None = None  # the figure a "…结构情况" heading just read names
        self.pending_item: str | None = None  # a "(类)…(款)…(项)" line the next figures are of
        # what the figures of a passage that names nothing are of: the title before its ":"
        # ("(一)收入预算：2026年年初预算数174,900.64万元") or the heading over it ("3.公务接待费" /
        # "2026年预算数1.27万元")
        self.title_subject: str | None = None
        self.heading_subject: str | None = None
        # "（二）项目支出：…其中：教育支出 270.00 万元": the classes named under a 基本支出 /
        # 项目支出 heading are that column's, up to the next numbered heading
        self.spend_scope: str | None = None
        # a numbered list still open where its passage ended ("其中：(1)A…；…(5)E…；"), with the
        # section it is in: a passage of the same section whose first item is the next number
        # ("(6)F…") goes on with it — a list's items are often printed as paragraphs of their own
        self.open_list: tuple[_List, str | None] | None = None

    # -- passages ---------------------------------------------------------------------------

    def heading(self, h: Heading) -> None:
        self.open_list = None  # a heading ends any list
        subject, _ = clean_subject(h.text, self.meta.department)
        self.pending_item = subject if h.level == 4 and ITEM_RE.search(subject) else None
        self.heading_subject = _title_subject(subject) if h.level >= 3 else None
        m = STRUCTURE_HEADING_RE.match(re.sub(r"\s+", "", h.text))
        self.structure_of = m.group("whole") if m is not None else None
        self._scope_from(h.text)

    def _scope_from(self, text: str) -> None:
        t = re.sub(r"\s+", "", text)
        if (m := _SCOPE_HEADING_RE.match(t)) is not None:
            self.spend_scope = "basic" if m.group(1) == "基本支出" else "project"
        elif _NUMBERED_RE.match(t):
            self.spend_scope = None

    def passage(self, p: Passage) -> None:
        text = p.text
        self._scope_from(text)
        figures = find_figures(text)
        structure_of, self.structure_of = self.structure_of, None
        if not figures:
            subject, _ = clean_subject(text.rstrip("。"), self.meta.department)
            if ITEM_RE.search(subject):
                self.pending_item = subject
                return
        local: list[_Draft] = []
        state = _PassageState()
        carried, self.open_list = self.open_list, None
        if carried is not None and carried[1] == p.topic:
            state.suspended, state.resume_number = carried[0], carried[0].parts + 1
        if structure_of is not None and _SHARES_FIRST_RE.match(text):
            # "2.一般公共预算当年拨款结构情况。" over "一般公共服务(类)支出6,701.98万元，占1.6%；…":
            # the shares are of the figure the heading names, stated earlier in the section
            state.head = next((d for d in reversed(self.drafts) if d.kind == "amount" and d.basis == "current"
                               and d.topic == p.topic and not d.in_reason and same_quantity(structure_of, d.subject)),
                              None)
        self.title_subject = None
        self.topic = p.topic
        self.passages += 1
        parts = clauses(text, figures)
        for clause in parts:
            self._clause(p, text, clause, local, state)
        _first_parts_only(local, state.lists, state.bracketed | _delimited(state))
        still_open = state.parts_of or state.suspended
        if still_open is not None and still_open.amount is not None and still_open.parts \
                and still_open.sentence == state.sentence and _carries_over(still_open.item_style):
            self.open_list = (still_open, p.topic)
        # A passage that ends with a "(类)…(款)…(项)" line names the item the next one speaks of.
        self.pending_item = None
        last = next((c for c in reversed(parts) if text[c.start:c.end].strip()), None)
        if last is not None and not last.figures:
            subject, _ = clean_subject(text[last.start:last.end], self.meta.department)
            if ITEM_RE.search(subject):
                self.pending_item = subject

    # -- clauses ----------------------------------------------------------------------------

    def _clause(self, p: Passage, text: str, c: Clause, local: list[_Draft], st: _PassageState) -> None:
        if st.reasons is not None and st.sentence != c.sentence:
            st.reasons = None
        if st.reasons is not None and st.last_mark == ";" and not st.reasons.count \
                and not _LIST_ITEM_RE.match(text[c.start:c.end]):
            st.reasons = None
            st.in_reason = False  # "…主要原因是：一是…；二是…；本部门支出…": the reasons ended
        if st.reasons is not None and st.reasons.item_style is not None \
                and (m := _LIST_ITEM_RE.match(text[c.start:c.end])) is not None \
                and _item_style(m.group(0).strip()) == st.reasons.item_style:
            # "(1)A…增加82.76万元，原因是…；(2)B…增加0.11万元": the next item of the list the change
            # was stated in, not a reason of it
            st.reasons = None
            st.in_reason = False
        if st.reasons is not None and st.last_mark in (";", "。"):
            st.reasons.parts_depth = None  # a "其中" list within a reason ends with its clause
        # (a sentence that opens "按经济分类，其中：…" starts with its list: the phrase names the
        # breakdown, not the whole — that is the figure of the sentence before)
        st.sentence_start = st.sentence != c.sentence or not local or _BREAKDOWN_ONLY_RE.fullmatch(
            text[sentence_span(text, c.start)[0]:c.start].strip()) is not None
        if st.sentence != c.sentence:
            st.in_reason = False
        if st.parts_of is not None and st.last_mark == ";" and _described_items(text, st.parts_of, c.start):
            st.parts_of.described = True
        elif st.parts_of is not None and st.last_mark == ";" and not st.parts_of.described and (
                not st.parts_of.parts or st.parts_of.word not in ("其中", "主要用于")):
            # "…，包括信访干部业务培训；信访备用金85万元": the list had no figures; "收入X，包括A、B；
            # 年初结转Y": a 包括 list runs with "、" and ends at ";" (a 其中 list runs on with ";")
            st.parts_of = None
        if st.suspended is not None and st.parts_of is None and _resumes(st, text, c, local):
            # "其中：(1)A 10万元，较上年减少2万元，原因是…；(2)B 5万元" (or "其中：A(301) 10万元，…原因
            # 是…；B(302) 5万元"): the next item of the list the reasons interrupted
            st.parts_of, st.suspended = st.suspended, None
            st.parts_of.sentence = c.sentence
            st.resume_number = None
            st.reasons = None
            st.in_reason = False
        st.sentence, st.last_mark = c.sentence, c.end_mark
        first = c.figures[0].start if c.figures else c.end
        before = text[c.start:first]
        pos = c.start
        if (m := REASON_RE.search(before)) is not None:
            main = next((d for d in reversed(local) if d.kind == "change" and not d.component
                         and d.sentence >= c.sentence - 1), None)
            st.reasons = None if main is None else _Reasons(
                main, at=c.start + m.end(), item_style=_item_style_before(text, main.at))
            st.in_reason = True
            pos = c.start + m.end()
        if (m := ENUMERATION_RE.search(before)) is not None:
            st.head = self._enumeration_head(text[c.start:c.start + m.start()], local)
        if not c.figures and not local and (c.end_mark == ":" or (c.end_mark == "。" and not text[:c.start].strip())):
            # "(一)收入预算：…", "1.因公出国(境)费用。2026年预算数220.00万元": a title run in
            self.title_subject = _title_subject(clean_subject(before, self.meta.department)[0])
        if not c.figures:
            if REASON_RE.search(before) is not None:
                if st.reasons is not None:  # (no change to explain: "主要是为…" tells what a part is for)
                    _suspend(st)  # reasons are no parts
                st.in_reason = True
            elif (m := PARTS_RE.search(before)) is not None:
                _reason_parts(st, text, c.start + m.start())
                self._open_parts(c, local, st, text, c.start + m.start(), first=st.sentence_start,
                                 prefix=before[:m.start()])
            self._unchanged(p, text, c, local)
            return
        for fig in c.figures:
            lead = text[pos:fig.start]
            pos = fig.end
            if st.reasons is not None and any(_UNQUANTIFIED_REASON_RE.search(item) for item in lead.split("、")[:-1]):
                # "主要原因是A未安排预算、B减少4.1亿元": the money A no longer gets is a reason
                # whose figure the list does not print — the listed figures are not the whole
                st.reasons.main.related["unquantified_reason"] = st.reasons.main.id
            if REASON_RE.search(lead) is not None:
                _suspend(st)  # reasons are no parts
                st.in_reason = True
            elif (m := PARTS_RE.search(lead)) is not None:
                _reason_parts(st, text, fig.start - len(lead) + m.start())
                self._open_parts(c, local, st, text, fig.start - len(lead) + m.start(),
                                 first=st.sentence_start and fig is c.figures[0], prefix=lead[:m.start()])
            elif fig.kind == "amount" and (m := _USES_RE.match(lead)) is not None and local \
                    and local[-1].kind == "amount" and local[-1].sentence == c.sentence:
                # "X(项)1153.00万元，主要用于A等支出652.00万元；B 371.00万元": the amount's uses, stated
                # right after it, are its parts
                self._open_parts(c, local, st, text, fig.start - len(lead) + m.start(1), first=False, prefix="",
                                 word="主要用于", whole=local[-1])
            if fig.kind == "percent":
                self._percent(p, text, c, fig, lead, local, st)
            else:
                self._quantity(p, text, c, fig, lead, local, st)
                if fig.kind == "amount" and (m := _BRACKET_LIST_RE.match(text, fig.end)) is not None:
                    # "基建预算1.26亿元(A 4500.00万元、B 2000.00万元…)": the bracket lists its parts
                    self._open_parts(c, local, st, text, m.end(), first=False, prefix="", word="(", whole=local[-1])
        tail = text[pos:c.end]  # "…400.00万元(其中": a list opened after the clause's last figure
        if REASON_RE.search(tail) is not None:
            _suspend(st)
            st.in_reason = True
        elif (m := PARTS_RE.search(tail)) is not None:
            _reason_parts(st, text, pos + m.start())
            self._open_parts(c, local, st, text, pos + m.start(), first=False, prefix=tail[:m.start()])
        elif c.end_mark == ":" and not tail.strip() and c.figures[-1].kind == "amount":
            # "政府采购预算总额6,546.82万元：货物预算1,267.79万元、工程…": the colon opens its parts
            self._open_parts(c, local, st, text, c.end, first=False, prefix="", word=":")

    def _open_parts(self, c: Clause, local: list[_Draft], st: _PassageState, text: str, at: int,
                    first: bool, prefix: str, word: str | None = None, whole: _Draft | None = None) -> None:
        """A "其中：" / "包括：" at ``at`` opens a list of parts of the amount (and of the count)
        stated just before it in the sentence — or in the sentence before, when the list starts
        a sentence ("共有车辆2辆。其中：一般公务用车2辆").  Not after a ";" (the list is then of
        something said earlier), and a list naming its whole ("支出包括：") is of the figure of
        that name only."""
        # "主要包括：", "具体包括：": an adverb, no name of the whole
        named, _ = clean_subject(_LIST_ADVERB_RE.sub("", prefix), self.meta.department)

        def head(kind: str) -> _Draft | None:
            d = next((d for d in reversed(local) if d.kind == kind and d.basis == "current" and not d.in_reason
                      and (d.sentence == c.sentence or (first and d.sentence == c.sentence - 1))), None)
            if d is None or ";" in text[d.at:at] or (named and not same_quantity(named, d.subject)):
                return None
            return d

        amount, count = (whole, None) if whole is not None else (head("amount"), head("count"))
        if amount is None and not local and st.head is None:
            # "2.按支出用途分类，包括人员支出…，占59.0%": a breakdown opening a passage of its own
            # is of the figure its 按…分类 names, stated earlier in the section — the whole of its
            # shares (not of a sum: the section may break that figure down more than one way)
            st.head = self._breakdown_head(text[:at], self.topic)
            if st.head is None and not text[:at].strip() and _OPENING_PARTS_RE.match(text, at):
                # a passage that opens "其中：A x，占a%；B y，占b%" breaks down the figure the
                # passage before it states first (again for its shares only)
                st.head = self._previous_total(self.topic)
        depth = _depth(text, at)
        for h in (amount, count):
            if h is not None and _depth(text, h.at) >= depth:
                # the head of a list within a list is no plain part — unless a bracket after it
                # holds the inner list ("B 400万元(其中：购置费100万元…)、C 30万元")
                h.related.pop("whole", None)
                h.related.pop("list", None)
        outer = st.parts_of if st.parts_of is not None and st.parts_of.depth < depth else None
        depths = st.lists.setdefault(c.sentence, [])
        depths.append(depth)
        prev = st.last_list
        if prev is not None and prev.sentence == c.sentence and _closed_before(prev, text, at):
            st.closed.add((prev.sentence, prev.number))
        if amount is not None:
            st.list_wholes.setdefault(c.sentence, amount)
        if word == "(":
            st.bracketed.add((c.sentence, len(depths)))
        within = any(h is x for h in (amount, count) if h is not None for x in st.parts)
        unnumbered = within and (st.parts_of is None or st.parts_of.item_style is None)
        st.parts_of = _List(c.sentence, amount, count, depths[-1], len(depths), word=word or PARTS_RE.match(text, at).group(0),
                            within_parts=within, opened_at=at, outer=outer, in_unnumbered_part=unnumbered)
        st.suspended, st.resume_number = None, None  # (a list carried from the passage before ends)
        st.last_list = st.last_lists[c.sentence] = st.parts_of

    def _part(self, d: _Draft, st: _PassageState, text: str, at: int) -> None:
        """Mark ``d`` a part (``related["whole"]``) of the list open in its sentence.  A list
        opened inside brackets ("(其中 380 万元为…、1230 万元为…)") ends with them; a figure in
        brackets deeper than the list ("车辆费 9 万元（购置费 0 万元，运行费 9 万元）") is a part
        of a part."""
        lst = st.parts_of
        if lst is None or lst.sentence != d.sentence or d.basis != "current":
            return
        if (d.topic == "performance" and d.kind == "count") or d.unit == "分":
            return  # 绩效: "设定3个、完成3个", "满分15分、实得14分" are pairs, not parts
        depth = _depth(text, at)
        while lst is not None and depth < lst.depth:
            lst = st.parts_of = lst.outer  # the bracket that held the list closed: back to the list around it
        if lst is None:
            return
        whole = lst.amount if d.kind == "amount" else lst.count
        if depth > lst.depth or whole is None or whole is d or (d.kind == "count" and d.unit != whole.unit):
            return
        if lst.within_parts and any(_repeats(d, x) for x in st.parts):
            # "其中：A 8辆、B 1辆报废更新，其中：A 8辆…": a list opened after a part of a list,
            # repeating that list's parts, is the clause printed twice (a list within a list
            # names other parts; "收入…其中：A…；支出…其中：A…" has a new head)
            return
        st.parts.append(d)
        d.related["whole"] = whole.id
        d.related["list"] = lst.number
        if not lst.parts:
            lst.item_style = _item_style_between(text, lst.opened_at, at) or _code_style(d.subject)
        if d.kind == "amount":
            if lst.last_amount is not None:
                lst.separators.update(_marks(text[lst.last_amount.end:at])[:1])
            lst.last_amount = d
        lst.parts += 1

    def _breakdown_head(self, before: str, topic: str | None) -> _Draft | None:
        """The amount a breakdown "按支出用途分类，包括…" at the head of its passage is of: the
        latest total stated earlier in the same section (topic) of the quantity it names ("支出",
        "支出合计", "支出预算总额"); None when it names none ("按经济分类")."""
        m = _BREAKDOWN_RE.search(before)
        if m is None or topic is None:
            return None
        total = re.compile(rf"^{m.group('what')}(?:预算|决算)?(?:合计|总计|总额|总预算)?数?$")
        return next((d for d in reversed(self.drafts) if d.kind == "amount" and d.basis == "current"
                     and d.topic == topic and not d.in_reason and total.match(norm_subject(d.subject))), None)

    def _previous_total(self, topic: str | None) -> _Draft | None:
        """The first amount of this year the passage before the current one states, when it is of
        the same section: "2026年收入预算665,964.37万元，比上年…。" / "其中：…，占62.3%"."""
        before = self.passages - 1
        return next((d for d in self.drafts if d.passage == before and d.kind == "amount" and topic is not None
                     and d.topic == topic and d.basis == "current" and not d.in_reason), None)

    def _enumeration_head(self, prefix: str, local: list[_Draft]) -> _Draft | None:
        """The amount a list ("其中：…", "支出按功能分类分为：…") is the parts of."""
        subject, _ = clean_subject(re.sub(r"按.*$", "", prefix), self.meta.department)
        amounts = [d for d in reversed(local) if d.kind == "amount" and d.basis == "current"]
        if subject:
            return next((d for d in amounts if same_quantity(subject, d.subject)), None)
        return amounts[0] if amounts else None

    # -- figures ----------------------------------------------------------------------------

    def _new(self, p: Passage, text: str, c: Clause, fig: Figure | None, kind: str, value: Decimal,
             unit: str, subject: str, local: list[_Draft], **kw: object) -> _Draft:
        at = fig.start if fig is not None else c.start
        s0, s1 = sentence_span(text, at)
        d = _Draft(id=len(self.drafts) + 1, kind=kind, value=value, unit=unit, subject=subject,
                   text=text[s0:s1].strip(), source=p.source_at(at), sentence=c.sentence, topic=p.topic, at=at,
                   end=fig.end if fig is not None else at, passage=self.passages, depth=_open_brackets(text)[at], **kw)  # type: ignore[arg-type]
        self.drafts.append(d)
        local.append(d)
        return d

    def _subject(self, lead: str, local: list[_Draft]) -> tuple[str, str]:
        """(subject, basis) of the figure after ``lead``; a bare "支出决算为" takes the subject
        stated before it in the passage ("…支出年初预算为 150 万元，支出决算为 142 万元")."""
        basis = basis_of(lead, self.meta.kind, self.meta.year)
        subject, tail = clean_subject(lead, self.meta.department)
        if not subject or (tail and subject in ("支出", "收入")):
            # (a bare "支出" after "收入预算 X" is the spending, not the income again)
            earlier = next((d.subject for d in reversed(local) if d.kind in ("amount", "count") and d.subject
                            and not _names_other_side(d.subject, subject)), None)
            subject = earlier or self.pending_item or subject or self.title_subject or self.heading_subject or ""
        return subject, basis

    def _names_department(self, lead: str) -> bool:
        """Does a lead name the department as a whole ("本部门预算")?  Not by its name: "XX局(本级)
        预算" is one unit's of a department that prints its units one by one — unless the document
        is that unit's own (scope ``unit``)."""
        squashed = re.sub(r"\s+", "", lead)
        return re.search(r"本部门|本单位", squashed) is not None or (
            self.meta.scope == "unit" and "本级" in squashed)

    def _names_a_unit(self, lead: str) -> bool:
        """Does a lead name one unit ("XX局(本级)预算收入") of a document that is not that unit's?"""
        return self.meta.scope != "unit" and "本级" in lead

    def _quantity(self, p: Passage, text: str, c: Clause, fig: Figure, lead: str,
                  local: list[_Draft], st: _PassageState) -> None:
        unit = fig.unit or self.meta.unit or "万元"
        direction = direction_of(lead)
        if direction is not None:
            self._change(p, text, c, fig, lead, unit, direction, local, st)
            return
        subject, basis = self._subject(lead, local)
        topic = p.topic
        if not subject and basis == "current" and topic in ("expenditure", None) and self._names_department(lead):
            subject = "支出"  # "本部门预算 21,796.12 万元，包括…": the department's whole spending
        if fig.kind == "amount" and topic in ("performance", "other") and basis == "current" \
                and (m := _INVOLVED_RE.match(subject)) is not None \
                and (managed := _managed_spending(text[sentence_span(text, fig.start)[0]:fig.start])) is not None:
            # "所有项目支出预算纳入部门预算绩效管理，涉及预算资金 57,132.99 万元": the spending the clause
            # says was put under management (of the general budget: "涉及一般公共预算财政拨款 X")
            fund = m.group("fund") and m.group("fund") + "预算"
            if fund is None or not m.group("now") or ("fiscal_summary", "income") in self.carry_free:
                # (this year's grant of a fund is its table's total where nothing is carried over)
                subject, topic = (fund or "") + managed, "performance"
        if fig.kind == "count":
            d = self._new(p, text, c, fig, "count", fig.value, unit, subject, local, basis=basis,
                          in_reason=st.in_reason)
            self._part(d, st, text, fig.start)
            return
        if OPERATING_COST_RE.search(subject) or (p.topic == "operating_cost" and re.search(r"运行经费|运转经费", subject)):
            subject = "机关运行经费"
        ref = resolve(subject, topic, self.meta.kind, basis, self.functions)
        if ref is None and topic == "other" and (named := topic_of(subject)) not in (None, "other"):
            # "其他重要事项" holds sections run into one passage: "本部门政府采购预算总额 X" is the
            # 政府采购 section's figure
            ref = resolve(subject, named, self.meta.kind, basis, self.functions)
        if ref is None and basis == "current" and Ref.name_key(subject) in self.projects:
            ref = Ref.by_name("projects", subject)  # a project the 项目支出表 prints by this name
        if ref is None and not self._names_a_unit(lead):
            ref = bare_total(subject, topic, self.meta.kind, basis, self.carry_free)
        if (ref is not None and self.spend_scope and ref.table in _SCOPED_TABLES and ref.column == "total"
                and ref.row[:1].isdigit()):
            ref = Ref(ref.table, ref.row, self.spend_scope, ref.side)
        d = self._new(p, text, c, fig, "amount", fig.value, unit, subject, local, basis=basis, refers_to=ref,
                      in_reason=st.in_reason)
        if st.reasons is not None and not _within_reason_parts(st.reasons, text, fig.start):
            # "原因是…2021年度A预算20万元，2022年B增加50万元": a reason stated as an amount, not as
            # an increase or a decrease — it has no sign to add up with the others
            st.reasons.main.related[f"unsigned_reason_{d.id}"] = d.id
            d.related["reason_of"] = st.reasons.main.id  # the figure of the change it explains
        self._part(d, st, text, fig.start)
        if d.refers_to is None and (whole_id := d.related.get("whole")) is not None:
            whole_ref = self.drafts[whole_id - 1].refers_to
            d.refers_to = _part_of_spending(subject, whole_ref) or economic_part(
                subject, whole_ref, self.economic, self.meta.year)
        if basis == "previous":
            self._previous_after(d, local)

    def _previous_after(self, d: _Draft, local: list[_Draft]) -> None:
        """Last year's figure stated after the change of its sentence ("增加 25,335 万元(去年预算数
        为 0 万元，无法计算增减比率)") is that change's previous figure."""
        change = local[-2] if len(local) > 1 and local[-2].kind == "change" and local[-2].sentence == d.sentence else None
        current = next((x for x in local if change is not None and x.id == change.related.get("current")), None)
        if change is None or current is None or "previous" in change.related or current.unit != d.unit:
            return
        if _same_or_last_years(d, current, bare_year=True):
            change.related["previous"] = d.id
            d.related["current"] = current.id

    def _change(self, p: Passage, text: str, c: Clause, fig: Figure, lead: str, unit: str, direction: int,
                local: list[_Draft], st: _PassageState) -> None:
        subject, _ = clean_subject(lead, self.meta.department)
        if st.reasons is not None and _own_statement(lead, local, st.reasons, c.sentence):
            # "…原因是：A减少6辆；B 325.20万元，比上年增加0.80万元": an amount and its change
            # compared with a year of their own are the next statement, not a reason
            _drop_unsigned_after_reasons(st.reasons, local)
            st.reasons = None
            st.in_reason = False
        component = st.reasons is not None and not _within_reason_parts(st.reasons, text, fig.start)
        current = None
        if not component:
            current = (None if subject else self._list_whole(c, text, fig, local, st)) \
                or self._current(subject, p, local, fig.kind, fig.start)
        if not subject and current is not None:
            subject = current.subject
        ref = resolve(subject, p.topic, self.meta.kind, "current", self.functions)
        if ref is None and current is not None and same_quantity(subject, current.subject):
            ref = current.refers_to
        d = self._new(p, text, c, fig, "change", fig.value, unit, subject, local,
                      direction=direction, refers_to=ref, component=component)
        if current is not None:
            d.related["current"] = current.id
            if (previous := self._previous(current, local, c.sentence)) is not None:
                d.related["previous"] = previous.id
        if component:
            st.reasons.count += 1
            st.reasons.main.related[f"component_{st.reasons.count}"] = d.id

    def _list_whole(self, c: Clause, text: str, fig: Figure, local: list[_Draft],
                    st: _PassageState) -> _Draft | None:
        """The whole of a list that a change naming nothing follows: "收入344,447.70万元，其中：
        A 324,638.50万元、B 13,102.70万元，较上年减少…" (parts run with "、", the change after a
        ",") and "5.综合管理367.65万元，主要包括：A …；B …。较上年减少52.44万元" (the change opens
        the sentence after the list) are of the list's whole, not of its last part.  Not when the
        list numbers its parts ("项目支出…，具体包括：1.A 40万元…。较上年增加40万元"): each numbered
        part is spoken of on its own."""
        if fig.kind != "amount":
            return None
        lst = st.parts_of
        whole = None
        if (lst is not None and lst.sentence == c.sentence and lst.amount is not None and lst.parts >= 2
                and lst.last_amount is not None
                and _ends_list(lst.separators, set(_marks(text[lst.last_amount.end:fig.start])))):
            whole = lst.amount
        elif not any(d.sentence == c.sentence for d in local) and _depth(text, fig.start) >= 0:
            # the change opens its sentence (not one that a "。" inside brackets cut: "…(A 0万元；B 9.73
            # 万元，比上年减少0.05万元。)比上年减少0.05万元" — the bracket is closed by the change's words)
            whole = st.list_wholes.get(c.sentence - 1)
            if whole is not None and any(d.kind == "change" and d.related.get("current") == whole.id for d in local):
                # the whole's change is stated already ("支出X，比上年增加a。其中：A…，比上年减少b；
                # B…。比上年增加c"): the change after the list is its last part's
                return None
        if whole is None or _ORDINAL_RE.search(text, whole.end, fig.start):
            return None
        return whole

    def _current(self, subject: str, p: Passage, local: list[_Draft], kind: str, at: int | None = None) -> _Draft | None:
        """The amount a change (or 持平) is of: the nearest earlier figure of this passage naming
        the same quantity (any, when the change names none: "比上年增加1.30万元"), and not one
        inside brackets the change stands outside of ("701.34万元（购置费331万元，运行维护费
        370.34万元）比上年增加66.79万元" is of the 701.34)."""
        want = "amount" if kind == "amount" else "count"
        ref = resolve(subject, p.topic, self.meta.kind, "current", self.functions) if subject else None
        open_at = _open_brackets(p.text)
        depth = open_at[at] if at is not None else None
        candidates = [d for d in reversed(local) if d.kind == want and d.basis == "current" and (
            depth is None or d.depth <= depth)]
        # the same words first: "收入较去年减少…" is of "收入预算 68632.12", not of the "事业收入
        # 0.00" listed after it
        exact = next((d for d in candidates if subject and norm_subject(d.subject) == norm_subject(subject)), None)
        if exact is not None:
            return exact
        for d in candidates:
            if not subject or same_quantity(subject, d.subject) or (ref is not None and ref == d.refers_to):
                return d
        return None

    def _previous(self, current: _Draft, local: list[_Draft], sentence: int) -> _Draft | None:
        """Last year's figure stated beside ``current`` in the same sentence ("本年支出100万元，
        上年支出80万元", "比上年80万元增加…"), of the same quantity when both name one."""
        for d in reversed(local):
            if d.kind != current.kind or d.basis != "previous" or d.sentence != sentence:
                continue
            if d.unit != current.unit and d.unit and current.unit:
                continue
            if _same_or_last_years(d, current):
                d.related.setdefault("current", current.id)  # last year's figure of that quantity
                return d
        return None

    def _unchanged(self, p: Passage, text: str, c: Clause, local: list[_Draft]) -> None:
        """"与上年持平" / "与2023年预算数保持一致": a change of 0 (a clause with no figure)."""
        clause = text[c.start:c.end]
        if not UNCHANGED_RE.search(clause) or not mentions_earlier_year(clause, self.meta.year):
            return
        m = _COMPARE_WORD_RE.search(clause)
        subject, _ = clean_subject(clause[: m.start()] if m else "", self.meta.department)
        current = self._current(subject, p, local, "amount")
        if not subject and current is not None:
            subject = current.subject
        ref = resolve(subject, p.topic, self.meta.kind, "current", self.functions)
        if ref is None and current is not None:
            ref = current.refers_to
        d = self._new(p, text, c, None, "change", Decimal(0), self.meta.unit or "万元", subject, local,
                      direction=0, refers_to=ref)
        if current is not None:
            d.related["current"] = current.id
            if (previous := self._previous(current, local, c.sentence)) is not None:
                d.related["previous"] = previous.id

    def _percent(self, p: Passage, text: str, c: Clause, fig: Figure, lead: str,
                 local: list[_Draft], st: _PassageState) -> None:
        direction = direction_of(lead)
        if direction is None:
            direction = _bracketed_rate_direction(lead, local, c.sentence)
        if direction is not None:
            change = local[-1] if local and local[-1].kind == "change" and local[-1].sentence == c.sentence else None
            current_id = change.related.get("current") if change is not None else None
            current = next((d for d in local if d.id == current_id), None)
            subject = change.subject if change is not None else clean_subject(lead, self.meta.department)[0]
            ref = change.refers_to if change is not None else None
            if change is None:
                # "本年 100 万元，上年 80 万元，增长 25%": a rate stated of the two amounts alone
                current = next((x for x in reversed(local) if x.kind == "amount" and x.basis == "current"
                                and x.sentence == c.sentence), None)
                if current is not None:
                    subject, ref = subject or current.subject, current.refers_to
            d = self._new(p, text, c, fig, "rate", fig.value, "%", subject, local, direction=direction, refers_to=ref)
            if change is not None:
                d.related["change"] = change.id
                if "previous" in change.related:
                    d.related["previous"] = change.related["previous"]
            if current is not None:
                d.related["current"] = current.id
                if change is None and (previous := self._previous(current, local, c.sentence)) is not None:
                    d.related["previous"] = previous.id
            return
        amounts = [d for d in reversed(local) if d.kind == "amount"]
        if BUDGET_COMPLETION_RE.search(lead):
            part = next((d for d in amounts if d.basis == "current"), None)
            whole = next((d for d in amounts if d.basis in _BUDGET_BASES
                          and (part is None or not d.subject or not part.subject
                               or same_quantity(d.subject, part.subject))), None)
            self._share(p, text, c, fig, part, whole, local, lead)
            return
        if "占" in lead:
            part = next((d for d in amounts if d.sentence == c.sentence), None)
            phrase = whole_phrase(lead)
            whole = self._named_whole(phrase, part, p.topic) if phrase else st.head
            if whole is part or (whole is not None and part is not None and fig.value <= 100
                                 and whole.value < part.value):
                whole = None
            self._share(p, text, c, fig, part, whole, local, lead)
            return
        self._share(p, text, c, fig, None, None, local, lead)

    def _named_whole(self, phrase: str, part: _Draft | None, topic: str | None) -> _Draft | None:
        """The stated amount a share's whole names ("占支出合计的" → 支出合计 …万元): the latest
        one of the same section first ("占基本支出的" under 六、基本支出), then any."""
        want = norm_subject(phrase)
        candidates = [d for d in reversed(self.drafts) if d.kind == "amount" and d is not part
                      and d.basis == "current" and d.subject]

        def names(d: _Draft) -> bool:
            s = norm_subject(d.subject)
            return len(s) >= 2 and (s == want or s.endswith(want) or want.endswith(s))

        same_section = next((d for d in candidates if d.topic == topic and names(d)), None)
        if same_section is not None:
            return same_section
        return next((d for d in candidates if norm_subject(d.subject) == want), None) \
            or next((d for d in candidates if names(d)), None)

    def _share(self, p: Passage, text: str, c: Clause, fig: Figure, part: _Draft | None,
               whole: _Draft | None, local: list[_Draft], lead: str) -> None:
        if part is not None:
            subject, ref = part.subject, part.refers_to
        else:
            subject = clean_subject(re.sub(r"占.*$", "", lead), self.meta.department)[0]
            ref = None
        d = self._new(p, text, c, fig, "share", fig.value, "%", subject, local, refers_to=ref)
        if part is not None:
            d.related["part"] = part.id
        if whole is not None:
            d.related["whole"] = whole.id


@dataclass
class _PassageState:
    """What the clauses of one passage carry forward."""

    sentence: int = 0
    sentence_start: bool = True
    in_reason: bool = False  # the sentence has reached its reasons ("主要原因是…")
    last_mark: str = ""
    reasons: _Reasons | None = None
    head: _Draft | None = None
    # the list a "其中：" / "包括：" opened: (sentence, the amount and the count it is the parts of)
    parts_of: _List | None = None
    lists: dict[int, list[int]] = field(default_factory=dict)  # sentence → bracket depth of each list opened
    list_wholes: dict[int, _Draft] = field(default_factory=dict)  # sentence → the amount its first list is of
    parts: list[_Draft] = field(default_factory=list)  # the figures linked as parts so far
    suspended: _List | None = None  # a list of numbered parts the reasons of a part interrupted
    # the number the suspended list's next item must bear: set when the list began in the
    # passage before (``_Reader.open_list``), where only that number shows the list goes on
    resume_number: int | None = None
    last_list: _List | None = None  # the list opened last
    last_lists: dict[int, _List] = field(default_factory=dict)  # sentence → the list opened last in it
    closed: set[tuple[int, int]] = field(default_factory=set)  # (sentence, list number) of lists closed before the next opened
    bracketed: set[tuple[int, int]] = field(default_factory=set)  # (sentence, list number) of lists a bracket delimits


@dataclass
class _List:
    """An open list of parts: its sentence, the amount and the count it is of, the bracket
    depth it was opened at, its number in the sentence, and how many parts it has so far."""

    sentence: int
    amount: _Draft | None
    count: _Draft | None
    depth: int
    number: int
    word: str = "其中"
    parts: int = 0
    within_parts: bool = False  # its head is a part of a list before it
    last_amount: _Draft | None = None  # the list's latest amount part
    separators: set[str] = field(default_factory=set)  # the first mark after each amount part but the last
    opened_at: int = 0  # where its "其中" stands in the passage
    item_style: str | None = None  # how its first part is numbered ("其中：(1)A…" → "(9)")
    described: bool = False  # it ran on past a ";" with parts each told what it is for
    outer: _List | None = None  # the list it was opened within, in brackets after one of its parts
    in_unnumbered_part: bool = False  # its head is a part of a list whose parts are not numbered


def _bracketed_rate_direction(lead: str, local: list[_Draft], sentence: int) -> int | None:
    """The direction of a change whose rate is bracketed right after it: "较上年增加5.00万元(83.33%)"
    — a percent in a bracket that opens straight after a change is that change's rate (a share
    says 占), so it takes the change's direction."""
    if not _RATE_BRACKET_RE.match(lead) or not local:
        return None
    last = local[-1]
    if last.kind != "change" or last.sentence != sentence or not last.direction:
        return None
    return last.direction


def _item_style(mark: str) -> str:
    """How an item is numbered: "(1)" and "(2)" alike, "1." and "2、" alike, "一是" and "二是" alike."""
    return re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "9", mark)).replace("、", ".")


def _item_style_before(text: str, at: int) -> str | None:
    """The numbering of the item a figure at ``at`` is stated in: the last item number since the
    sentence (or the ";") before it."""
    start = max(text.rfind(m, 0, at) for m in ("。", ";"))
    marks = list(_ITEM_MARK_RE.finditer(text, start + 1, at))
    return _item_style(marks[-1].group(0)) if marks else None


def _item_style_between(text: str, start: int, at: int) -> str | None:
    """The numbering of the last item mark between ``start`` and ``at`` ("其中：(1)A 10万元" → "(9)")."""
    marks = list(_ITEM_MARK_RE.finditer(text, start, at))
    return _item_style(marks[-1].group(0)) if marks else None


# A name with its class code in brackets ("商品和服务支出(302)", "社区矫正(2040610)"), after the
# item's number when it has one ("②商品和服务支出(302)", folded "2商品和服务支出(302)").
_CODED_NAME_RE = re.compile(r"^\d{0,2}[^\d,;:。]*?\((\d{3}|\d{5}|\d{7})\)\s*$")


def _code_style(subject: str) -> str | None:
    """How a part named with its code is marked: by the length of the code ("工资福利支出(301)" → "(301)"
    is "code3"), so that the next part of the same list is known by a code of the same length."""
    m = _CODED_NAME_RE.match(subject)
    return f"code{len(m.group(1))}" if m else None


def _next_item_style(text: str, c: Clause) -> str | None:
    """The numbering of the item a clause opens ("(2)B…" → "(9)"), or the length of the code its
    first figure is named with ("B(302) 5万元" → "code3")."""
    if (m := _LIST_ITEM_RE.match(text[c.start:c.end])) is not None:
        return _item_style(m.group(0).strip())
    if c.figures:
        return _code_style(text[c.start:c.figures[0].start].strip())
    return None


def _resumes(st: _PassageState, text: str, c: Clause, local: list[_Draft]) -> bool:
    """Does clause ``c`` open the next item of the suspended list?  Within a passage, any item
    numbered alike after a ";" or "。"; in a passage after the list's own, only the next number,
    before any figure of the passage (the tail of the last item's reasons may come first:
    "…主要 | 原因是增加两名退休人员；(3)C…")."""
    assert st.suspended is not None
    if st.resume_number is None:
        return st.last_mark in (";", "。") and _next_item_style(text, c) == st.suspended.item_style
    if local or "。" in text[:c.start] or st.last_mark not in (";", ""):
        return False
    if (st.suspended.item_style or "").startswith("code"):
        return _next_code_follows(text, c, st.suspended)
    m = _ITEM_NUMBER_RE.match(text, c.start)
    return (m is not None and int(m.group(1) or m.group(2)) == st.resume_number
            and _item_style(m.group(0).strip()) == st.suspended.item_style)


def _ends_list(separators: set[str], marks: set[str]) -> bool:
    """Do the marks between a list's last part and a change end the list?  Parts run with "、"
    end at a "," or ";" ("A 10万元、B 20万元，较上年减少…"); parts run with "," end at a ";"
    ("其中A 10万元，B 20万元；比上年增加…": the change is the whole's, not B's)."""
    if separators == {"、"}:
        return bool({",", ";"} & marks)
    return bool(separators) and separators <= {",", "、"} and ";" in marks


def _carries_over(item_style: str | None) -> bool:
    """Can a list whose parts are marked so go on in the next passage?  Numbered in figures
    ("(1)", "1.") or named with their codes ("工资福利支出(301)…。" / "商品和服务支出(302)…")."""
    return item_style is not None and (item_style in _FIGURE_NUMBERED or item_style.startswith("code"))


def _next_code_follows(text: str, c: Clause, lst: _List) -> bool:
    """Does clause ``c`` open with a part named by a code after the list's last one, of the same
    class family ("商品和服务支出(302)" after "工资福利支出(301)"; not "(501)" after "(303)": the
    other catalog's list begins)?"""
    if not c.figures or lst.last_amount is None:
        return False
    now = _CODED_NAME_RE.match(text[c.start:c.figures[0].start].strip())
    last = _CODED_NAME_RE.match(lst.last_amount.subject)
    return (now is not None and last is not None and len(now.group(1)) == len(last.group(1))
            and now.group(1)[0] == last.group(1)[0] and now.group(1) > last.group(1))


def _suspend(st: _PassageState) -> None:
    """Reasons begin: the open list takes no more parts — unless its parts are numbered and the
    next item numbered alike follows the reasons (``_PassageState.suspended``)."""
    if st.parts_of is not None and st.parts_of.item_style is not None:
        st.suspended = st.parts_of
    st.parts_of = None


def _reason_parts(st: _PassageState, text: str, at: int) -> None:
    """A "其中" after a reason with a figure ("专项业务费增加56万元，其中A增加50万元") opens that
    reason's parts: they are no further reasons (a "其中" before any — "主要原因是：经费增加，
    其中A增加5万元，B增加12万元" — lists the reasons themselves)."""
    if st.reasons is not None and st.reasons.count and st.reasons.parts_depth is None:
        st.reasons.parts_depth = _depth(text, at)


def _within_reason_parts(reasons: _Reasons, text: str, at: int) -> bool:
    """Is a figure at ``at`` one of the parts a "其中" opened within a reason (a bracket closing
    below the "其中" ends them)?"""
    if reasons.parts_depth is None:
        return False
    if _depth(text, at) < reasons.parts_depth:
        reasons.parts_depth = None
        return False
    return True


def _own_statement(lead: str, local: list[_Draft], reasons: _Reasons, sentence: int) -> bool:
    """Is a change among the reasons the change of an amount just stated after them, compared
    with a year of its own ("B 325.20万元，较2025年增加0.80万元")?"""
    last = local[-1] if local else None
    return (last is not None and last.kind == "amount" and last.basis == "current" and last.at > reasons.at
            and last.sentence == sentence and _OWN_COMPARISON_RE.search(lead) is not None)


def _drop_unsigned_after_reasons(reasons: _Reasons, local: list[_Draft]) -> None:
    """The amounts stated after the last reason, once the next statement is known to have begun,
    were its figures, not reasons without a sign."""
    ids = {d.id: d for d in local}
    components = [ids[i] for k, i in reasons.main.related.items() if k.startswith("component_") and i in ids]
    last = max((d.at for d in components), default=reasons.at)
    for key in [k for k, i in reasons.main.related.items()
                if k.startswith("unsigned_reason_") and i in ids and ids[i].at > last]:
        ids[reasons.main.related.pop(key)].related.pop("reason_of", None)


def _runs_to_its_end(lst: _List) -> bool:
    """Do the parts of the last list of a sentence run to its end: with "、" ("…；其中一般公共预算
    D：货物 E、工程 F、服务 G。"), or each told what it is for ("主要包括：A 449.01万元，用于…；B
    1,217.93万元，用于…。")?"""
    # (not within an unnumbered part of another list: "主要包括：A x，其中C z，用于…；D w，用于…" —
    # D is the outer list's; "具体包括：1.A x，主要包括：C z，用于…；D w，用于…" — the outer list's
    # next part would be "2.")
    return lst.separators == {"、"} or (lst.described and not lst.in_unnumbered_part)


def _delimited(st: _PassageState) -> set[tuple[int, int]]:
    """(sentence, list number) of the lists whose end is printed: closed by a ";" before the next
    list opened (``_closed_before``), or the last list of their sentence (``_runs_to_its_end``, or
    every list before it closed: it is within none of them)."""
    last = {(s, lst.number) for s, lst in st.last_lists.items() if lst.parts >= 2 and (
        _runs_to_its_end(lst) or all((s, n) in st.closed for n in range(1, lst.number)))}
    return st.closed | last


def _closed_before(lst: _List, text: str, at: int) -> bool:
    """Did ``lst`` end before ``at``: its parts ran with "、" or "," and a ";" follows the last of
    them ("总额 X：货物 A、工程 B、服务 C；其中一般公共预算 D…": the second list is no part of the
    first)?  (A list whose parts run with ";" may run on past one.)"""
    last = lst.last_amount
    return (last is not None and lst.parts >= 2 and lst.separators <= {"、", ","}
            and ";" in _marks(text[last.end:at]))


def _described_items(text: str, lst: _List, at: int) -> bool:
    """Does the list run on after a ";": its parts are items each told what it is for ("主要包括：
    A 500万元，用于…；B 419.35万元，用于…；")?"""
    last = lst.last_amount
    return last is not None and "、" not in lst.separators and "用于" in text[last.end:at]


def _managed_spending(before: str) -> str | None:
    """The spending a 绩效 statement's "涉及…资金" amount is of: 项目支出 or the whole 支出."""
    found = list(_MANAGED_RE.finditer(re.sub(r"\s+", "", before).rsplit(";", 1)[-1]))
    if not found:
        return None
    return "项目支出" if found[-1].group("spending") == "项目支出" else "支出"


def _same_or_last_years(previous: _Draft, current: _Draft, bare_year: bool = False) -> bool:
    """Does last year's ``previous`` name the quantity of ``current`` (or nothing)?  A subject
    that is only the year ("上年预算数为 0 万元") names it when ``bare_year`` (the figure stands
    right after the change it is the base of)."""
    if not previous.subject or not current.subject or same_quantity(previous.subject, current.subject):
        return True
    bare = norm_subject(re.sub(r"^(?:上年|上年度|去年|上一年)", "", previous.subject))
    return (bare_year and not bare) or bare == norm_subject(current.subject)


def _names_other_side(earlier: str, bare: str) -> bool:
    """Does an earlier subject name the other side of a bare "收入" / "支出" ("收入预算 X，支出预算
    Y": the 支出 is no second statement of the 收入)?"""
    if bare not in ("收入", "支出"):
        return False
    other = "收入" if bare == "支出" else "支出"
    return other in earlier and bare not in earlier


def _title_subject(subject: str) -> str | None:
    """A title's words as the subject of the figures under it: a short name, not a sentence."""
    subject = re.sub(r"^[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]?", "", subject)
    subject = re.sub(r"(?:情况|说明|情况说明|预算|决算)+$", "", subject)
    if not subject or len(subject) > 20 or re.search(r"[,;。]", subject) or PARTS_RE.search(subject):
        return None
    return subject


def _repeats(d: _Draft, earlier: _Draft) -> bool:
    """Is ``d`` the figure ``earlier`` printed again in its sentence (same words, same value)?"""
    return (d.sentence == earlier.sentence and d.kind == earlier.kind and d.value == earlier.value
            and d.unit == earlier.unit and norm_subject(d.subject) == norm_subject(earlier.subject))


def _marks(between: str) -> list[str]:
    """The marks "、" "," ";" printed between two figures (not the commas inside a number)."""
    return re.findall(r"[、,;]", re.sub(r"(?<=\d),(?=\d)", "", between))


@lru_cache(maxsize=4)
def _open_brackets(text: str) -> list[int]:
    """How many brackets are open before each position of ``text`` (one pass, not one count a
    figure: a passage may hold a thousand of them)."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (ch == "(") - (ch == ")"))
    return out


def _depth(text: str, at: int) -> int:
    """How many brackets are open at ``at`` in its sentence."""
    s0, _ = sentence_span(text, at)
    return text.count("(", s0, at) - text.count(")", s0, at)


def _first_parts_only(local: list[_Draft], lists: dict[int, list[int]], bracketed: set[tuple[int, int]]) -> None:
    """Two lists at one bracket depth in a sentence may be one within the other, and where the
    inner one ends is not printed: keep each such list's first part only (a part is then never
    added to the parts of another whole).  A list in brackets is delimited by them, and so is
    one whose end is printed otherwise (``_delimited``)."""
    seen: set[tuple[int, int]] = set()
    for d in local:
        depths = lists.get(d.sentence, [])
        if "list" not in d.related or len(set(depths)) == len(depths):
            continue
        key = (d.sentence, d.related["list"])
        if key in seen and key not in bracketed:
            d.related.pop("whole", None)  # an amount's or count's list whole (a share's "whole" is its own)
        seen.add(key)
    for d in local:
        d.related.pop("list", None)


def extract_claims(doc: Document, tables: list[Table], meta: Meta) -> list[Claim]:
    """Every figure of the narrative as a ``Claim`` (see the module docstring)."""
    reader = _Reader(meta, FunctionIndex.build(doc, tables), project_names(tables, meta.department),
                     carry_free(tables), economic_classes(tables))
    for item in outline(doc):
        if isinstance(item, Heading):
            reader.heading(item)
        elif not item.silent:
            reader.passage(item)
    _one_value_per_cell(reader.drafts)
    _basic_and_project_wholes(reader.drafts)
    _restatements(reader.drafts)
    return [d.freeze() for d in reader.drafts]


def _one_value_per_cell(drafts: list[_Draft]) -> None:
    """Two amounts of one passage tied to one cell with different values ("(2)公用经费：…培训支出
    (2050803)2万元；(3)专项业务经费：…培训支出(2050803)107.6万元"): each is a part of the
    cell, neither is the cell."""
    cells: dict[tuple[int, Ref], list[_Draft]] = {}
    for d in drafts:
        if d.kind == "amount" and d.refers_to is not None:
            cells.setdefault((d.passage, d.refers_to), []).append(d)
    cleared: set[int] = set()
    for same in cells.values():
        if len({(d.value, d.unit) for d in same}) > 1:
            for d in same:
                d.refers_to = None
                cleared.add(d.id)
    for d in drafts:  # the changes, rates and shares that took the cell from them
        if d.refers_to is not None and cleared & {d.related.get(k) for k in ("current", "part")}:
            d.refers_to = None


# "（二）支出预算：2026年支出预算11,380.57万元，其中：基本支出6,015.67万元，项目支出5,364.9万元"
# under a section on the whole budget: spending split into 基本支出 and 项目支出 is the 支出表's
# total, whatever section it is said in ("财政拨款支出…其中基本支出" is another table's: not matched)
_SPENDING_WHOLE_RE = re.compile(r"(?:本年|本部门|部门|当年)?(?:预算)?支出(?:预算|决算)?(?:合计|总计|总额)?")
_SPENDING_PARTS = {"basic": re.compile(r"基本支出(?:预算|决算)?"), "project": re.compile(r"项目支出(?:预算|决算)?")}


def _basic_and_project_wholes(drafts: list[_Draft]) -> None:
    """Tie an untied 支出 listed as exactly 基本支出 + 项目支出 (and those parts) to the 支出表."""
    parts_of: dict[int, list[_Draft]] = {}
    for d in drafts:
        if d.kind == "amount" and "whole" in d.related:
            parts_of.setdefault(d.related["whole"], []).append(d)
    for w in drafts:
        parts = parts_of.get(w.id, [])
        if (w.kind != "amount" or w.basis != "current" or w.refers_to is not None or len(parts) != 2
                or not _SPENDING_WHOLE_RE.fullmatch(norm_subject(w.subject))):
            continue
        columns = [next((col for col, rx in _SPENDING_PARTS.items() if rx.fullmatch(norm_subject(p.subject))), None)
                   for p in parts]
        if sorted(map(str, columns)) != ["basic", "project"] or any(p.refers_to is not None for p in parts):
            continue
        w.refers_to = Ref("expenditure", "total", "total")
        for p, col in zip(parts, columns, strict=True):
            p.refers_to = Ref("expenditure", "total", col)


def _restatements(drafts: list[_Draft]) -> None:
    """An amount stated again with the same words and value ("包括…公用经费 1,074.16 万元…" and
    "(二)公用经费 1,074.16 万元，主要包括…") is the same quantity: the one tied to nothing gets
    ``related["same"]``, the statement that is tied (to a cell or a whole)."""
    tied: dict[tuple[str, str, Decimal, str | None], _Draft] = {}
    loose: list[tuple[tuple[str, str, Decimal, str | None], _Draft]] = []
    for d in drafts:
        subject = norm_subject(d.subject)
        if d.kind != "amount" or d.basis != "current" or len(subject) < 2:
            continue
        key = (subject, d.unit, d.value, d.topic)
        if d.refers_to is not None or d.related:
            tied.setdefault(key, d)
        else:
            loose.append((key, d))
    for key, d in loose:
        if (same := tied.get(key)) is not None:
            d.related["same"] = same.id
    _restated_parts(drafts)


# how many statements either side of an item are looked at for its fellows restating the list
_RESTATED_SPAN = 2


def _restated_parts(drafts: list[_Draft]) -> None:
    """A loose amount among restatements of one list's parts (``related["same"]`` on at least two
    of the statements either side) that names a part of that list: the part, restated with
    another value."""
    by_id = {d.id: d for d in drafts}
    for i, d in enumerate(drafts):
        if d.kind != "amount" or d.basis != "current" or d.related or d.refers_to is not None:
            continue
        around = [x for x in drafts[max(0, i - _RESTATED_SPAN):i + _RESTATED_SPAN + 1] if "same" in x.related]
        lists = {by_id[x.related["same"]].related.get("whole") for x in around if x.related["same"] in by_id}
        if len(around) < 2 or len(lists) != 1 or None in lists:
            continue
        whole, subject = lists.pop(), norm_subject(d.subject)
        parts = [p for p in drafts[:i] if p.related.get("whole") == whole and p.unit == d.unit]
        part = next((p for p in parts if norm_subject(p.subject) == subject), None)
        if part is None or part.value == d.value:
            continue
        # the name again in the statements after it: the items break the list down another way
        # ("其中1人员经费：…商品和服务支出(302)105.9万元…2公用经费：商品和服务支出(302)126万元…")
        if any(norm_subject(x.subject) == subject for x in drafts[i + 1:i + 1 + len(parts)]):
            continue
        d.related["restates"] = part.id
