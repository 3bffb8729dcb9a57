"""Two-sided summary tables: 收支总表 (``summary``) and 财政拨款收支总表 (``fiscal_summary``).

Each printed line holds an income item and an expenditure item side by side; each becomes its
own ``Row`` with ``side`` and ``item`` (see docs/model.md for the items).  行次 columns and
栏次 rows are recognised and never read as amounts.
"""

from __future__ import annotations

import re

from cnbudget.codes.classes import function_class_code
from cnbudget.model import Column, Row, Table
from cnbudget.numbers import parse_amount
from cnbudget.tables.cells import cjk_only, compact, has_cjk, is_ordinal_column
from cnbudget.tables.columns import column_id
from cnbudget.tables.rows import TableLines

# "一、" / "(一)" / "1." — a bare leading 一 is no ordinal ("一般公共预算…")
_ORDINAL_PREFIX = re.compile(r"^[(（][一二三四五六七八九十]+[)）][、.．]?|^[一二三四五六七八九十]+[、.．]|^\d+[、.．]")

# Income-side items, tried in order on the label with its ordinal prefix removed.
_INCOME_ITEMS: tuple[tuple[str, str], ...] = (
    (r"^本年收入合计|^本年收入$|^当年收入(小计|合计)$", "current_total"),
    (r"^收入总计|^总计$|^总$", "grand_total"),
    (r"^收入合计", "收入合计"),
    # the breakdown printed under 上年结余、结转 (深圳): its parts, not further income
    (r"^非财政拨款结余[、和]?结转|^非财政拨款结转[、和]?结余", "carryover.non_fiscal"),
    (r"^财政拨款结余[、和]?结转|^财政拨款结转[、和]?结余", "carryover.fiscal"),
    (r"使用非财政拨款结余|非财政拨款结余", "non_fiscal_surplus"),
    (r"事业基金弥补", "business_fund"),
    (r"实户资金余额", "account_balance"),
    (r"上年结转|年初.*结转|结转结余$|结余、?结转$", "carryover"),
    # 财政拨款 in its local wordings: 本级财政拨款收入 (长沙), 预算拨款 (广州)
    (r"^其中[:：]?财政拨款|^(本级)?财政拨款(收入)?$|^预算拨款(收入)?$", "fiscal"),
    (r"经常收入", "general_budget.regular"),
    (r"非税收入", "general_budget.nontax"),
    (r"清算收入", "general_budget.settlement"),
    (r"基数供给", "general_budget.base"),
    (r"上级转移支付.*政府性基金", "transfer.gov_fund"),
    (r"上级转移支付", "transfer"),
    (r"般公共预算", "general_budget"),
    (r"政府性基金", "gov_fund"),
    (r"国有资本", "state_capital"),
    (r"财政专户", "special_account"),
    (r"事业单位经营收入|^经营收入", "operating"),
    (r"事业收入", "business"),
    (r"上级补助", "superior_subsidy"),
    (r"附属单位", "affiliated"),
    (r"^其他收入$", "other"),
    (r"^其他$", "other_misc"),
)
_EXPENDITURE_ITEMS: tuple[tuple[str, str], ...] = (
    (r"^本年支出合计|^本年支出$|^当年支出(小计|合计)$", "current_total"),
    (r"^支出总计|^总计$|^总$", "grand_total"),
    (r"^支出合计", "支出合计"),
    (r"结余分配", "surplus_distribution"),
    (r"年末.*结转|年终.*结转|结转下年", "carryover_out"),
    # 西安: the mirror of the income side's 上年实户资金余额, money held and not spent this year
    (r"未安排支出的实户资金|实户资金", "account_balance"),
)
_CARRYOVER_PARTS = {"general_budget", "gov_fund", "state_capital"}
_SKIP_RE = re.compile(r"^(栏次|行次|项目|收入|支出|项目行次|金额)$")


def _item(label: str, patterns: tuple[tuple[str, str], ...]) -> str | None:
    for pat, item in patterns:
        if re.search(pat, label):
            return item
    return None


def _label_of(cells: list[str], start: int, stop: int) -> str:
    """The label of one side: its text cells, without 行次 digits or OCR latin noise."""
    parts = []
    for c in cells[start:stop]:
        if parse_amount(c) is not None and not has_cjk(c):
            break
        parts.append(c)
    text = compact("".join(parts))
    text = re.sub(r"\d+$", "", text)
    return text


def _clean_label(label: str) -> str:
    s = re.sub(r"[·•…\.]{2,}", "", label)
    s = _ORDINAL_PREFIX.sub("", s)
    s = re.sub(r"[A-Za-z.·:：\s]+$", "", s)
    return s.strip()


