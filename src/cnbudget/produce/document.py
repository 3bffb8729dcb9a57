"""``Produced``: a whole disclosure in the standard order, as blocks every renderer draws.

Blocks are ``Heading`` (level 1 = document title, 2 = 第X部分, 3 = section), ``Para`` and
``TableBlock`` (a model ``Table``).  Budget order: title, 第一部分 概况, 第二部分 情况说明,
第三部分 名词解释, 附件 (the tables).
"""

from __future__ import annotations

from dataclasses import dataclass

from cnbudget.model import Disclosure, Meta, Table
from cnbudget.produce.figures import key_figures
from cnbudget.produce.inputs import Facts, PreviousYear
from cnbudget.produce.layouts import BUDGET_ORDER, layout_for
from cnbudget.produce.narrative import FILL, budget_narrative


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class TableBlock:
    table: Table


Block = Heading | Para | TableBlock


@dataclass(frozen=True)
class Produced:
    meta: Meta
    blocks: tuple[Block, ...]
    disclosure: Disclosure

    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if isinstance(b, TableBlock)]

    def text_of_narrative(self) -> str:
        return "\n".join(b.text for b in self.blocks if isinstance(b, Para))


# 名词解释 — the project's own wording.
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("一般公共预算拨款收入", "本级财政当年从一般公共预算中拨付给本部门的资金。"),
    ("政府性基金预算拨款收入", "本级财政当年从政府性基金预算中拨付给本部门的资金。"),
    ("上年结转结余", "以前年度预算安排但尚未执行完毕、按规定结转到本年度继续使用的资金。"),
    ("基本支出", "为保障机构正常运转和完成日常工作任务而安排的支出，由人员经费和公用经费组成。"),
    ("人员经费", "基本支出中用于人员方面的支出，包括工资福利支出和对个人和家庭的补助。"),
    ("公用经费", "基本支出中用于机构日常运转的商品和服务支出及资本性支出。"),
    ("项目支出", "在基本支出以外，为完成特定工作任务和事业发展目标而安排的支出，分为其他运转类项目和特定目标类项目。"),
    ("“三公”经费", "部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。因公出国（境）费指工作人员公务出国（境）的国际旅费、住宿费、伙食补助费、培训费、公杂费等；公务用车购置及运行维护费指公务用车的购置费（含车辆购置税）以及燃料、维修、保险、过路过桥等运行维护费用；公务接待费指按规定开支的各类公务接待（含外宾接待）费用。"),
    ("机关运行经费", "行政单位和参照公务员法管理的事业单位为保障机构运行，用于购买货物和服务的各项资金，包括办公、印刷、邮电、差旅、会议、培训、维修、水电、物业管理、公务用车运行维护等费用。"),
    ("政府采购", "各级国家机关、事业单位和团体组织使用财政性资金，采购依法制定的集中采购目录以内或采购限额标准以上的货物、工程和服务的行为。"),
)

_CN = "一二三四五六七八九十"


def _cn(i: int) -> str:
    if i <= 10:
        return _CN[i - 1]
    return "十" + _CN[i - 11]


def document_title(meta: Meta) -> str:
    name = meta.department or FILL
    if meta.scope == "unit" and "本级" not in name:
        name = f"{name}（本级）"
    what = "部门决算" if meta.kind == "final" else "部门预算"
    return f"{name}{meta.year or FILL}年{what}"


def assemble(
    disclosure: Disclosure,
    *,
    facts: Facts | None = None,
    previous: PreviousYear | None = None,
) -> Produced:
    """The whole budget disclosure of ``disclosure``'s tables, with its narrative generated.

    A final account (``meta.kind == "final"``) is assembled by ``final_document.assemble_final``.
    """
    if disclosure.meta.kind == "final":
        from cnbudget.produce.final_document import assemble_final

        return assemble_final(disclosure)
    facts = facts or Facts()
    previous = previous or PreviousYear()
    meta = disclosure.meta
    dept = meta.department or FILL
    blocks: list[Block] = [Heading(document_title(meta), 1)]

    blocks.append(Heading("第一部分 部门概况", 2))
    blocks.append(Heading("一、主要职责", 3))
    if facts.duties:
        blocks.extend(Para(f"（{_cn(i)}）{d}") for i, d in enumerate(facts.duties, start=1))
    else:
        blocks.append(Para(f"【请填写{dept}的主要职责】"))
    blocks.append(Heading("二、部门预算单位构成", 3))
    blocks.append(Para(facts.composition or f"【请填写{dept}的预算单位构成】"))

    blocks.append(Heading(f"第二部分 {meta.year or FILL}年部门预算情况说明", 2))
    for section in budget_narrative(key_figures(disclosure), previous, facts):
        blocks.append(Heading(section.heading, 3))
        blocks.extend(Para(p) for p in section.paragraphs)

    blocks.append(Heading("第三部分 名词解释", 2))
    for i, (term, text) in enumerate(facts.glossary or GLOSSARY, start=1):
        blocks.append(Para(f"{_cn(i)}、{term}：{text}"))

    blocks.append(Heading(f"附件：{dept}{meta.year or FILL}年部门预算表", 2))
    by_kind = {t.kind: t for t in disclosure.tables}
    for kind in BUDGET_ORDER:
        table = by_kind.get(kind)
        if table is None:
            table = empty_table(kind, meta)
        blocks.append(TableBlock(table))
    for t in disclosure.tables:  # tables beyond the standard set keep their place at the end
        if t.kind not in BUDGET_ORDER:
            blocks.append(TableBlock(t))
    return Produced(meta=meta, blocks=tuple(blocks), disclosure=disclosure)


def empty_table(kind: str, meta: Meta) -> Table:
    """A required table the input lacks: printed empty, with its note."""
    from cnbudget.document import Source
    from cnbudget.model import Column, Row

    layout = layout_for(kind)
    assert layout is not None
    labels = layout.labels()
    note = (layout.empty_note or "说明：本部门{year}年无此项预算，故本表无数据。").format(year=meta.year or FILL)
    rows = () if layout.two_sided else (Row(code=None, name="合计", values={}, source=Source(), item="total"),)
    return Table(kind=kind, title=f"{meta.year or ''}年{layout.title}", unit=meta.unit or "万元",
                 columns=tuple(Column(c, labels.get(c, c)) for c in layout.amount_ids()), rows=rows,
                 source=Source(), notes=(note,))
