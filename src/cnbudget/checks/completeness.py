"""Completeness: the tables and narrative sections the disclosure rules require.

Sources:
  * 财政部《地方预决算公开操作规程》(财预〔2016〕143号): 部门预算、决算公开 the 8 standard
    tables (收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算
    基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表) and their 情况说明;
    “部门（单位）无相关数据的，应当以空表形式公开并说明”.
  * 财政部每年关于做好部门预算、决算公开工作的通知 (部门决算公开 since the 2019 年度: the 9th
    table 国有资本经营预算财政拨款支出决算表; 机关运行经费、政府采购、国有资产占用、绩效 sections).

    completeness.missing_table    a required table is not in the document
    completeness.listed_missing   the document's own table of contents lists a table it does not print
    completeness.empty_table_note an empty table published without a note saying why
    completeness.missing_section  a required narrative section is not in the document
    completeness.empty_table_section  a numbered heading announces a table, and the next heading
                                  follows it with neither the table nor a word between
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.common import Texts, could_not_verify, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import kind_label
from cnbudget.model import Disclosure, Finding, Source, Table, TextBlock
from cnbudget.numbers import count_number
from cnbudget.tables.kinds import kind_from_title

RULE_143 = "财政部《地方预决算公开操作规程》(财预〔2016〕143号)"
NOTICE_BUDGET = "财政部关于做好部门预算公开工作的通知"
NOTICE_FINAL = "财政部关于做好部门决算公开工作的通知"

# kind → (severity, source)
REQUIRED_TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "budget": {
        "summary": ("error", RULE_143),
        "income": ("error", RULE_143),
        "expenditure": ("error", RULE_143),
        "fiscal_summary": ("error", RULE_143),
        "general_expenditure": ("error", RULE_143),
        "basic_expenditure": ("error", RULE_143),
        "three_public": ("error", RULE_143),
        "gov_fund": ("error", RULE_143),
        "state_capital": ("warning", NOTICE_BUDGET),
    },
    "final": {
        "summary": ("error", RULE_143),
        "income": ("error", RULE_143),
        "expenditure": ("error", RULE_143),
        "fiscal_summary": ("error", RULE_143),
        "general_expenditure": ("error", RULE_143),
        "basic_expenditure": ("error", RULE_143),
        "three_public": ("error", RULE_143),
        "gov_fund": ("error", RULE_143),
        "state_capital": ("warning", NOTICE_FINAL + "（2019年度起公开第9张表）"),
    },
}

# (id, a pattern some section title must match — or one of the groups of patterns each matched by
# a section heading of its own —, label, severity, source)
_Pairs = tuple[tuple[str, ...], ...]
REQUIRED_SECTIONS: dict[str, tuple[tuple[str, str | tuple[str, _Pairs], str, str, str], ...]] = {
    "budget": (
        ("duties", r"职责|职能|概况", "部门主要职责", "warning", RULE_143),
        ("structure", r"单位构成|机构设置|预算单位|预算构成|机构编制|独立核算", "部门预算单位构成", "warning", RULE_143),
        # an income section and an expenditure section together are the overall one (烟台 收入预算
        # 情况说明 + 支出预算情况说明; 广州 部门预算收支增减变化情况)
        ("overall", (r"收支.*总体|总体情况|收支预算|收支总表|收支增减", (("收入预算", "支出预算"),)), "收支预算总体情况说明",
         "warning", RULE_143),
        # 长沙: 一般公共预算拨款支出 and 政府性基金预算支出 sections give the 财政拨款 spending
        ("fiscal", (r"财政拨款收支|财政拨款收入支出", ((r"一般公共预算(拨款)?支出", r"政府性基金(预算)?支出"),)), "财政拨款收支情况说明", "warning",
         RULE_143),
        ("general", r"一般公共预算.*支出", "一般公共预算支出情况说明", "warning", RULE_143),
        ("three_public", r"三公", "“三公”经费支出情况说明", "warning", RULE_143),
        ("running", r"运行经费|运转经费", "机关运行经费情况说明", "warning", NOTICE_BUDGET),
        ("procurement", r"政府采购", "政府采购情况说明", "warning", NOTICE_BUDGET),
        ("assets", r"国有资产", "国有资产占用情况说明", "warning", NOTICE_BUDGET),
        ("performance", r"绩效", "预算绩效(目标)情况说明", "warning", NOTICE_BUDGET),
        ("terms", r"名词解释", "名词解释", "info", NOTICE_BUDGET),
    ),
    "final": (
        ("duties", r"职责|职能|概况", "部门主要职责", "warning", RULE_143),
        ("structure", r"单位构成|机构设置", "机构设置及决算单位构成", "warning", RULE_143),
        ("overall", r"收入支出决算总体|收支.*总体|总体情况", "收入支出决算总体情况说明", "warning", RULE_143),
        ("income", r"收入决算", "收入决算情况说明", "warning", RULE_143),
        ("expenditure", r"支出决算", "支出决算情况说明", "warning", RULE_143),
        ("fiscal", r"财政拨款收入支出|财政拨款收支", "财政拨款收入支出决算总体情况说明", "warning", RULE_143),
        ("three_public", r"三公", "“三公”经费支出决算情况说明", "warning", RULE_143),
        ("running", r"运行经费|运转经费", "机关运行经费支出情况说明", "warning", NOTICE_FINAL),
        ("procurement", r"政府采购", "政府采购支出情况说明", "warning", NOTICE_FINAL),
        ("assets", r"国有资产", "国有资产占用情况说明", "warning", NOTICE_FINAL),
        ("performance", r"绩效", "预算绩效情况说明", "warning", NOTICE_FINAL),
        ("terms", r"名词解释", "名词解释", "info", NOTICE_FINAL),
    ),
}

_KIND_ZH = {"budget": "部门预算", "final": "部门决算"}


@rule(
    "completeness.missing_table",
    severity="error",
    description="缺少公开规定要求的表格 — a table the disclosure rules require is missing",
)
def missing_tables(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    kind = doc.meta.kind
    if kind not in REQUIRED_TABLES:
        yield could_not_verify(ctx, "应公开的表格", "未能判断是预算还是决算 (document kind unknown)")
        return
    have = {t.kind for t in doc.tables}
    attached = _tables_published_apart(doc) if not have - {"other", "performance_targets", "performance_review"} else None
    if attached:
        # the narrative of a disclosure whose tables are published as a file of their own (北京:
        # "附件：某某局2026年度部门预算报表"; 西安: "…2019年部门综合预算说明"): what is missing
        # here is not missing there
        yield could_not_verify(ctx, "应公开的表格", f"{attached}，本文件只有情况说明")
        return
    if not doc.tables:
        yield could_not_verify(ctx, "应公开的表格", "未读到任何表格")
        return
    for k, (sev, src) in REQUIRED_TABLES[kind].items():
        ctx.checked()
        if k in have:
            continue
        subject = _SUBJECT.get(k)
        if subject and _said_in_text(doc, subject):
            # "本部门无当年国有资本经营预算拨款收支，并在财政拨款收支总体情况表中列示": the
            # absence is explained, only the empty table itself is not printed
            yield finding(
                "completeness.missing_table",
                f"{_KIND_ZH[kind]}未单独公开《{kind_label(k)}》，情况说明称无此项收支（{src}要求无数据的也以空表公开） — "
                f"table {k} not printed; the narrative says there is none",
                severity="info",
                table=k,
            )
            continue
        yield finding(
            "completeness.missing_table",
            f"{_KIND_ZH[kind]}公开缺少《{kind_label(k)}》（依据：{src}；无数据的也应以空表公开并说明） — "
            f"required table {k} is missing",
            severity=sev,
            table=k,
        )


@rule(
    "completeness.listed_missing",
    severity="warning",
    description="目录列出的表格在文中未找到 — the table of contents lists a table the document does not print",
)
def listed_missing(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    have = {t.kind for t in doc.tables}
    if not have:
        return
    reported: set[str] = set()
    for s in doc.sections:
        title = re.sub(r"\s+", "", s.title)
        # a table is named by its title ("…绩效目标表"); a heading ending in 预算 names the topic of a
        # section of the 情况说明 ("二、机关运行经费预算": 本单位无机关运行经费)
        if not title.endswith("表") or len(title) > 60:
            continue
        k = kind_from_title(title)
        if k is None or k in have or k in reported:
            continue
        ctx.checked()
        reported.add(k)
        yield finding(
            "completeness.listed_missing",
            f"目录列有“{s.title.strip()}”，但文中未找到该表 — listed table {k} not found in the document",
            table=k,
            source=s.source,
        )


def _is_empty(t: Table) -> bool:
    return not any(v != 0 for r in t.rows for v in r.values.values())


_EXPLAINS = re.compile(
    r"无数据|没有|无.{0,14}(收入|支出|收支|经费|安排|预算)|空表|未安排|不涉及|本表(本年)?无|无发生额|无相关|为空|为0|为零"
    r"|(?<![\d.,])0(\.0+)?\s*万?元"  # "政府性基金拨款支出预算0万元"
)
_SUBJECT = {
    # "一般公共预算拨款支出预算为0" explains an empty 一般公共预算 table, its basic one too
    "general_expenditure": "一般公共预算",
    "basic_expenditure": "一般公共预算",
    "gov_fund": "政府性基金",
    "state_capital": "国有资本",
    "three_public": "三公",
    "projects": "项目",
    "procurement": "政府采购",
    "purchased_services": "政府购买服务",
    "carryover": "结转",
}


_ATTACHED_RE = re.compile(r"附\s*件\s*\d*\s*[:：]\s*(?P<name>\S.{0,40}?(预算|决算)(报表|表))")


# a title that names the file the narrative of the disclosure: "…2019年部门综合预算说明",
# "…部门预算情况说明", "…决算编制说明" (the tables are the other part of it)
_NARRATIVE_TITLE_RE = re.compile(r"(?:预算|决算)(?:情况|编制)?说明$")
# a file that is the 项目支出绩效目标表 alone (广州: "…2026年项目支出绩效目标表(含转移支付项目)")
_TARGETS_TITLE_RE = re.compile(r"绩效目标表")


def _tables_published_apart(doc: Disclosure) -> str | None:
    """Where the tables are, when the text says they are published apart: the attachment that
    holds them, or the title that names this file the 说明 only."""
    for b in doc.text:
        if (m := _ATTACHED_RE.search(b.text)) is not None:
            return f"表格另行公开（“{m.group('name')}”）"
    title = re.sub(r"\s+", "", doc.meta.title or "")
    if _NARRATIVE_TITLE_RE.search(title):
        return f"本文件题为“{title}”，表格另行公开"
    if _TARGETS_TITLE_RE.search(title) and {t.kind for t in doc.tables} == {"performance_targets"}:
        return f"本文件题为“{title}”，只公开绩效目标表，其余表格另行公开"
    return None


def _listed_as_empty(doc: Disclosure, t: Table) -> bool:
    """The document's own list of tables (西安's 报表目录 with 是否空表 | 公开空表理由) marks
    the table empty and gives the reason."""
    number = re.sub(r"\s+", "", t.number or "")
    for listing in doc.tables_of("other"):
        for line in (*listing.header, *(tuple(r.texts.values()) for r in listing.rows)):
            cells = [re.sub(r"\s+", "", c) for c in line if c]
            names_it = any((number and c == number) or kind_from_title(c) == t.kind for c in cells)
            if names_it and "是" in cells and any(_EXPLAINS.search(c) for c in cells):
                return True
    return False


def _says_nothing_of(text: str, subject: str) -> bool:
    """A sentence of ``text`` names the subject and says there is nothing (无 / 为0 / 不涉及):
    one sentence, not a passage that names the subject and another fund's 0 ("一般公共预算拨款
    支出预算11,885万元；政府性基金拨款支出预算为0")."""
    return any(subject in sentence and _EXPLAINS.search(sentence) for sentence in re.split(r"[。；;]", text))


