"""Document meta: department, region, year, budget or final account, 本级 or 汇总, unit, title.

The title (the first lines of the document, up to the one that says 预算 or 决算) says most of
it: "2024年度安阳市医疗保障局（本级）预算公开", "濮阳市医疗保障局 / 2024 年度部门汇总预算",
"安阳市医疗保障局(部门) 2021 年度部门决算".  The "部门：…" / "编制部门：…" / "部门名称：…" lines
above each table confirm the department (OCR garbles some of them, so they are voted on), and
the 单位构成 paragraph tells 本级 from 汇总 when the title does not.  A publication date
("2024 年 3 月") or a mention of another year ("2023年末") never sets the year.
"""

from __future__ import annotations

import re
from collections import Counter

from cnbudget.document import Document, Grid, Paragraph
from cnbudget.model import Meta, Table
from cnbudget.narrative.patterns import fold

# The budget year in a title: "2024年度", "2024 年", but not "2024 年 3 月".
TITLE_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")
# "部门：安阳市医疗保障局", "编制部门:…", "部门名称：…", "部门(单位)名称 …", "预算部门(单位)名称 …";
# a 单位预算's own "预算单位：…" / "编制单位：…" / "单位名称：…" (always with its colon: a bare
# 单位名称 is a column header).
DEPARTMENT_LINE_RE = re.compile(
    r"(?:(?:预算部门|部门)(?:\(单位\))?名称\s*[:：]?|(?:编制部门|部门)\s*[:：]|(?:编制|预算)单位\s*[:：]"
    r"|单位名称\s*[:：])\s*"
    r"(?:部门名称\s*[:：]\s*)?(?P<name>[\u4e00-\u9fff()（）]{3,40})"
)
# 本级 / 汇总 markers beside a department name or in the title.
UNIT_SCOPE_RE = re.compile(r"本级")
CONSOLIDATED_SCOPE_RE = re.compile(r"汇总|\(部门\)|（部门）")
# "纳入…编制范围的(预算)单位共 3 个", "单位共 2 个".
UNIT_COUNT_RE = re.compile(r"单位共\s*(\d+)\s*个")
# "单位构成包括：攸县医疗保障局本级。"
COMPOSITION_RE = re.compile(r"构成包括\s*[:：]?\s*(?P<list>[^。]*)")
# "单位：万元", "金额单位：万元", "单位:元".
UNIT_LINE_RE = re.compile(r"单位\s*[:：・·]?\s*(?P<unit>万元|元)")
# A place name at the start of a department name: 省/市/县/区 …, chained ("湖南省株洲市攸县").
REGION_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,6}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗))"
    r"(?:[\u4e00-\u9fff]{2,6}?(?:自治州|自治县|自治旗|地区|市|州|盟|县|区|旗))*"
)
# Words that end a department name inside a title.
TITLE_NAME_END_RE = re.compile(r"[\s(（]|(?:19|20)\d\d|部门|单位|预算|决算|年度")
# The last character of an organisation's name.
ORG_SUFFIX_RE = re.compile(r"(局|委员会|委|厅|办公室|办|院|中心|部|处|所|馆|会|站|队|校|府|室|社|团|司|署|行|场|园)$")

TITLE_MAX_LINES = 3
TITLE_MAX_CHARS = 60


def extract_meta(doc: Document, tables: list[Table]) -> Meta:
    """Read ``Meta`` from the title and the paragraphs (``tables`` may be empty)."""
    paras = [fold(b.text).strip() for b in doc.blocks if isinstance(b, Paragraph)]
    title = _title(paras)
    squashed_title = re.sub(r"\s+", "", title or "")
    department = _department(doc, squashed_title)
    return Meta(
        department=department,
        region=_region(department),
        year=_year(squashed_title, paras),
        kind=_kind(squashed_title, paras),
        scope=_scope(squashed_title, doc, paras, tables),
        unit=_unit(doc, tables),
        title=title,
    )


def _title(paras: list[str]) -> str | None:
    """The first lines, joined up to the one naming 预算 or 决算 (at most three short lines)."""
    lines: list[str] = []
    for p in paras[:TITLE_MAX_LINES]:
        if len(p) > TITLE_MAX_CHARS or re.match(r"^目\s*录$", p):
            break
        lines.append(p)
        if re.search(r"预算|决算", p):
            return " ".join(lines)
    return paras[0] if paras else None


def _year(title: str, paras: list[str]) -> int | None:
    if (m := TITLE_YEAR_RE.search(title)) is not None:
        return int(m.group(1))
    # No year in the title: the year the 情况说明 headings speak of ("2024年度部门预算情况说明").
    votes: Counter[int] = Counter()
    for p in paras:
        s = re.sub(r"\s+", "", p)
        if len(s) <= TITLE_MAX_CHARS and re.search(r"预算|决算", s):
            for y in TITLE_YEAR_RE.findall(s):
                votes[int(y)] += 1
    return votes.most_common(1)[0][0] if votes else None


