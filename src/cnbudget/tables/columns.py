"""Amount column ids (DESIGN.md vocabulary) and the header labels that map to them.

A table's header is flattened into one label path per column ("基本支出/人员经费/工资福利支出");
``column_id`` turns a path into an id.  Groups are dotted prefixes: ``budget.`` / ``actual.``
(预算数 / 决算数 in the final-account 三公 table), ``carryover.`` (上年结转 / 财政拨款结转结余
columns of income and project tables).

Ids:
    total               合计 / 总计 / 本年支出合计 / 决算数 / 金额 / 预算数 (the row's whole)
    current_total       本年收入 合计 (income tables that also show 上年结转)
    basic               基本支出 (小计)
    personnel           人员经费 (a single column, or 人员经费 合计)
    public              公用经费 (a single column, or 公用经费 合计)
    wages               工资福利支出            household       对个人和家庭的补助
    goods_services      商品和服务支出           capital         资本性支出
    project             项目支出 (小计)
    project_operating   其他运转类               project_specific 特定目标类
    general_budget      一般公共预算 (拨款, 小计)  fiscal          其中：财政拨款
    gov_fund            政府性基金                state_capital   国有资本经营预算
    special_account     财政专户管理资金          unit_funds      单位资金
    business            事业收入                  operating       (事业单位)经营收入
    superior_subsidy    上级补助收入              affiliated      附属单位上缴收入
    other               其他收入                  transfer        上级转移支付
    carryover           上年结转(结余) / 年初结转和结余   carryover_out   年末结转和结余
    account_balance     上年实户资金余额 (西安: a source of its own beside 上年结转)
    remit_superior      上缴上级支出              operating_expense 经营支出
    affiliate_subsidy   对附属单位补助支出
    abroad              因公出国（境）费          vehicle         公务用车购置及运行(维护)费
    vehicle_purchase    公务用车购置费            vehicle_operation 公务用车运行(维护)费
    reception           公务接待费             meeting, training 会议费, 培训费 (some 三公 tables)
    all_total           合计 over 三公, 会议费 and 培训费 together
    initial_budget      年初预算数 (绩效自评)      final_budget    全年预算数
    executed            全年执行数 / 实际执行数    execution_rate  执行率 (%)
    weight              分值                      score           得分
    quantity            购买数量
    procurement         政府采购项目 小计 — a memo of how much of the row is procured, no addend
    procurement.sme     其中：预留给中小企业的  procurement.small_micro  其中：…小型、微型企业的
    sub.<id>            其中：… under a group, a part of it that names nothing we know
                        ("本级财政拨款/其中:经费拨款" → ``sub.fiscal``)
"""

from __future__ import annotations

import re

# Income sources, in the order tables print them.  ``fiscal`` (其中：财政拨款) is inside
# ``general_budget`` and counts as a source only where ``general_budget`` is not printed.
INCOME_SOURCES: tuple[str, ...] = (
    "general_budget",
    "fiscal",
    "gov_fund",
    "state_capital",
    "special_account",
    "business",
    "operating",
    "superior_subsidy",
    "affiliated",
    "other",
    "transfer",
    "unit_funds",
    "account_balance",
)

