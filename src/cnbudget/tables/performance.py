"""Performance tables (绩效目标表, 绩效自评表, 评价基础数据表): mostly text, with a few figures.

These forms repeat small header lines inside the table ("年初预算数 全年预算数 全年执行数 分值
执行率 得分", "一级指标 … 分值 得分"), each governing the lines below it.  Every line is kept
(its cells in ``texts``, keyed by the governing header's labels) and the cells under an amount
label become values: ``initial_budget``, ``final_budget``, ``executed``, ``execution_rate``,
``weight``, ``score``.  A "总分" line is ``item="total_score"``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.model import Column, Row, Table
from cnbudget.numbers import parse_amount
from cnbudget.tables.cells import compact, has_cjk
from cnbudget.tables.rows import TableLines

_VALUE_LABELS: tuple[tuple[str, str], ...] = (
    (r"^年初预算(数)?", "initial_budget"),
    (r"^全年预算(数)?", "final_budget"),
    (r"全年执行数|实际执行数|^实际支出|^决算数", "executed"),
    (r"^执行率", "execution_rate"),
    (r"^分值$", "weight"),
    (r"^得分$", "score"),
    (r"^资金总额|^部门预算总额|^项目金额|^预算数|^预算金额|^金额$", "total"),
    (r"^政府预算资金", "gov_budget_funds"),
    (r"^财政专户管理资金", "special_account"),
    (r"^单位资金", "unit_funds"),
)

# "label | figure" lines of the 预算情况 / 项目资金 block: label pattern → id.  Ids beyond
# DESIGN's list: ``gov_budget_funds`` (政府预算资金: 一般公共预算 + 政府性基金 + 国有资本经营).
_LABELLED_FIGURES: tuple[tuple[str, str], ...] = (
    (r"(部门)?预算总额|年度(预算)?资金总额|^(预算)?资金总额", "total"),
    (r"政府预算资金", "gov_budget_funds"),
    (r"财政专户管理资金", "special_account"),
    (r"^\(?\d?\)?单位资金$|^\(3\)单位资金$", "unit_funds"),
    (r"基本支出$", "basic"),
    (r"项目支出$", "project"),
    (r"^其中[:：]?(当年)?财政拨款$", "fiscal"),
    (r"^上年结转(资金)?$", "carryover"),
    (r"^其他资金$", "other"),
)
_HEADER_HINT = re.compile(r"指标|分值|得分|预算数|执行数|执行率|指标值|完成值")
# An indicator's class, printed at the head of each of its lines ("绩效指标 | 产出指标 | 时效指标
# | 完成时间 | 2026年9月30日前", 烟台): data, not a header line of 一级指标 / 二级指标 / 指标值.
_INDICATOR_CLASS = re.compile(
    r"^(?:绩效|产出|效益|满意度|成本|数量|质量|时效|社会效益|经济效益|生态效益|可持续影响|服务对象满意度|"
    r"经济成本|社会成本|生态环境成本)指标$"
)


def _value_id(label: str) -> str | None:
    for pat, vid in _VALUE_LABELS:
        if re.search(pat, label):
            return vid
    return None


def parse_performance(kind: str, title: str, tl: TableLines, source, number: str | None) -> Table:
    mapping: dict[int, str] = {}
    labels: dict[int, str] = {}
    for h in tl.header:
        _absorb_header(h.cells, mapping, labels)
    rows: list[Row] = []
    seen_ids: list[str] = []
    printed: dict[str, str] = {}  # id → the header label it was read under
    for ln in tl.data:
        cells = ln.cells
        hint_cells = [c for c in cells if c and _HEADER_HINT.search(lab := compact(c))
                      and not _INDICATOR_CLASS.match(lab)]
        numeric = [c for c in cells if c and parse_amount(c.rstrip("%")) is not None]
        if len(hint_cells) >= 2 and not numeric:
            mapping, labels = {}, {}
            _absorb_header(cells, mapping, labels)
            continue
        texts = {labels.get(i, f"c{i + 1}"): c for i, c in enumerate(cells) if c}
        values: dict[str, Decimal] = {}
        ids = set(mapping.values())
        if {"weight", "score"} <= ids and not ids & {"initial_budget", "final_budget", "executed"}:
            values = _weight_and_score(cells, mapping)
            for vid in values:
                if vid not in seen_ids:
                    seen_ids.append(vid)
            mapping_items: list[tuple[int, str]] = []
        else:
            mapping_items = list(mapping.items())
        for i, vid in mapping_items:
            if i < len(cells):
                v = parse_amount(cells[i].rstrip("%").strip())
                if v is not None:
                    values[vid] = v
                    if vid not in seen_ids:
                        seen_ids.append(vid)
                        printed.setdefault(vid, labels.get(i, vid))
        if not values:
            values = _labelled_figures(cells)
            for vid in values:
                if vid not in seen_ids:
                    seen_ids.append(vid)
        # a list of projects (单位 | 项目名称 | 预算数 | 绩效目标): the row is the project's
        project_col = next((i for i, lab in labels.items() if "项目名称" in lab), None)
        named = cells[project_col] if project_col is not None and project_col < len(cells) else ""
        name = named or next((c for c in cells if c and has_cjk(c)), None)
        item = "total_score" if name and compact(name) in ("总分", "合计", "总计") else None
        if project_col is not None and name is None and values and not any(has_cjk(c) for c in cells):
            item = "total"  # a list of projects whose 合计 line carries its figure alone (湖州)
        if not texts:
            continue
        if project_col is not None and not named and not values and not numeric and rows:
            # the rest of a long 绩效目标 carried onto the next page or line
            rows[-1] = rows[-1].carried_on(texts, ln.source)
            continue
        rows.append(Row(code=_unit_code(cells, labels), name=name, values=values, source=ln.source, item=item,
                        texts=texts))
    return Table(
        kind=kind,
        title=title,
        unit=tl.unit,
        columns=tuple(Column(id=i, label=printed.get(i, i)) for i in seen_ids),
        rows=tuple(rows),
        source=source,
        number=number,
        header=tuple(tuple(h.cells) for h in tl.header),
    )


_UNIT_CODE_LABEL = re.compile(r"^单位(编码|代码)$")


def _unit_code(cells: list[str], labels: dict[int, str]) -> str | None:
    """The 单位编码 a line of a per-unit form prints under its header (长沙 整体绩效目标表)."""
    col = next((i for i, lab in labels.items() if _UNIT_CODE_LABEL.match(lab)), None)
    cell = compact(cells[col]) if col is not None and col < len(cells) else ""
    return cell if re.fullmatch(r"\d{3,}", cell) else None


def _labelled_figures(cells: list[str]) -> dict[str, Decimal]:
    """"部门预算总额(万元) | 644.06", "(2)项目支出 | 79": a known label, then its figure."""
    out: dict[str, Decimal] = {}
    for i, c in enumerate(cells):
        lab = re.sub(r"[（(]万元[)）]|[:：]$", "", compact(c))
        lab = re.sub(r"^\d、(资金来源|资金结构)[:：]", "", lab)
        lab = re.sub(r"^[(（]\d[)）]", "", lab)
        vid = next((v for pat, v in _LABELLED_FIGURES if re.search(pat, lab)), None)
        if vid is None or vid in out:
            continue
        for d in cells[i + 1 :]:
            if not d:
                continue
            v = parse_amount(d)
            if v is not None:
                out[vid] = v
            break
    return out


def _num(cell: str) -> Decimal | None:
    return parse_amount(cell.rstrip("%").strip()) if cell else None


def _weight_and_score(cells: list[str], mapping: dict[int, str]) -> dict[str, Decimal]:
    """分值 and 得分 of an indicator line: under their header cells where the line has them
    there (PDF, Office), else its last two figures — text extraction drops the merged cells on
    the left, and a 偏差原因 remark may follow."""
    at = {vid: i for i, vid in mapping.items()}
    w, sc = (_num(cells[at[v]]) if at[v] < len(cells) else None for v in ("weight", "score"))
    if w is not None and sc is not None:
        return {"weight": w, "score": sc}
    filled = [c for c in cells if c]
    for tail in (filled[-2:], filled[-3:-1]):
        nums = [_num(c) for c in tail]
        if len(nums) == 2 and None not in nums:
            return {"weight": nums[0], "score": nums[1]}  # type: ignore[dict-item]
    return {}


def _absorb_header(cells: list[str], mapping: dict[int, str], labels: dict[int, str]) -> None:
    for i, c in enumerate(cells):
        lab = compact(c)
        if not lab:
            continue
        labels[i] = lab
        vid = _value_id(lab)
        if vid:
            mapping[i] = vid
