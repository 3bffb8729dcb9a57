"""Standard wording printed with a character changed or swapped.

    wording.misspelt_term  a fixed term of the standard definitions or a fixed official phrase
                           printed one character off ("专用资料及一般设备购置费" for 专用材料…),
                           with two characters or two words swapped ("转化为实现生产力" for
                           现实生产力, "打好深入污染防治攻坚战" for 深入打好…, "工作责职"); a core
                           term with two neighbouring characters swapped ("一般共公预算"), a
                           two-word term with its words swapped ("利息存款收入"); a character
                           no text uses but as a slip ("证劵" for 证券); a character of the same
                           sound or shape where the word printed means nothing ("收益人员" for
                           受益人员, "骨于企业", "工作福利支出")
    wording.misspelt_class_name  a 支出功能分类 name marked （类）/（款）/（项） in the text
                           that is one character off, or one short, of the catalog's name of that
                           level, or of a name the document's own tables print, and no name of
                           its own ("科技成果转换与扩散（项）" for 转化; "…专项债券收安排的支出（项）"), or a
                           name cited with its code one character off the code's own ("科技成果转化扩散
                           （2060404）")
    wording.class_name_vs_table  a 支出功能分类 name marked （款）/（项） in the text, the catalog's
                           (or an alias) of one code only, where every table line of the document
                           that prints that code prints it under one other name ("工业和信息产业监管
                           （款）" where the tables print 21505 工业和信息产业; "突发公共卫生事件应急处理
                           （项）" where they print 2100410 …应急处置): the text kept an older edition's
                           name of the class the document's own tables name otherwise

The terms are the fixed items of the definitions every 名词解释 restates (机关运行经费: …专用材料
及一般设备购置费、办公用房水电费…) and official phrases printed as they were issued: a variant of
them is a slip, never another word.  A term is sought by either half of it, so that the slip may
be in the other half (info: a typing slip).  The text cells of tables are read too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

from cnbudget.checks.codes import cited_codes, load_catalog
from cnbudget.checks.common import cell_finding, cells, checked_each, nfkc, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.codes.names import stem
from cnbudget.model import Disclosure, Finding, Row, Table, TextBlock

TERMS = (
    # 机关运行经费 (财政部 definition): its items
    "专用材料及一般设备购置费",
    "办公用房物业管理费",
    "办公用房水电费",
    "办公用房取暖费",
    "公务用车运行维护费",
    # 其他资本性支出 (经济分类 definition): "…以及购建基础设施、大型修缮和财政支持企业更新改造…"
    # (a term's first and last character are not judged: 以及 keeps 购 inside it)
    "以及购建基础设施、大型修缮",
    # the 项 every function class has (2010102, 2050101 …), named without its code in a reason
    # ("委托业务费由一般行政事务管理调整至…")
    "一般行政管理事务",
    # official phrases
    "深入打好污染防治攻坚战",
    "转化为现实生产力",
    "按照工作职责",
    "二十届历次全会精神",
)


# The words every disclosure is made of, short enough that a slip spoils both halves by which a
# term is sought: sought printed with two neighbouring characters swapped ("一般共公预算"), the
# one slip of them no other word is.
CORE_TERMS = (
    "一般公共预算", "政府性基金", "国有资本经营", "财政拨款", "基本支出", "项目支出", "机关运行经费",
    "公务接待费", "公务用车", "因公出国", "政府采购", "绩效目标",
)


def _swaps(term: str) -> Iterator[str]:
    for k in range(len(term) - 1):
        if term[k] != term[k + 1]:
            yield term[:k] + term[k + 1] + term[k] + term[k + 2:]


# …and two-word terms of the definitions too short to be sought by their halves, printed with
# their words in each other's place ("主要包括利息存款收入": 存款利息收入, the 其他收入 definition)
WORD_PAIRS = (("存款", "利息"),)
_SWAPPED_CORE = {v: t for t in CORE_TERMS for v in _swaps(t)} | {b + a: a + b for a, b in WORD_PAIRS}
SWAPPED_CORE_RE = re.compile("|".join(map(re.escape, sorted(_SWAPPED_CORE))))


def _ends(term: str) -> tuple[str, str]:
    """The term's first and last third (three characters at least: "按照" opens many a phrase): a
    slip in the middle leaves both whole, one at either end leaves the other."""
    k = max(3, len(term) // 3)
    return term[:k], term[-k:]


def _swapped(term: str, seen: str) -> bool:
    """``seen`` is ``term`` with two neighbouring characters, or two neighbouring two-character
    words, in each other's place."""
    n = len(term)
    if len(seen) != n or seen == term or set(seen) != set(term):  # a swap keeps the characters
        return False
    for k in range(n - 1):
        if term[:k] + term[k + 1] + term[k] + term[k + 2:] == seen:
            return True
    return any(term[:k] + term[k + 2:k + 4] + term[k:k + 2] + term[k + 4:] == seen for k in range(n - 3))


