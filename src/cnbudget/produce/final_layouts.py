"""The nine standard final-account tables (部门决算公开01–09表) as printed.

Each is a ``FinalLayout``: the budget ``Layout`` (title, header tree, notes) plus what the
official final-account forms add — the form number (``公开01表``), a 栏次 row numbering the
amount columns under the header, and, on the two summary tables, a 行次 column numbering the
lines (key ``in.line`` / ``out.line``).  The basic-expenditure table (公开06表) is printed in
three side-by-side column groups of (科目编码, 科目名称, 决算数) — 人员经费 on the left,
公用经费 in the middle and on the right — with 人员经费合计 / 公用经费合计 on its last line;
``ECONOMIC_GROUPS`` lists the standard items of each group.

The layouts are those of the published forms the parser reads (docs/model.md), so a rendered
final account reads back into the same column ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnbudget.codes.classes import FUNCTION_CLASSES
from cnbudget.produce.layouts import C, Col, Layout


@dataclass(frozen=True)
class FinalLayout(Layout):
    """A final-account table: ``number`` (公开01表), ``column_numbers`` (print the 栏次 row),
    ``three_groups`` (the 公开06表 layout: economic items in three column groups)."""

    number: str = ""
    column_numbers: bool = True
    three_groups: bool = False


_CODE = C("功能分类科目编码", key="code")
_NAME = C("科目名称", key="name")
_ITEM = C("项目", None, _CODE, _NAME)
_SUBJECT = C("项目", None, C("科目代码", key="code"), _NAME)


def _three_public_group(label: str, prefix: str) -> Col:
    return C(label, None,
             C("合计", f"{prefix}.total"),
             C("因公出国（境）费", f"{prefix}.abroad"),
             C("公务用车购置及运行维护费", None,
               C("小计", f"{prefix}.vehicle"),
               C("公务用车购置费", f"{prefix}.vehicle_purchase"),
               C("公务用车运行维护费", f"{prefix}.vehicle_operation")),
             C("公务接待费", f"{prefix}.reception"))


_ECON_GROUP = (C("科目编码", key="code"), C("科目名称", key="name"), C("决算数", "total"))

FINAL_LAYOUTS: dict[str, FinalLayout] = {
    "summary": FinalLayout(
        "summary", "收入支出决算总表",
        (C("收入", None, C("项目", key="in.name"), C("行次", key="in.line"), C("金额", "in.total")),
         C("支出", None, C("项目", key="out.name"), C("行次", key="out.line"), C("金额", "out.total"))),
        two_sided=True, number="公开01表",
        notes=("注：本表反映部门本年度的总收支和年末结转结余情况。",),
    ),
    "income": FinalLayout(
        "income", "收入决算表",
        (_ITEM, C("本年收入合计", "total"), C("财政拨款收入", "fiscal"), C("上级补助收入", "superior_subsidy"),
         C("事业收入", "business"), C("经营收入", "operating"), C("附属单位上缴收入", "affiliated"),
         C("其他收入", "other")),
        number="公开02表",
        notes=("注：本表反映部门本年度取得的各项收入情况。",),
    ),
    "expenditure": FinalLayout(
        "expenditure", "支出决算表",
        (_ITEM, C("本年支出合计", "total"), C("基本支出", "basic"), C("项目支出", "project"),
         C("上缴上级支出", "remit_superior"), C("经营支出", "operating_expense"),
         C("对附属单位补助支出", "affiliate_subsidy")),
        number="公开03表",
        notes=("注：本表反映部门本年度各项支出情况。",),
    ),
    "fiscal_summary": FinalLayout(
        "fiscal_summary", "财政拨款收入支出决算总表",
        (C("收入", None, C("项目", key="in.name"), C("行次", key="in.line"), C("金额", "in.total")),
         C("支出", None, C("项目", key="out.name"), C("行次", key="out.line"), C("合计", "out.total"),
           C("一般公共预算财政拨款", "out.general_budget"), C("政府性基金预算财政拨款", "out.gov_fund"),
           C("国有资本经营预算财政拨款", "out.state_capital"))),
        two_sided=True, number="公开04表",
        notes=("注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的"
               "总收支和年末结转结余情况。",),
    ),
    "general_expenditure": FinalLayout(
        "general_expenditure", "一般公共预算财政拨款支出决算表",
        (_ITEM, C("本年支出", None, C("小计", "total"), C("基本支出", "basic"), C("项目支出", "project"))),
        number="公开05表",
        notes=("注：本表反映部门本年度一般公共预算财政拨款支出情况。",),
    ),
    "basic_expenditure": FinalLayout(
        "basic_expenditure", "一般公共预算财政拨款基本支出决算表",
        (C("人员经费", None, *_ECON_GROUP), C("公用经费", None, *_ECON_GROUP, *_ECON_GROUP)),
        number="公开06表", column_numbers=False, three_groups=True,
        notes=("注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",),
    ),
    "gov_fund": FinalLayout(
        "gov_fund", "政府性基金预算财政拨款收入支出决算表",
        (_SUBJECT, C("年初结转和结余", "carryover"), C("本年收入", "current_income"),
         C("本年支出", None, C("小计", "total"), C("基本支出", "basic"), C("项目支出", "project")),
         C("年末结转和结余", "carryover_out")),
        number="公开07表",
        notes=("注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",),
        empty_note="说明：本部门{year}年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，"
                   "故本表无数据。",
    ),
    "state_capital": FinalLayout(
        "state_capital", "国有资本经营预算财政拨款支出决算表",
        (_SUBJECT, C("本年支出", None, C("合计", "total"), C("基本支出", "basic"), C("项目支出", "project"))),
        number="公开08表",
        notes=("注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",),
        empty_note="说明：本部门{year}年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。",
    ),
    "three_public": FinalLayout(
        "three_public", "财政拨款“三公”经费支出决算表",
        (_three_public_group("预算数", "budget"), _three_public_group("决算数", "actual")),
        number="公开09表",
        notes=("注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，"
               "决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。",),
    ),
}

# The nine tables of a final-account disclosure, in the order they are printed.
FINAL_ORDER: tuple[str, ...] = (
    "summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
    "gov_fund", "state_capital", "three_public",
)

# The function classes (类) the two summary tables list on their expenditure side (the
# published forms leave out 社会保险基金支出, 预备费, 转移性支出, 债务发行费用支出).
SUMMARY_CLASSES: tuple[str, ...] = tuple(c for c in FUNCTION_CLASSES if c not in ("209", "227", "230", "233"))

# 公开06表: the standard economic items (部门预算支出经济分类 类/款) of each column group.
ECONOMIC_NAMES: dict[str, str] = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费",
    "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费",
    "30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费",
    "30113": "住房公积金", "30114": "医疗费", "30199": "其他工资福利支出",
    "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30303": "退职（役）费",
    "30304": "抚恤金", "30305": "生活补助", "30306": "救济费", "30307": "医疗费补助", "30308": "助学金",
    "30309": "奖励金", "30310": "个人农业生产补贴", "30311": "代缴社会保险费", "30399": "其他对个人和家庭的补助",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费",
    "30205": "水费", "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费",
    "30211": "差旅费", "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费",
    "30215": "会议费", "30216": "培训费", "30217": "公务接待费", "30218": "专用材料费", "30224": "被装购置费",
    "30225": "专用燃料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费", "30229": "福利费",
    "30231": "公务用车运行维护费", "30239": "其他交通费用", "30240": "税金及附加费用",
    "30299": "其他商品和服务支出",
    "307": "债务利息及费用支出", "30701": "国内债务付息", "30702": "国外债务付息",
    "310": "资本性支出", "31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置",
    "31005": "基础设施建设", "31006": "大型修缮", "31007": "信息网络及软件购置更新", "31008": "物资储备",
    "31009": "土地补偿", "31010": "安置补助", "31011": "地上附着物和青苗补偿", "31012": "拆迁补偿",
    "31013": "公务用车购置", "31019": "其他交通工具购置", "31021": "文物和陈列品购置", "31022": "无形资产购置",
    "31099": "其他资本性支出",
    "399": "其他支出", "39907": "国家赔偿费用支出", "39908": "对民间非营利组织和群众性自治组织补贴",
    "39909": "经常性赠与", "39910": "资本性赠与", "39999": "其他支出",
}

# Economic classes by column group: 人员经费 | 公用经费 (商品和服务) | 公用经费 (the rest).
ECONOMIC_GROUPS: tuple[tuple[str, ...], ...] = (("301", "303"), ("302",), ("307", "310", "399"))
PERSONNEL_CLASSES = frozenset(ECONOMIC_GROUPS[0])


def economic_group(code: str) -> int:
    """The column group (0, 1, 2) an economic code is printed in."""
    for i, classes in enumerate(ECONOMIC_GROUPS):
        if code[:3] in classes:
            return i
    return 2


def final_layout_for(kind: str) -> FinalLayout | None:
    """The standard final-account layout of a table kind, or ``None``."""
    return FINAL_LAYOUTS.get(kind)