def parse_two_sided(kind: str, title: str, tl: TableLines, source, number: str | None) -> Table:
    width = tl.width
    data = tl.data
    cols = list(range(width))
    label_counts = [sum(1 for ln in data if c < len(ln.cells) and has_cjk(ln.cells[c]) and cjk_only(ln.cells[c])) for c in cols]
    ordinal = [
        is_ordinal_column([ln.cells[c] if c < len(ln.cells) else "" for ln in data])
        or any(w in "".join(compact(h.cells[c]) for h in tl.header if c < len(h.cells)) for w in ("行次",))
        for c in cols
    ]
    # label columns, left to right: 收入 items, 支出 items, and in some layouts further groups
    # (支出用途, 经济分类) which end the expenditure side
    most = max(label_counts, default=0)
    label_cols = [c for c in cols if label_counts[c] >= min(3, most)]
    inc_col, exp_col = (label_cols + [width, width])[:2] if label_cols else (0, width)
    third = label_cols[2] if len(label_cols) > 2 else width
    amount_counts = [
        sum(1 for ln in data if c < len(ln.cells) and parse_amount(ln.cells[c]) is not None) for c in cols
    ]
    inc_amounts = [c for c in range(inc_col + 1, exp_col) if not ordinal[c] and amount_counts[c] > 0]
    exp_amounts = [c for c in range(exp_col + 1, third) if not ordinal[c] and (amount_counts[c] > 0 or _header_label(tl, c))]
    # the expenditure side's amount columns end where no header label and no data stands
    exp_amounts = [c for c in exp_amounts if amount_counts[c] > 0 or column_id([_header_label(tl, c)])]
    further = _further_groups(label_cols[2:], width, ordinal, amount_counts)
    uncertain_extra = ["第三栏（支出用途）未读取"] if third < width and not further else []
    exp_ids = _expenditure_ids(kind, tl, exp_amounts)
    inc_value_col = inc_amounts[0] if inc_amounts else None
    exp_stop = (exp_amounts or [width])[0]
    numbered_classes = exp_col < width and _numbers_its_classes(
        [_label_of(ln.cells + [""] * (width - len(ln.cells)), exp_col, exp_stop) for ln in data])

    rows: list[Row] = []
    mode = {"income": "current", "expenditure": "current"}
    seen: dict[str, set[str]] = {"income": set(), "expenditure": set()}
    for ln in data:
        cells = ln.cells + [""] * (width - len(ln.cells))
        first_inc = inc_value_col if inc_value_col is not None else exp_col
        inc_label = _clean_label(_label_of(cells, inc_col, first_inc))
        exp_raw = _label_of(cells, exp_col, exp_stop) if exp_col < width else ""
        exp_label = _clean_label(exp_raw)
        if inc_label and not _SKIP_RE.match(inc_label):
            item = _item(inc_label, _INCOME_ITEMS)
            if item not in ("fiscal", None) and re.match(r"^其中", inc_label):
                # "其中：纳入财政专户管理的收费" is inside the line above it, not a source of its own
                item = "sub." + item
            if item == "收入合计":
                item = "grand_total" if "current_total" in seen["income"] else "current_total"
            part = next((p for p, w in (("general_budget", "般公共预算"), ("gov_fund", "政府性基金"),
                                        ("state_capital", "国有资本")) if w in inc_label), None)
            if item == "carryover" and part:
                item = f"carryover.{part}"  # "一般公共预算拨款结余、结转": a part of 上年结转
            elif item == "carryover":
                mode["income"] = "carryover"
            elif item in ("current_total", "grand_total"):
                mode["income"] = "current"
            elif item in _CARRYOVER_PARTS and mode["income"] == "carryover":
                item = f"carryover.{item}"
            values = {}
            if inc_value_col is not None:
                v = parse_amount(cells[inc_value_col])
                if v is not None:
                    values["total"] = v
            if item or values:
                seen["income"].add(item or "")
                rows.append(Row(code=None, name=inc_label, values=values, source=ln.source, side="income", item=item))
        if exp_label and not _SKIP_RE.match(exp_label):
            item = _item(exp_label, _EXPENDITURE_ITEMS)
            code = None
            if item is None and (not numbered_classes or _ORDINAL_PREFIX.match(exp_raw)):
                # where the classes are numbered (一、…), an unnumbered line is a 款 or 项 under the
                # class above, even when its name is a class's name ("其他支出", "住房保障")
                code = function_class_code(exp_label)
                item = code
            if item is None and "计" in exp_label and rows and rows[-1].source == ln.source and rows[-1].item == "grand_total":
                item = "grand_total"  # "总 计" garbled on the expenditure side of the 总计 line
            if item == "支出合计":
                item = "grand_total" if "current_total" in seen["expenditure"] else "current_total"
            values = {}
            for c, cid in zip(exp_amounts, exp_ids, strict=True):
                v = parse_amount(cells[c])
                if v is not None:
                    values[cid] = v
            if not values and third < width and item in ("current_total", "grand_total", "carryover_out"):
                # a total line printed across both expenditure groups: its figure stands at the right
                tail = [parse_amount(c) for c in cells[third:] if parse_amount(c) is not None]
                if tail:
                    values["total"] = tail[-1]
            if item or values:
                seen["expenditure"].add(item or "")
                rows.append(
                    Row(code=code, name=exp_label, values=values, source=ln.source, side="expenditure", item=item)
                )
        rows.extend(_further_rows(cells, further, ln.source))
    columns = [Column(id="total", label="金额")] + [
        Column(id=cid, label=_header_label(tl, c) or cid) for c, cid in zip(exp_amounts, exp_ids, strict=True) if cid != "total"
    ]
    uncertain = ([] if inc_value_col is not None else ["收入栏金额列未能确定"]) + uncertain_extra
    return Table(
        kind=kind,
        title=title,
        unit=tl.unit,
        columns=tuple(columns),
        rows=tuple(rows),
        source=source,
        number=number,
        header=tuple(tuple(h.cells) for h in tl.header),
        uncertain=tuple(uncertain),
    )


