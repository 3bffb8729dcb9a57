"""Whether a file is a disclosure: by the tables and narrative it publishes, not by the word 预算."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.document import Document, Paragraph, Source
from cnbudget.model import Row, Table
from cnbudget.narrative.evidence import is_disclosure


def _doc(*lines: str) -> Document:
    return Document(path="x.txt", blocks=tuple(Paragraph(t, Source(line=i + 1)) for i, t in enumerate(lines)),
                    format="text")


def _table(kind: str) -> Table:
    row = Row(code="2010101", name="行政运行", values={"total": Decimal("1.00")}, source=Source(line=2))
    return Table(kind=kind, title=kind, unit="万元", columns=(), rows=(row,), source=Source(line=1))


def test_a_notice_that_mentions_budgets_is_no_disclosure():
    notice = _doc("关于印发2026年民生实事实施方案的通知", "各县（区）人民政府：",
                  "所需资金纳入年度预算统筹安排。", "严格预算执行，加强预算绩效管理。", "预算资金专款专用。")
    assert not is_disclosure(notice, [])
    # one table of a standard-looking title is not enough either (an evaluation report)
    assert not is_disclosure(notice, [_table("projects")])


def test_a_narrative_only_disclosure_is_one():
    narrative = _doc("2026年某市住房和城乡建设委员会部门预算", "一、收支预算总体情况", "收入预算1,234.56万元。",
                     "二、财政拨款收支预算总体情况", "三、一般公共预算财政拨款支出预算情况", "四、“三公”经费预算情况")
    assert is_disclosure(narrative, [])


def test_a_combined_budget_narrative_is_one():
    # 西安 2019 (corpus c155): "部门综合预算说明", the whole of the 部门 and its units, tables apart
    narrative = _doc("西安市发展和改革委员会", "2019 年部门综合预算说明", "一、主要职责及机构设置",
                     "二、2019年部门综合预算收支总体情况", "三、一般公共预算拨款支出情况", "四、“三公”经费预算情况")
    assert is_disclosure(narrative, [])
    # the same words in a notice's body, not its title, make none
    assert not is_disclosure(_doc("关于做好2019年预算编制工作的通知", *["各单位："] * 45, "编制部门综合预算说明，"
                                  "写明收支总体情况、一般公共预算、“三公”经费。"), [])


def test_a_standard_table_with_figures_makes_a_disclosure():
    assert is_disclosure(_doc("表一"), [_table("general_expenditure")])
    empty = Table(kind="summary", title="收支总表", unit="万元", columns=(), rows=(), source=Source(line=1))
    assert not is_disclosure(_doc("表一"), [empty])


def test_a_performance_target_table_published_alone_is_a_disclosure():
    # 广州 2026 (corpus c095): the 项目支出绩效目标表 is a file of its own, 140 pages of projects
    row = Row(code=None, name="监督执法与信访应急专项经费", values={}, source=Source(page=92),
              texts={"项目名称": "监督执法与信访应急专项经费", "总计": "20.94", "绩效目标": "加大生态环境执法能力建设。"})
    targets = Table(kind="performance_targets", title="广州市生态环境局2026年项目支出绩效目标表", unit="万元",
                    columns=(), rows=(row,), source=Source(page=92))
    assert is_disclosure(_doc("广州市生态环境局2026年项目支出绩效目标表"), [targets])
    # a form with no line read, or a 绩效评价 report's score table, makes none
    assert not is_disclosure(_doc("表一"), [Table(kind="performance_targets", title="绩效目标表", unit="万元",
                                                columns=(), rows=(), source=Source(page=1))])
    assert not is_disclosure(_doc("表一"), [Table(kind="performance_review", title="绩效自评表", unit="万元",
                                                columns=(), rows=(row,), source=Source(page=1))])
