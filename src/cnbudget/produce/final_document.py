"""A whole final-account disclosure (部门决算) in the standard order, as renderable blocks.

Order: title; 第一部分 概况 (部门职责, 机构设置及决算单位构成); 第二部分 the nine 公开表 (an
empty one printed with its note); 第三部分 情况说明 (generated from the tables' figures);
第四部分 名词解释.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from cnbudget.document import Source
from cnbudget.model import Column, Disclosure, Meta, Row, Table
from cnbudget.produce.document import Block, Heading, Para, Produced, TableBlock, _cn, document_title
from cnbudget.produce.final_figures import final_figures
from cnbudget.produce.final_inputs import FinalFacts, FinalPrevious
from cnbudget.produce.final_layouts import FINAL_LAYOUTS, FINAL_ORDER
from cnbudget.produce.final_narrative import final_narrative
from cnbudget.produce.narrative import FILL

# 名词解释 of a final account — the project's own wording.
FINAL_GLOSSARY: tuple[tuple[str, str], ...] = (
    ("财政拨款收入", "本级财政在当年拨付给本部门的资金，按来源分为一般公共预算财政拨款、政府性基金预算财政拨款和"
                     "国有资本经营预算财政拨款。"),
    ("上级补助收入", "事业单位从主管部门或上级单位取得的、不属于财政拨款的补助资金。"),
    ("事业收入", "事业单位开展专业业务活动及其辅助活动所取得的收入。"),
    ("经营收入", "事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动所取得的收入。"),
    ("附属单位上缴收入", "事业单位所属的独立核算单位按规定缴给本单位的收入。"),
    ("其他收入", "上述各项收入以外的收入，例如存款利息收入、捐赠收入等。"),
    ("使用非财政拨款结余", "事业单位动用以前年度积累的非财政拨款结余，弥补当年收支缺口的资金。"),
    ("年初结转和结余", "以前年度安排、尚未使用完毕，按规定结转到本年度继续使用的资金。"),
    ("结余分配", "事业单位按规定从非财政拨款结余中提取专用基金、转入非财政拨款结余等的金额。"),
    ("年末结转和结余", "本年度或以前年度安排的资金，因工作尚未完成或情况变化未能在本年度使用完毕，"
                       "按规定留待以后年度继续使用的部分。"),
    ("基本支出", "为保障机构正常运转、完成日常工作任务而发生的支出，由人员经费和公用经费组成。"),
    ("人员经费", "基本支出中用于人员的部分，包括工资福利支出和对个人和家庭的补助。"),
    ("公用经费", "基本支出中用于机构日常运转的部分，包括商品和服务支出、资本性支出等。"),
    ("项目支出", "在基本支出以外，为完成特定工作任务和事业发展目标而发生的支出。"),
    ("上缴上级支出", "实行收入上缴办法的事业单位按规定标准或比例上缴给上级单位的支出。"),
    ("经营支出", "事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动所发生的支出。"),
    ("对附属单位补助支出", "事业单位用财政拨款以外的资金对所属单位给予补助所发生的支出。"),
    ("“三公”经费", "部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。因公出国（境）费"
                   "指工作人员公务出国（境）的国际旅费、住宿费、伙食补助费、培训费、公杂费等；公务用车购置及运行维护费"
                   "指公务用车的购置费（含车辆购置税）以及租用、燃料、维修、保险、过路过桥等费用；公务接待费指按规定"
                   "开支的各类公务接待（含外宾接待）费用。"),
    ("机关运行经费", "行政单位和参照公务员法管理的事业单位为保障机构运行，用一般公共预算财政拨款安排的基本支出中的"
                     "日常公用经费，包括办公、印刷、邮电、差旅、会议、培训、维修、水电、物业管理、公务用车运行维护等费用。"),
)


def empty_final_table(kind: str, meta: Meta) -> Table:
    """A required final-account table the input lacks: printed empty, with its note."""
    layout = FINAL_LAYOUTS[kind]
    labels = layout.labels()
    note = (layout.empty_note or "说明：本部门{year}年度无此项决算，故本表无数据。").format(year=meta.year or FILL)
    rows = () if layout.two_sided or layout.three_groups else (
        Row(code=None, name="合计", values={}, source=Source(), item="total"),)
    return Table(kind=kind, title=f"{meta.year or ''}年度{layout.title}", unit=meta.unit or "万元",
                 columns=tuple(Column(c, labels.get(c, c)) for c in layout.amount_ids()), rows=rows,
                 source=Source(), number=layout.number, notes=(*layout.notes, note))


def assemble_final(
    disclosure: Disclosure,
    *,
    facts: FinalFacts | None = None,
    previous: FinalPrevious | None = None,
    initial: Mapping[str, Decimal] | None = None,
    item_reasons: Mapping[str, str] | None = None,
) -> Produced:
    """The whole final-account disclosure of ``disclosure``'s tables, with its narrative generated."""
    facts = facts or FinalFacts()
    previous = previous or FinalPrevious()
    meta = disclosure.meta
    dept = meta.department or FILL
    year = meta.year or FILL
    blocks: list[Block] = [Heading(document_title(meta), 1)]

    blocks.append(Heading(f"第一部分 {dept}概况", 2))
    blocks.append(Heading("一、部门职责", 3))
    if facts.duties:
        blocks.extend(Para(f"（{_cn(i)}）{d}") for i, d in enumerate(facts.duties, start=1))
    else:
        blocks.append(Para(f"【请填写{dept}的部门职责】"))
    blocks.append(Heading("二、机构设置及决算单位构成", 3))
    blocks.append(Para(facts.organisation or f"【请填写{dept}的内设机构设置】"))
    blocks.append(Para(facts.composition or f"【请填写{dept}{year}年度部门决算的单位构成】"))

    blocks.append(Heading(f"第二部分 {year}年度部门决算表", 2))
    by_kind = {t.kind: t for t in disclosure.tables}
    for kind in FINAL_ORDER:
        blocks.append(TableBlock(by_kind.get(kind) or empty_final_table(kind, meta)))
    for t in disclosure.tables:  # tables beyond the nine keep their place after them
        if t.kind not in FINAL_ORDER:
            blocks.append(TableBlock(t))

    blocks.append(Heading(f"第三部分 {year}年度部门决算情况说明", 2))
    for section in final_narrative(final_figures(disclosure), previous, facts, initial, item_reasons):
        blocks.append(Heading(section.heading, 3))
        blocks.extend(Para(p) for p in section.paragraphs)

    blocks.append(Heading("第四部分 名词解释", 2))
    for i, (term, text) in enumerate(facts.glossary or FINAL_GLOSSARY, start=1):
        blocks.append(Para(f"{_cn(i)}、{term}：{text}"))
    return Produced(meta=meta, blocks=tuple(blocks), disclosure=disclosure)


def build_final_produced(inp, previous: FinalPrevious | None = None, file: str = "") -> Produced:
    """A final-account input's whole disclosure: validated, derived, verified, narrated."""
    from cnbudget.produce.consistency import InconsistentInput, ensure_consistent
    from cnbudget.produce.final_derive import derive_final_disclosure, validate

    problems = validate(inp)
    if problems:
        raise InconsistentInput(problems, file=file or None)
    disclosure = derive_final_disclosure(inp, file=file)
    ensure_consistent(disclosure, file=file or None)
    initial = {ln.code: ln.initial_budget for ln in inp.lines
               if ln.fund == "general_budget" and ln.initial_budget is not None}
    initial_sum: dict[str, Decimal] = {}
    for ln in inp.lines:
        if ln.fund == "general_budget" and ln.initial_budget is not None:
            initial_sum[ln.code] = initial_sum.get(ln.code, Decimal(0)) + ln.initial_budget
    reasons = {ln.code: ln.reason for ln in inp.lines if ln.reason}
    return assemble_final(disclosure, facts=inp.facts, previous=previous or inp.previous,
                          initial=initial_sum if initial else None, item_reasons=reasons)