# (pattern on one header label, id).  Tried in order; the first match wins.
LEAF_LABELS: tuple[tuple[str, str], ...] = (
    (r"^(本年)?收入合计$", "current_total"),
    (r"^(本年)?支出合计$|^本年支出合计$|^(支出|收入)总计$", "total"),
    (r"工资福利", "wages"),
    (r"对个人和家庭", "household"),
    (r"商品和服务", "goods_services"),
    (r"资本性支出", "capital"),
    (r"其他运转", "project_operating"),
    (r"特定目标", "project_specific"),
    (r"^其中[:：]?财政拨款$|^(本级)?财政拨款(收入)?$|^预算拨款(收入)?$", "fiscal"),
    (r"人员经费|^人员(支出|类)$", "personnel"),
    (r"公用经费|^(日常)?公用(支出|类)$", "public"),
    (r"基本支出", "basic"),
    (r"项目支出|^专项(业务)?经费(支出)?$", "project"),
    (r"上缴上级", "remit_superior"),
    (r"对附属单位补助", "affiliate_subsidy"),
    (r"经营支出", "operating_expense"),
    (r"实户资金余额", "account_balance"),
    (r"上级转移支付.*政府性基金", "transfer.gov_fund"),
    (r"上级转移支付", "transfer"),
    (r"一般公共预算", "general_budget"),
    (r"政府性基金", "gov_fund"),
    (r"国有资本", "state_capital"),
    (r"财政专户", "special_account"),
    (r"单位资金", "unit_funds"),
    (r"事业收入", "business"),
    (r"经营收入", "operating"),
    (r"上级补助", "superior_subsidy"),
    (r"附属单位上缴", "affiliated"),
    (r"其他收入|^其他资金$", "other"),  # 其他资金 beside 财政拨款 / 财政专户 (广州): the other sources
    (r"财政拨款收入", "fiscal"),
    (r"年末结转|年终结转", "carryover_out"),
    (r"上年结转|上年结余|年初结转|结转结余|结余[、和及]?结转", "carryover"),
    (r"因公出国", "abroad"),
    (r"公务用车购置及运行|公务用车购置和运行", "vehicle"),
    (r"公务用车购置", "vehicle_purchase"),
    (r"公务用车运行", "vehicle_operation"),
    (r"公务接待", "reception"),
    # under 公务用车购置及运行费: "购置费", "运行费" / "运行维护费"
    (r"^(车辆)?购置费?$", "vehicle_purchase"),
    (r"^(车辆)?运行(维护|维修)?费$", "vehicle_operation"),
    (r"^机关运行经费", "running_costs"),
    (r"^会议费$", "meeting"),
    (r"^培训费$", "training"),
    (r"年初预算", "initial_budget"),
    (r"全年预算", "final_budget"),
    (r"执行数|实际支出", "executed"),
    (r"执行率", "execution_rate"),
    (r"^分值$", "weight"),
    (r"^得分$", "score"),
    (r"购买数量", "quantity"),
    (r"购买金额", "total"),
    (r"^(合计|总计|小计|金额|决算数|预算数?|预算金额|本年预算数?|(\d{4}年)?预算数?|资金总额|项目金额)$|经费合计$", "total"),
)

_LEAF_RE = tuple((re.compile(p), i) for p, i in LEAF_LABELS)

# Group labels that become a dotted prefix.
GROUP_LABELS: tuple[tuple[str, str], ...] = (
    (r"^预算数$|^预算$", "budget"),
    (r"^决算数$|^决算$|^实际支出$", "actual"),
    (r"上年结转|上年结余|财政拨款结转结余|年初结转|^结转结余$|^结余[、和及]?结转$", "carryover"),
)
_GROUP_RE = tuple((re.compile(p), i) for p, i in GROUP_LABELS)

# Leaf ids that only name the whole of the group they sit in ("小计" under 基本支出 → basic).
_WHOLE = {"total"}


def label_id(label: str) -> str | None:
    """The id one header label names, or ``None``."""
    s = re.sub(r"\s+", "", label)
    for rx, cid in _LEAF_RE:
        if rx.search(s):
            return cid
    return None


def group_prefix(label: str) -> str | None:
    s = re.sub(r"\s+", "", label)
    for rx, gid in _GROUP_RE:
        if rx.search(s):
            return gid
    return None


