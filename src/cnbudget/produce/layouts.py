"""The standard budget tables as printed: title, header tree (merged cells), key columns, notes.

A header is a tree of ``Col``: a leaf is either an amount column (``id``, a column id of
DESIGN.md's vocabulary; ``in.`` / ``out.`` prefixed on the two sides of a summary table) or a
key cell (``key``): ``code1`` / ``code2`` / ``code3`` (类 / 款 / 项 digits of a function code),
``code`` (the whole code), ``name``, ``gov_code`` / ``gov_name`` (government economic
classification), ``text:<label>`` (a ``Row.texts`` entry), ``in.name`` / ``out.name`` (the
item label of a summary side).  Every renderer draws the same tree, so the txt, Markdown,
HTML, DOCX and XLSX outputs carry the same cells.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Col:
    label: str
    id: str | None = None
    key: str | None = None
    children: tuple[Col, ...] = ()

    def leaves(self) -> list[Col]:
        if not self.children:
            return [self]
        out: list[Col] = []
        for c in self.children:
            out.extend(c.leaves())
        return out

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


@dataclass(frozen=True)
class Layout:
    """How one table kind is printed.  ``title`` is prefixed by "YYYY年" when printed."""

    kind: str
    title: str
    columns: tuple[Col, ...]
    two_sided: bool = False
    empty_note: str | None = None  # printed under the table when it has no amount at all
    notes: tuple[str, ...] = ()

    def leaves(self) -> list[Col]:
        out: list[Col] = []
        for c in self.columns:
            out.extend(c.leaves())
        return out

    def amount_ids(self) -> list[str]:
        """Column ids of the model table (side prefixes removed, first occurrence kept)."""
        seen: list[str] = []
        for leaf in self.leaves():
            if leaf.id is None:
                continue
            cid = leaf.id.split(".", 1)[1] if leaf.id.startswith(("in.", "out.")) else leaf.id
            if cid not in seen:
                seen.append(cid)
        return seen

    def labels(self) -> dict[str, str]:
        """Column id → printed header path ("基本支出/人员经费/工资福利支出")."""
        out: dict[str, str] = {}

        def walk(cols: tuple[Col, ...], path: list[str]) -> None:
            for c in cols:
                p = [*path, c.label]
                if c.children:
                    walk(c.children, p)
                elif c.id is not None:
                    cid = c.id.split(".", 1)[1] if c.id.startswith(("in.", "out.")) else c.id
                    shown = p[1:] if c.id.startswith(("in.", "out.")) else p
                    out.setdefault(cid, "/".join(shown))

        walk(self.columns, [])
        return out


def C(label: str, id: str | None = None, *children: Col, key: str | None = None) -> Col:  # noqa: N802
    return Col(label=label, id=id, key=key, children=tuple(children))


_CODE3 = C("科目编码", None, C("类", key="code1"), C("款", key="code2"), C("项", key="code3"))

_FUNCTION_EXPENDITURE = (
    _CODE3,
    C("科目名称", key="name"),
    C("合计", "total"),
    C("基本支出", None,
      C("小计", "basic"),
      C("人员经费", None, C("工资福利支出", "wages"), C("对个人和家庭的补助", "household")),
      C("公用经费", None, C("商品和服务支出", "goods_services"), C("资本性支出", "capital"))),
    C("项目支出", None, C("小计", "project"), C("其他运转类", "project_operating"),
      C("特定目标类", "project_specific")),
)

_CLASS_TOTALS = ("current_total", "carryover", "carryover_out", "grand_total", "non_fiscal_surplus",
                 "surplus_distribution")

BUDGET_LAYOUTS: dict[str, Layout] = {
    "summary": Layout(
        "summary", "部门收支预算表",
        (C("收入", None, C("项目", key="in.name"), C("金额", "in.total")),
         C("支出", None, C("项目", key="out.name"), C("金额", "out.total"))),
        two_sided=True,
    ),
    "income": Layout(
        "income", "部门收入预算表",
        (C("单位代码", key="code"), C("单位名称", key="name"), C("总计", "total"),
         C("本年收入", None,
           C("合计", "current_total"),
           C("一般公共预算", None, C("小计", "general_budget"), C("其中：财政拨款", "fiscal")),
           C("政府性基金", "gov_fund"), C("国有资本经营预算", "state_capital"),
           C("财政专户管理资金收入", "special_account"), C("事业收入", "business"),
           C("事业单位经营收入", "operating"), C("上级补助收入", "superior_subsidy"),
           C("附属单位上缴收入", "affiliated"), C("其他收入", "other")),
         C("上年结转结余", None,
           C("合计", "carryover"), C("一般公共预算", "carryover.general_budget"),
           C("政府性基金", "carryover.gov_fund"), C("国有资本经营预算", "carryover.state_capital"),
           C("财政专户管理资金", "carryover.special_account"), C("单位资金", "carryover.unit_funds"))),
    ),
    "expenditure": Layout("expenditure", "部门支出预算表", _FUNCTION_EXPENDITURE),
    "fiscal_summary": Layout(
        "fiscal_summary", "财政拨款收支预算表",
        (C("收入", None, C("项目", key="in.name"), C("金额", "in.total")),
         C("支出", None, C("项目", key="out.name"), C("合计", "out.total"),
           C("一般公共预算", None, C("小计", "out.general_budget"), C("其中：财政拨款", "out.fiscal")),
           C("政府性基金", "out.gov_fund"), C("国有资本经营预算", "out.state_capital"))),
        two_sided=True,
    ),
    "general_expenditure": Layout("general_expenditure", "一般公共预算支出预算表", _FUNCTION_EXPENDITURE),
    "basic_expenditure": Layout(
        "basic_expenditure", "一般公共预算基本支出表",
        (C("部门预算支出经济分类科目", None, C("科目编码", key="code"), C("科目名称", key="name")),
         C("政府预算支出经济分类科目", None, C("科目编码", key="gov_code"), C("科目名称", key="gov_name")),
         C("合计", "total"), C("人员经费", "personnel"), C("公用经费", "public")),
    ),
    "three_public": Layout(
        "three_public", "一般公共预算“三公”经费预算表",
        (C("合计", "total"), C("因公出国（境）费", "abroad"),
         C("公务用车购置及运行费", None, C("小计", "vehicle"), C("公务用车购置费", "vehicle_purchase"),
           C("公务用车运行维护费", "vehicle_operation")),
         C("公务接待费", "reception")),
        notes=("注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。",),
    ),
    "gov_fund": Layout(
        "gov_fund", "政府性基金预算支出表", _FUNCTION_EXPENDITURE,
        empty_note="说明：本部门{year}年没有使用政府性基金预算拨款安排的支出，故本表无数据。",
    ),
    "state_capital": Layout(
        "state_capital", "国有资本经营预算支出表", _FUNCTION_EXPENDITURE,
        empty_note="说明：本部门{year}年没有使用国有资本经营预算拨款安排的支出，故本表无数据。",
    ),
    "projects": Layout(
        "projects", "项目支出预算表",
        (C("项目类型", key="text:项目类型"), C("项目名称", key="name"), C("项目单位", key="text:项目单位"),
         C("合计", "total"),
         C("本年拨款", None, C("一般公共预算", "general_budget"), C("政府性基金预算", "gov_fund"),
           C("国有资本经营预算", "state_capital")),
         C("财政专户管理资金", "special_account"), C("单位资金", "unit_funds")),
        empty_note="说明：本部门{year}年没有安排项目支出，故本表无数据。",
    ),
    "procurement": Layout(
        "procurement", "政府采购预算表",
        (C("项目名称", key="text:项目名称"), C("采购品目", key="name"), C("采购类别", key="text:采购类别"),
         C("合计", "total"), C("一般公共预算", "general_budget"), C("政府性基金预算", "gov_fund"),
         C("国有资本经营预算", "state_capital"), C("财政专户管理资金", "special_account"),
         C("单位资金", "unit_funds")),
        empty_note="说明：本部门{year}年没有安排政府采购预算，故本表无数据。",
    ),
}

# The tables a budget disclosure must carry, in the order they are printed.
BUDGET_ORDER: tuple[str, ...] = (
    "summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
    "three_public", "gov_fund", "state_capital", "projects", "procurement",
)

SUMMARY_BOTTOM_ITEMS = frozenset(_CLASS_TOTALS)


def layout_for(kind: str, doc_kind: str | None = "budget") -> Layout | None:
    """The standard layout of a table kind (budget documents), or ``None``."""
    if doc_kind not in (None, "budget"):
        return None
    return BUDGET_LAYOUTS.get(kind)