def _said_in_text(doc: Disclosure, subject: str) -> bool:
    return any(_says_nothing_of(b.text, subject) for b in doc.text)


@rule(
    "completeness.empty_table_note",
    severity="warning",
    description="空表应附说明（为何无数据） — an empty table must carry a note saying why",
)
def empty_table_note(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind in ("other", "performance_targets", "performance_review") or not _is_empty(t):
            continue
        ctx.checked()
        if any(_EXPLAINS.search(n) for n in t.notes) or _listed_as_empty(doc, t):
            continue
        subject = _SUBJECT.get(t.kind)
        if subject and any(_says_nothing_of(c.text, subject) for c in doc.claims):
            continue
        if subject and _said_in_text(doc, subject):
            continue  # "政府性基金拨款支出预算为0万元" in the 情况说明 explains the empty table
        if subject and any(subject in s.title for s in doc.sections if not s.title.rstrip().endswith("表")):
            # the narrative has a section on it; the table itself carries no note
            yield finding(
                "completeness.empty_table_note",
                f"“{kind_label(t.kind)}”为空表，表下未注明原因（情况说明中有相应章节） — empty table without its own note",
                severity="info",
                table=t.kind,
                source=t.source,
            )
            continue
        yield finding(
            "completeness.empty_table_note",
            f"“{kind_label(t.kind)}”为空表，但未说明原因（{RULE_143}要求空表公开并说明） — empty table without a note",
            table=t.kind,
            source=t.source,
        )


_OPENING_RE = re.compile(r"[。：:；;]")


def _opening(text: str) -> str:
    """A passage's first clause (to its first 。 or ：), at most 40 characters."""
    # read off the passage's head: 40 characters of it are all that count (a passage may run
    # for pages)
    head = "".join(text[:160].split())  # str.split() and \s agree on what is a space
    t = head if len(head) >= 40 or len(text) <= 160 else "".join(text.split())
    m = _OPENING_RE.search(t)
    return (t[: m.start()] if m else t)[:40]


def _present(pattern: str | tuple[str, _Pairs], titles: Texts[str], headings: list[str]) -> bool:
    """Some title or passage opening matches the pattern, or each pattern of one of its groups
    matches a section heading of its own (an income and an expenditure section together)."""
    single, groups = (pattern, ()) if isinstance(pattern, str) else pattern
    if titles.matched(re.compile(single)):  # context-free: one search of the joined titles (``Texts``)
        return True
    return any(all(any(re.search(x, h) for h in headings) for x in group) for group in groups)


@rule(
    "completeness.missing_section",
    severity="warning",
    description="缺少公开规定要求的情况说明章节 — a required narrative section is missing",
)
def missing_sections(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    kind = doc.meta.kind
    if kind not in REQUIRED_SECTIONS:
        return
    if not doc.sections:
        yield could_not_verify(ctx, "情况说明章节", "未读到章节标题")
        return
    if doc.text and all(b.part in ("toc", "tables", "annex") for b in doc.text):
        # the file is the 公开报表 attachment alone (附件2): its 情况说明 is published apart
        yield could_not_verify(ctx, "情况说明章节", "文件只含公开报表（附件），未含情况说明")
        return
    titles = [re.sub(r"\s+", "", s.title) for s in doc.sections]
    headings = list(titles)
    # headings run into their paragraph ("（一）机关运行经费：…") and passages that open on the
    # topic count as the section: what matters is that the 情况说明 explains it
    titles += [_opening(b.text) for b in doc.text if b.part not in ("toc", "tables")]
    read = Texts.of(titles, titles)
    for _sid, pattern, label, sev, src in REQUIRED_SECTIONS[kind]:
        ctx.checked()
        if _present(pattern, read, headings):
            continue
        yield finding(
            "completeness.missing_section",
            f"{_KIND_ZH[kind]}情况说明缺少《{label}》（依据：{src}） — required section missing: {label}",
            severity=sev,
        )


# A numbered heading that announces a table ("(二)部门主管专项资金的绩效目标表"), and the heading that
# closes its section: its next sibling ("(三)…") or a part of the document ("第四部分 名词解释")
_ORDINAL = r"\((?P<paren>[一二三四五六七八九十]{1,3})\)|(?P<comma>[一二三四五六七八九十]{1,3})、|(?P<digit>\d{1,2})[.、](?!\d)"
TABLE_HEADING_RE = re.compile(rf"\s*(?:{_ORDINAL})\s*[^。,;:]{{2,40}}表(?:\([^()]{{1,10}}\))?\s*$")
_NUMBERED_RE = re.compile(rf"\s*(?:{_ORDINAL})")
_PART_RE = re.compile(r"\s*第[一二三四五六七八九十]{1,3}部分")


def _number(m: re.Match[str]) -> tuple[str | None, int | None]:
    """(style, number) of a heading's ordinal: ("paren", 2) for "(二)"."""
    return m.lastgroup, count_number(m.group(m.lastgroup or 0))


def _closes(heading: re.Match[str], text: str) -> bool:
    """Is ``text`` the heading after ``heading``'s section: its next sibling, or a part?"""
    if _PART_RE.match(text):
        return True
    nxt = _NUMBERED_RE.match(text)
    style, n = _number(heading)
    return nxt is not None and n is not None and _number(nxt) == (style, n + 1)


def _at(src: Source, end: bool = False) -> tuple[int, float]:
    """Where on the pages: (page, the top, or with ``end`` the bottom, of the box)."""
    return src.page or 0, (src.box[3 if end else 1] if src.box else 0.0)


@rule(
    "completeness.empty_table_section",
    severity="warning",
    description="标题列出一张表，其下既无该表也无说明，紧接下一标题 — a heading announces a table that is not printed under it",
)
def empty_table_sections(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    blocks = [b for b in doc.text if b.text.strip()]
    heads = [TABLE_HEADING_RE.match(b.text) for b in blocks]
    if not any(heads):
        return
    if any(b.source.page is None for b in blocks) or any(t.source.page is None for t in doc.tables):
        return  # no pages to tell where a table stands among the headings
    tables = [_at(t.source) for t in doc.tables]

    def alone(i: int) -> bool:
        """Block i announces a table, and the next heading follows it with no table between."""
        if not 0 <= i < len(blocks) - 1:
            return False
        m = heads[i]
        if m is None or not _closes(m, blocks[i + 1].text):
            return False
        after, before = _at(blocks[i].pieces[-1][1], end=True), _at(blocks[i + 1].source)
        return not any(after < t < before for t in tables)

    for i, b in enumerate(blocks[:-1]):
        if heads[i] is None:
            continue
        ctx.checked()
        # a run of such headings is a list of the tables (a 目录, "公开内容包括：(一)…表 (二)…表"), not
        # sections; one alone between a passage and a section with its table is a section left empty
        if alone(i) and not alone(i - 1) and not alone(i + 1):
            yield _empty_section(b, blocks[i + 1])


def _empty_section(b: TextBlock, nxt: TextBlock) -> Finding:
    title = b.text.strip()
    return text_finding(
        "completeness.empty_table_section",
        f"“{title}”之下既无该表也无说明，紧接着是“{nxt.text.strip()[:30]}” — the heading announces a table "
        f"that is not printed under it (nor a note that there is none)",
        b, 0, len(b.text),
    )