def column_id(path: list[str]) -> str | None:
    """Turn a flattened header path into a column id.

    Key labels (科目名称, 编码, 类/款/项) that slid over an amount column are ignored.  The
    deepest label that names something decides the leaf; a generic leaf ("小计", "合计") under
    a column group (基本支出, 一般公共预算 …) takes the group's id.  Group labels above it
    become dotted prefixes (预算数 → ``budget.``, 上年结转 → ``carryover.``); the 合计 of
    本年收入 is ``current_total`` and that of 上年结转 is ``carryover``.
    """
    labels = [re.sub(r"\s+", "", p) for p in path if p and p.strip()]
    labels = [lab for lab in labels if not _KEY_RE.search(lab)]
    if not labels:
        return None
    if len(labels) >= 2 and _PROCUREMENT_GROUP_RE.search(labels[-2]):
        return _procurement_id(labels[-1])
    prefix: str | None = None
    current = False
    leaf: str | None = None
    parent_id: str | None = None
    unknown_parent = False
    for i, lab in enumerate(labels):
        last = i == len(labels) - 1
        g = group_prefix(lab)
        if not last and len(lab) >= 3 and g is None and not _WRAPPER_RE.search(lab) and label_id(lab) is None:
            unknown_parent = True  # "2026年政府采购项目": a group we do not know
        if g and not last:
            prefix = g
            continue
        if _CURRENT_RE.search(lab) and not last:
            current = True
            continue
        if last and g == "carryover" and label_id(lab) in (None, "carryover"):
            leaf = "carryover" if prefix is None else leaf or "total"
            break
        if last and _CURRENT_RE.search(lab) and not _CURRENT_TOTAL_RE.search(lab):
            leaf = "current_income"
            break
        cid = label_id(lab)
        if cid is None and last and leaf is not None and re.match(r"^其中[:：]?", lab):
            return f"sub.{leaf}"  # "本级财政拨款/其中:经费拨款": a part of its group, never a source
        if cid is None:
            continue
        if cid == "total" and leaf is None and parent_id is None and not last:
            continue  # "合计/合计", "总计/…": keep looking deeper
        if cid == "total" and last and parent_id is not None:
            leaf = parent_id  # "基本支出/小计" → basic
            break
        if cid == "total" and last and lab == "小计" and leaf == "fiscal":
            break  # "财政拨款/小计" (深圳 基本支出总表): the group's whole, beside its funds
        if cid == "total" and last and leaf is None and unknown_parent and lab in ("小计", "合计"):
            return None  # the 小计 of an unknown group is not the table's total
        leaf = cid
        if not last and _GROUP_PARENT_RE.search(lab):
            parent_id = cid
    if leaf is None:
        if prefix is not None:
            leaf = "total"
        else:
            return None
    if leaf == "total" and current:
        return "current_total"
    if prefix == "carryover":
        if leaf in ("total", "carryover"):
            return "carryover"
        return f"carryover.{leaf}"
    return f"{prefix}.{leaf}" if prefix else leaf


# "2026年政府采购项目" over 小计 | 其中：…中小企业… | 其中：…小型、微型企业… (深圳 支出总表):
# how much of the row's spending is bought through procurement — a memo beside the row's
# parts, never one of them
_PROCUREMENT_GROUP_RE = re.compile(r"^(\d{4}年)?政府采购项目$")
_SMALL_MICRO_RE = re.compile(r"小型、?微型企业|小微企业")


def _procurement_id(leaf: str) -> str | None:
    if re.fullmatch(r"小计|合计|金额", leaf):
        return "procurement"
    if not re.match(r"^其中[:：]?", leaf):
        return None
    if _SMALL_MICRO_RE.search(leaf):
        return "procurement.small_micro"
    return "procurement.sme" if "中小企业" in leaf else None


# labels over the whole amount block that name no group of their own: "收入预算/合计" is the
# table's 合计 ("收入预算", "支出预算", "2026年预算数", "本年预算" …)
_WRAPPER_RE = re.compile(r"^本年|预算数|决算数|^(收入|支出)(预算|决算)(数)?$|^(\d{4}年)?(预算|决算)(数)?$"
                         r"|^(部门|单位)(综合)?(预算|决算)$")
_KEY_RE = re.compile(r"^(科目名称|科目编码|功能分类科目编码|编码|代码|类|款|项|栏次|行次)$")
_CURRENT_RE = re.compile(r"^本年(收入|拨款|财政拨款)$")
_CURRENT_TOTAL_RE = re.compile(r"合计|小计")
_GROUP_PARENT_RE = re.compile(
    r"^(基本支出|项目支出|一般公共预算(拨款|财政拨款)?(收入)?|本级财政拨款(收入)?|人员经费|公用经费"
    r"|公务用车购置及运行(维护)?费|财政专户管理资金|单位资金)$"
)