def _numbers_its_classes(labels: list[str]) -> bool:
    """Whether the expenditure side prints its classes numbered (一、一般公共服务支出 …) — then
    the lines in between, printed without a number, are the 款 and 项 of the class above."""
    numbered = sum(1 for raw in labels if _ORDINAL_PREFIX.match(raw) and function_class_code(_clean_label(raw)))
    return numbered >= 2


def _further_groups(
    label_cols: list[int], width: int, ordinal: list[bool], amount_counts: list[int]
) -> list[tuple[int, int]]:
    """The (label column, amount column) of each expenditure group printed right of the second
    one: 西安 prints the year's spending again by 部门经济分类 and by 政府经济分类, each a label
    column followed by its 预算数."""
    groups = []
    for k, lc in enumerate(label_cols):
        stop = label_cols[k + 1] if k + 1 < len(label_cols) else width
        amounts = [c for c in range(lc + 1, stop) if not ordinal[c] and amount_counts[c] > 0]
        if amounts:
            groups.append((lc, amounts[0]))
    return groups


def _further_rows(cells: list[str], groups: list[tuple[int, int]], source) -> list[Row]:
    """One line's rows of the further expenditure groups.  Their lines carry no item: they
    break the same spending down another way, so no sum of the side may take them as parts;
    the total lines (本年支出合计, 结转下年, 支出总计) repeat the second group's and are skipped."""
    rows = []
    for label_col, amount_col in groups:
        label = _clean_label(_label_of(cells, label_col, amount_col))
        if not label or _SKIP_RE.match(label) or _item(label, _EXPENDITURE_ITEMS):
            continue
        value = parse_amount(cells[amount_col])
        values = {"total": value} if value is not None else {}
        rows.append(Row(code=None, name=label, values=values, source=source, side="expenditure", item=None))
    return rows


def _header_label(tl: TableLines, c: int) -> str:
    return "/".join(compact(h.cells[c]) for h in tl.header if c < len(h.cells) and compact(h.cells[c]))


_STANDARD_EXP = {
    4: ["total", "general_budget", "gov_fund", "state_capital"],
    5: ["total", "general_budget", "fiscal", "gov_fund", "state_capital"],
}


def _without_lone_group(ids: list[str | None]) -> list[str | None]:
    """A "预算数" (or "决算数") group over the whole expenditure side names no second group:
    预算数/合计 is the side's ``total``, 预算数/人员经费 its ``personnel``."""
    for prefix, other in (("budget.", "actual."), ("actual.", "budget.")):
        if any(i and i.startswith(prefix) for i in ids) and not any(i and i.startswith(other) for i in ids):
            return [i[len(prefix):] if i and i.startswith(prefix) else i for i in ids]
    return ids


def _expenditure_ids(kind: str, tl: TableLines, cols: list[int]) -> list[str]:
    if len(cols) <= 1:
        return ["total"] * len(cols)
    ids: list[str | None] = []
    for c in cols:
        path = [compact(h.cells[c]) for h in tl.header if c < len(h.cells) and compact(h.cells[c])]
        cid = column_id(path) if path else None
        if cid in ("current_total",):
            cid = "total"
        ids.append(cid)
    ids = _without_lone_group(ids)
    standard = _STANDARD_EXP.get(len(cols))
    if standard and (None in ids or len(set(ids)) < len(ids)):
        return standard
    out: list[str] = []
    for k, cid in enumerate(ids):
        out.append(cid if cid and cid not in out else f"c{cols[k] + 1}")
    return out