def _one_off(term: str, seen: str) -> bool:
    """``seen`` differs from ``term`` in one CJK character inside it (a first or last character
    changed may be another word's: "公务用车运行维护经费" is no slip of …维护费)."""
    if len(seen) != len(term):
        return False
    diff = [i for i, (a, b) in enumerate(zip(term, seen, strict=True)) if a != b]
    return len(diff) == 1 and 0 < diff[0] < len(term) - 1 and "\u4e00" <= seen[diff[0]] <= "\u9fff"


# Characters no standard text uses but as a slip for another of the same sound and shape: 劵 (a
# rare character) typed for 券 ("资产证劵化"); printed with the character before them
WRONG_CHARACTERS = {"劵": "券"}
WRONG_CHARACTER_RE = re.compile(f"(?:[\u4e00-\u9fff])?[{''.join(WRONG_CHARACTERS)}]")
# 形式 (a form) printed for 形势 (a situation) where a situation is described: "严峻的污染形式", "根据
# 变化的市场形式开展调研"
SITUATION_RE = re.compile(r"(?:严峻|复杂|变化|当前|面临|整体|总体)的?(?P<what>市场|经济|污染|安全|就业|疫情|防控|财政|生态环境|环境|国际)形式")


# One character typed for another of the same sound or shape, where what is printed means nothing
# in a disclosure: (the slip, in the context that tells it, the word meant).  Each pattern's match
# is the slip alone, and opens with a literal (a look-behind first would be tried at every position
# of the text; the joined pattern is plain alternation, which is scanned for its first characters).
CONFUSED_WORDS = (
    (r"收益(?=人员|群众|对象|人群)", "受益"),  # 受益人员满意度: a 收益 is income, not a beneficiary
    (r"市场主题(?!活动|宣传|教育)", "市场主体"),  # 吸引市场主体举办…
    (r"骨于", "骨干"),
    (r"约束有利", "约束有力"),  # 标准科学、约束有力的预算制度
    (r"出人境|人(?<!出人)境(?=支队|管理)", "出入境"),
    (r"本年级(?=计划)", "本年度"),
    (r"社保保险", "社会保险"),
    (r"单独示例", "单独列示"),
    (r"事(?<=项目的事)实", "实施"),  # 通过本项目的实施
    (r"导致得", "导致的"),
    (r"不行成", "不形成"),
    (r"公(?<!因公)出国", "因公出国"),  # the 三公 item with its first character lost
    (r"工作福利支出", "工资福利支出"),  # the 301 class's name
)
CONFUSED_RE = re.compile("|".join(pattern for pattern, _ in CONFUSED_WORDS))
_CONFUSED = tuple((re.compile(pattern), meant) for pattern, meant in CONFUSED_WORDS)


def misspellings(text: str, *, core: bool = True) -> Iterator[tuple[int, str, str]]:
    """(start, what is printed, the term) of each term ``text`` prints one character off or with
    two characters or words swapped, in the order of the terms; then (``core``) each core term
    printed with two characters swapped, and each character no text uses but as a slip; then
    形式 printed for 形势, and the other words a character of the same sound or shape spoils."""
    yield from _long_term_slips(text)
    if core:
        for m in SWAPPED_CORE_RE.finditer(text):
            yield m.start(), m.group(0), _SWAPPED_CORE[m.group(0)]
        for m in WRONG_CHARACTER_RE.finditer(text):
            yield m.start(), m.group(0), m.group(0)[:-1] + WRONG_CHARACTERS[m.group(0)[-1]]
    for m in SITUATION_RE.finditer(text):  # in the 绩效目标 cells too, where situations are described
        yield m.start("what"), m.group("what") + "形式", m.group("what") + "形势"
    for m in CONFUSED_RE.finditer(text):
        yield m.start(), m.group(0), next(meant for one, meant in _CONFUSED if one.match(text, m.start()))


def _long_term_slips(text: str) -> Iterator[tuple[int, str, str]]:
    for term in TERMS:
        left, right = _ends(term)
        n = len(term)
        starts = []
        at = text.find(left)
        while at >= 0:
            starts.append(at)
            at = text.find(left, at + 1)
        at = text.find(right)
        while at >= 0:
            starts.append(at + len(right) - n)
            at = text.find(right, at + 1)
        for start in sorted(set(starts)):
            window = text[start:start + n]
            if start >= 0 and window != term and (_one_off(term, window) or _swapped(term, window)):
                yield start, window, term