def _kind(title: str, paras: list[str]) -> str | None:
    if "决算" in title:
        return "final"
    if "预算" in title or "绩效目标" in title:
        return "budget"  # targets are set with the budget ("2026年项目支出绩效目标表"); a 决算 reports 自评
    final = sum(p.count("决算") for p in paras)
    budget = sum(p.count("预算") for p in paras)
    if not final and not budget:
        return None
    # Final accounts speak of 预算 too (年初预算); 决算 at all, often, means a final account.
    return "final" if final * 3 >= budget else "budget"


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", "", name)
    name = re.sub(r"[(（](本级|汇总|部门|单位)[)）]$", "", name)
    name = re.sub(r"(本级|汇总)$", "", name)
    return name.strip("()（）")


def _department_lines(doc: Document, *, raw: bool = False) -> list[str]:
    """Department names printed on "部门：…" lines (paragraphs and grid cells); ``raw`` keeps
    the "(本级)" / "(汇总)" marks."""
    texts: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            texts.append(b.text)
        elif isinstance(b, Grid):
            for row in b.rows[:3]:
                texts.append(" ".join(c for c in row if c))
    names: list[str] = []
    for t in texts:
        t = fold(t)
        for m in DEPARTMENT_LINE_RE.finditer(t):
            name = re.split(r"单位|金额", m.group("name"))[0]
            name = name if raw else _clean_name(name)
            if len(name) >= 3:
                names.append(name)
    return names


def _department(doc: Document, title: str) -> str | None:
    # "第一部分 2026年度部门预算情况说明" (北京): a part's number names no department
    title = re.sub(r"^第[一二三四五六七八九十]+部分", "", title)
    from_title = _clean_name(TITLE_NAME_END_RE.split(re.sub(r"^((?:19|20)\d\d年度?)", "", title), maxsplit=1)[0])
    names = _department_lines(doc)
    if from_title and ORG_SUFFIX_RE.search(from_title):
        return from_title
    for name in names:
        if name in title:
            return name
    if names:
        return Counter(names).most_common(1)[0][0]
    return from_title or _named_by_its_duties(doc)


# "北京市审计局贯彻落实…", "北京市人民政府办公厅主要职责包括：": the department named where the
# 情况说明 states its duties.
DUTIES_RE = re.compile(
    r"^(?:[(（][一二三四五六七八九十]+[)）])?(?P<name>[\u4e00-\u9fff（）()]{2,30}?"
    r"(?:局|委员会|委|厅|办公室|办|院|中心|部|处|所|馆|会|站|队|校|府|室|社|团|司|署))"
    r"(?:的?主要职责|的?职责|贯彻|负责|是(?!否))"
)


def _named_by_its_duties(doc: Document) -> str | None:
    for b in doc.blocks[:60]:
        if isinstance(b, Paragraph) and (m := DUTIES_RE.match(fold(b.text).strip())):
            return _clean_name(m.group("name"))
    return None


def _region(department: str | None) -> str | None:
    if not department:
        return None
    m = REGION_RE.match(department)
    if not m:
        return None
    end = m.end()
    # "宿州" + "市": a 州 that is part of a city's name.  A region already ended by 市/县/区 is
    # whole: the 市 of "北京市市场监督管理局" opens the organ's name (市场).
    while end < len(department) and department[end] in "市县区" and department[end - 1] not in "市县区":
        end += 1
    return department[:end] if end < len(department) else None


def _scope(title: str, doc: Document, paras: list[str], tables: list[Table]) -> str | None:
    if CONSOLIDATED_SCOPE_RE.search(title):
        return "consolidated"
    if UNIT_SCOPE_RE.search(title):
        return "unit"
    for p in paras:
        if (m := UNIT_COUNT_RE.search(p)) is not None:
            return "consolidated" if int(m.group(1)) > 1 else "unit"
    for p in paras:
        if (m := COMPOSITION_RE.search(p)) is not None:
            parts = [x for x in re.split(r"[、,，;；和及]", m.group("list")) if x.strip()]
            if len(parts) > 1:
                return "consolidated"
            if parts and "本级" in parts[0]:
                return "unit"
    marks = Counter(
        "consolidated" if "汇总" in name else "unit"
        for name in _department_lines(doc, raw=True)
        if "汇总" in name or "本级" in name
    )
    if marks:
        return marks.most_common(1)[0][0]
    units = {r.code for t in tables for r in t.rows if r.item == "unit" and r.code and len(r.code) > 3}
    if len(units) > 1:
        return "consolidated"
    if len(units) == 1:
        return "unit"
    return None


def _unit(doc: Document, tables: list[Table]) -> str | None:
    votes: Counter[str] = Counter(t.unit for t in tables if t.unit)
    if votes:
        return votes.most_common(1)[0][0]
    for b in doc.blocks:
        texts = [b.text] if isinstance(b, Paragraph) else [c for row in b.rows[:3] for c in row]
        for t in texts:
            if (m := UNIT_LINE_RE.search(fold(t))) is not None:
                return m.group("unit")
    return None
