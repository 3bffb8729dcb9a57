"""wording.institution_count: the number of internal bodies stated against the bodies listed."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "第一部分 部门概况\n\n一、主要职能及机构设置\n\n"
RULE = "wording.institution_count"


def found(text: str):
    return run(W(HEAD + text + "\n"), RULE)


@pytest.mark.parametrize("text,stated,listed", [
    ("上海市某某中心设6个内设机构，包括：综合办公室、财务科、研究一室、研究二室、信息科。", "6", "5"),
    # a range counts the bodies it spans: 2 + 9 + 2 = 13
    ("市政府办公厅设12个处室，分别为：办公室、组织人事处、综合一处至综合九处、秘书处、会议处。", "12", "13"),
])
def test_a_count_that_its_list_does_not_make_is_found(text, stated, listed):
    f = found(text)
    assert texts(f) == [(RULE, "error")]
    assert f"称设 {stated} 个" in f[0].message and f"列举了 {listed} 个" in f[0].message


@pytest.mark.parametrize("text", [
    # asides in brackets are part of their item
    "某某局设3个内设机构，包括：办公室（计划财务处）、组织人事处（统战部、教师工作部）、数据安全处。",
    # an item joined with 和 may be two bodies or one
    "某某办公室设12个内设机构，包括：秘书处、组织人事处、办信处、接访处、来访协调处、网上信访处、法规处、督查处、"
    "综合处、信息技术处、人民建议征集处和市民服务热线管理办公室。",
    "某某委设3个内设机构，包括：办公室、住房改革和保障处、财务处。",
    # the 机关党委 beside the count may be listed
    "局本级内设3个处室及机关党委，分别是办公室、改革和综合研究处、资金资产处、机关党委；此外，纳入局本级预算的还有纪检监察组。",
    "市政府办公厅设13个处室，分别为：办公室、组织人事处、综合一处至综合九处、秘书处、会议处。",
])
def test_a_count_its_list_makes_is_not_found(text):
    assert not found(text)


BODIES = "\n\n".join(f"{k}、{name}。\n\n负责有关工作。" for k, name in enumerate(
    ("办公室", "统计执法监督处", "国民经济综合统计处"), start=1))


def test_a_count_against_the_bodies_listed_as_numbered_headings():
    # 西安 2026 (corpus c151 p5): "设12个内设机构。", then (二)机构设置 lists 13 bodies one by one
    text = ("（一）主要职能\n\n（1）贯彻执行统计方面的法律法规。内设机构根据上述职责，市统计局设2个内设机构。\n\n"
            "（二）机构设置\n\n" + BODIES + "\n\n二、工作任务\n\n（一）提升统计服务水平\n\n一是强化监测。")
    f = found(text)
    assert texts(f) == [(RULE, "warning")]
    assert "称设 2 个内设机构" in f[0].message and "3 个" in f[0].message
    assert not found(text.replace("设2个内设机构", "设3个内设机构"))
    # numbered headings that name tasks, not bodies, are no list of them
    assert not found(text.replace("统计执法监督处", "强化统计执法监督工作"))


def _units_document(stated: str, names: list[str], scope: str = ""):
    from cnbudget.model import Column, Disclosure, Meta, Row, Source, Table, TextBlock

    # folded, as the reader gives it
    text = f"{scope}纳入本部门2022年部门预算编制范围的二级预算单位共有{stated}个,包括:"
    block = TextBlock(text, ((0, Source(page=21, box=(100.0, 247.0, 620.0, 263.0))),), part="profile")
    rows = tuple(Row(code=None, name=n, values={}, source=Source(page=21), texts={"单位名称": n}) for n in names)
    table = Table(kind="other", title="", unit=None, columns=(Column("c1", "拟变动情况"),), rows=rows,
                  source=Source(page=21, box=(200.0, 298.0, 630.0, 512.0)), header=(("序号", "单位名称", "拟变动情况"),))
    meta = Meta(department="西安市某局", year=2022, kind="budget", unit="元")
    return Disclosure(file="t.pdf", meta=meta, tables=(table,), text=(block,))


def test_a_number_of_units_against_the_table_that_lists_them():
    # 西安 2022 (corpus c165 p21): "共有 15 个，包括：" and a table of 16 units (the 机关 counted, as in
    # every other 西安 budget of the corpus)
    names = ["西安市某局（机关）", *[f"西安市某中心{k}" for k in range(15)]]
    f = run(_units_document("15", names), "wording.unit_count")
    assert texts(f) == [("wording.unit_count", "warning")] and "16" in f[0].message
    assert not run(_units_document("16", names), "wording.unit_count")


SCOPE_WITH_UNITS = "从预算单位构成看,本部门的部门预算包括部门本级(机关)预算和所属事业单位预算。"
SCOPE_ALONE = "从预算单位构成看,本部门的部门预算包括部门本级(机关)预算。"


def test_a_scope_naming_the_units_over_a_table_of_the_own_level_alone():
    f = run(_units_document("1", ["西安市某局本级（机关）"], SCOPE_WITH_UNITS), "wording.unit_scope")
    assert texts(f) == [("wording.unit_scope", "warning")] and "只列本级" in f[0].message
    # and the other way round: the 本级 alone over a table of three units
    f = run(_units_document("3", ["西安市某局本级", "西安市某中心", "西安市某站"], SCOPE_ALONE), "wording.unit_scope")
    assert texts(f) == [("wording.unit_scope", "warning")] and "3 个单位" in f[0].message


@pytest.mark.parametrize(("scope", "names"), [
    (SCOPE_WITH_UNITS, ["西安市某局本级（机关）", "西安市某中心"]),   # its units listed
    (SCOPE_ALONE, ["西安市某局本级（机关）"]),                        # the 本级 alone, said and listed
    (SCOPE_WITH_UNITS, ["西安市某中心"]),                            # one unit that is not the 本级: not judged
    ("本部门预算包括本级预算和西安市某中心预算。", ["西安市某局本级（机关）"]),  # a scope of named units
])
def test_a_scope_the_table_of_units_bears_out_is_clean(scope, names):
    assert not run(_units_document(str(len(names)), names, scope), "wording.unit_scope")