@rule(
    "wording.misspelt_term",
    severity="info",
    description="标准用语错字或颠倒（专用资料及一般设备购置费、转化为实现生产力） — a standard term printed a character off or with characters swapped",
)
def misspelt_terms(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # the joined texts are searched once per term (a window across two texts holds the joining
    # line break, and is no term)
    # the core terms in the running text only: the 绩效目标 cells are many and seldom print them
    for texts, place, core in ((passages(doc, ctx), _in_passage, True), (cells(doc, ctx), _in_cell, False)):
        checked_each(ctx, texts.items)
        for start, printed, term in misspellings(texts.joined, core=core):
            k = bisect_right(texts.starts, start) - 1
            yield place(texts.items[k], start - texts.starts[k], printed, term)


def _in_passage(b: TextBlock, start: int, printed: str, term: str) -> Finding:
    return text_finding("wording.misspelt_term", _message(printed, term), b, start, start + len(printed))


def _in_cell(item: tuple[Table, Row, str, str], start: int, printed: str, term: str) -> Finding:
    t, r, col, cell = item  # a 绩效目标 restates them too ("按照工作责职承担…")
    return cell_finding("wording.misspelt_term", "：" + _message(printed, term), t, r, col, cell, start,
                        start + len(printed))


def _message(printed: str, term: str) -> str:
    return f"“{printed}”疑为“{term}”之误 — a standard term misprinted"


# A 支出功能分类 name marked with its level in the text: "科技成果转化与扩散（项）" (folded brackets);
# the run of CJK characters before the mark, after a mark, a figure or a stop
MARKED_NAME_RE = re.compile(r"(?:(?<=[^\u4e00-\u9fff])|^)(?P<name>[\u4e00-\u9fff]{3,24})\((?P<level>[类款项])\)")
_MARK_HINT = re.compile(r"\([类款项]\)")


@lru_cache(maxsize=8)
def _names(level: str) -> frozenset[str]:
    """The catalog's 支出功能分类 names of a level, every edition's (none without the catalogs)."""
    cat = load_catalog()
    if cat is None:
        return frozenset()
    return frozenset(n for e in cat.entries(cat.FUNCTION) if e.level == level for n in cat.known_names(e))


@lru_cache(maxsize=256)
def _shapes(level: str, length: int) -> dict[str, frozenset[str]]:
    """The shapes a slip leaves of the level's names that a printed name of ``length`` characters
    can have: one character any inside a name of that length ("科技成果转?与扩散"), or one left
    out of a name a character longer.  Built per length a text prints, when it prints it."""
    shapes: dict[str, set[str]] = {}
    for n in _names(level):
        if len(n) == length:
            for i in range(1, length - 1):
                shapes.setdefault(n[:i] + "?" + n[i + 1:], set()).add(n)
        elif len(n) == length + 1:
            for i in range(len(n)):
                shapes.setdefault(n[:i] + n[i + 1:], set()).add(n)
    return {k: frozenset(v) for k, v in shapes.items()}


def catalog_slips(text: str, own: Callable[[], frozenset[str]] = frozenset) -> Iterator[tuple[int, str, str]]:
    """(start, printed name, the right name) of each marked class name of ``text`` that no
    catalog name is and one is but for one character changed inside it or left out.  ``own``:
    the names the document's own tables print (read when a marked name is no catalog name), the
    right name too — the catalog lacks some 政府性基金 items ("…专项债券收入安排的支出")."""
    for m in MARKED_NAME_RE.finditer(text):
        printed, level = m.group("name"), m.group("level")
        if printed in _names(level):
            continue
        names = own()
        if printed in names:
            continue
        shapes = _shapes(level, len(printed))
        near = set(shapes.get(printed, ()))  # one character left out
        near.update(n for i in range(1, len(printed) - 1)
                    for n in shapes.get(printed[:i] + "?" + printed[i + 1:], ()))
        near.update(n for n in names if _one_slip(n, printed))
        if len(near) == 1:
            yield m.start("name"), printed, near.pop()


def _one_slip(name: str, printed: str) -> bool:
    """``printed`` is ``name`` with one character inside it changed, or one character left out."""
    if _one_off(name, printed):
        return True
    return len(name) == len(printed) + 1 and any(name[:i] + name[i + 1:] == printed for i in range(len(name)))


def _table_names(doc: Disclosure) -> frozenset[str]:
    """The names the document's tables print on their lines (folded as the text is)."""
    return frozenset(nfkc(re.sub(r"\s+", "", r.name)) for t in doc.tables for r in t.rows if r.name)


@rule(
    "wording.misspelt_class_name",
    severity="info",
    description="正文中标注（类）（款）（项）的科目名称错一字或缺一字（科技成果转换与扩散（项）） — "
    "a class name marked with its level, one character off the catalog's",
)
def misspelt_class_names(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    if load_catalog() is None:
        return
    text = passages(doc, ctx)

    def own() -> frozenset[str]:
        return ctx.index("standard_terms.table_names", doc, _table_names)

    for k in text.where(_MARK_HINT):
        b = text.items[k]
        ctx.checked()
        for start, printed, name in catalog_slips(b.text, own):
            if _split_at_break(text.texts[k - 1] if k else "", b.text[:start], printed, name):
                continue
            yield text_finding("wording.misspelt_class_name",
                               f"“{printed}”不是支出功能分类科目名称，疑为“{name}”之误 — a class name misprinted",
                               b, start, start + len(printed))
    # a name cited with its code ("科技成果转化扩散（2060404）"): the code names the class, so a name one
    # character off that class's own is a slip
    year = doc.meta.year
    cat = load_catalog()
    for b, m in cited_codes(doc, ctx):
        entry = cat.function_code(m.group("code"), year)
        if entry is None:
            continue
        ctx.checked()
        name = m.group("name")
        known = cat.known_names(entry)
        if any(name.endswith(k) for k in known):
            continue
        slip = next(((i, k) for k in known for i in range(len(name) - len(k) + 2) if _one_slip(k, name[i:])), None)
        if slip is not None:
            at = m.start("name") + slip[0]
            yield text_finding("wording.misspelt_class_name",
                               f"“{name[slip[0]:]}（{m.group('code')}）”：{m.group('code')} 的名称为“{slip[1]}” — a class name misprinted",
                               b, at, m.end())


def _split_at_break(before: str, lead: str, printed: str, name: str) -> bool:
    """Whether a name that opens its text lacks only the characters that close the text before it:
    one name cut by a page break ("…养老支出（款）机" | "关事业单位职业年金缴费支出（项）")."""
    head = name[:len(name) - len(printed)]
    return bool(head) and not lead.strip() and name.endswith(printed) and before.rstrip().endswith(head)


# the digits of a marked level's codes
_LEVEL_DIGITS = {"款": 5, "项": 7}


def _names_by_code(doc: Disclosure) -> dict[str, set[str]]:
    """The names the document's tables print for each 支出功能分类 code (folded, spaces out)."""
    out: dict[str, set[str]] = {}
    for t in doc.tables:
        for r in t.rows:
            code = re.sub(r"\s+", "", r.code or "")
            if r.name and code.isdigit() and len(code) in (5, 7) and code[0] == "2":
                out.setdefault(code, set()).add(nfkc(re.sub(r"\s+", "", r.name)))
    return out


def _same_name(a: str, b: str) -> bool:
    """The same name as printed: ``codes.names.stem`` (spaces, bracket widths, 支出 aside), the
    particle 的 and brackets aside too — never a prefix, as ``names_equivalent`` allows: a name one
    word shorter is another edition's, not a cut cell, when every line prints it so."""
    def bare(x: str) -> str:
        return stem(x).replace("的", "").replace("(", "").replace(")", "")
    return bare(a) == bare(b)


@rule(
    "wording.class_name_vs_table",
    severity="info",
    description="正文标注（款）（项）的科目名称与本文件表中同一科目编码的名称不同（工业和信息产业监管（款）"
    "与表中 21505 工业和信息产业） — a class named in the text otherwise than the document's tables name its code",
)
def class_names_vs_tables(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    cat = load_catalog()
    if cat is None:
        return
    text = passages(doc, ctx)
    by_code = _names_by_code(doc)
    if not by_code:
        return
    for b in text.holding(_MARK_HINT):
        for m in MARKED_NAME_RE.finditer(b.text):
            printed, level = m.group("name"), m.group("level")
            if level not in _LEVEL_DIGITS:
                continue
            entry = cat.code_named(cat.FUNCTION, printed, None)
            if entry is None or len(entry.code) != _LEVEL_DIGITS[level] or entry.code not in by_code:
                continue
            ctx.checked()
            names = by_code[entry.code]
            if len(names) != 1 or any(_same_name(n, printed) for n in names):
                continue
            (table_name,) = names
            yield text_finding(
                "wording.class_name_vs_table",
                f"“{printed}（{level}）”：本文件表中 {entry.code} 印作“{table_name}” — the tables name this class otherwise",
                b, m.start("name"), m.end())
