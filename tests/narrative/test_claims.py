"""Claims from short 情况说明 passages of a fictional department (示例市测绘局)."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.document import Source
from cnbudget.model import Claim, Column, Meta, Ref, Row, Table
from cnbudget.narrative import extract_claims

BUDGET = Meta(department="示例市测绘局", region="示例市", year=2025, kind="budget", unit="万元")
FINAL = Meta(department="示例市测绘局", region="示例市", year=2023, kind="final", unit="万元")


def claims_of(doc_of, text: str, meta: Meta = BUDGET) -> list[Claim]:
    return extract_claims(doc_of(text), [], meta)


def by_id(claims: list[Claim]) -> dict[int, Claim]:
    return {c.id: c for c in claims}


def find(claims: list[Claim], kind: str, value: str) -> Claim:
    return next(c for c in claims if c.kind == kind and c.value == Decimal(value))


def test_total_amounts_refer_to_the_summary_table(doc_of):
    cs = claims_of(doc_of, "一、收入支出预算总体情况说明\n\n示例市测绘局2025年收入总计320.50万元，支出总计320.50万元。\n")
    income, spending = cs
    assert (income.kind, income.value, income.unit, income.subject) == ("amount", Decimal("320.50"), "万元", "收入总计")
    assert income.refers_to == Ref("summary", "grand_total", "total", side="income")
    assert spending.subject == "支出总计"
    assert spending.refers_to == Ref("summary", "grand_total", "total", side="expenditure")
    assert income.source.line == 3
    assert income.text == "示例市测绘局2025年收入总计320.50万元,支出总计320.50万元。"


def test_change_with_rate_and_reasons(doc_of):
    text = ("一、收入支出预算总体情况说明\n\n示例市测绘局2025年收入总计320.50万元，支出总计320.50万元，"
            "与2024年相比，收、支总计各减少12.40万元，下降3.72%，主要原因：项目资金较上年减少20万元，"
            "人员经费较上年增加7.60万元。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    change = find(cs, "change", "12.40")
    assert change.direction == -1
    assert change.subject == "收支总计"
    assert change.refers_to == Ref("summary", "grand_total", "total")
    assert ids[change.related["current"]].value == Decimal("320.50")
    rate = find(cs, "rate", "3.72")
    assert rate.direction == -1 and rate.related["change"] == change.id
    components = [ids[change.related[k]] for k in ("component_1", "component_2")]
    assert [(c.value, c.direction, c.subject) for c in components] == [
        (Decimal("20"), -1, "项目资金"), (Decimal("7.60"), 1, "人员经费")]
    assert "component_3" not in change.related
    assert len([c for c in cs if c.kind == "change"]) == 3  # one change for both totals


def test_shares_link_part_and_whole_in_the_expenditure_section(doc_of):
    text = "三、支出预算总体情况\n\n2025年支出合计320.50万元，其中：基本支出280.50万元，占87.52%；项目支出40万元，占12.48%。\n"
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    basic = find(cs, "amount", "280.50")
    assert basic.refers_to == Ref("expenditure", "total", "basic")
    share = find(cs, "share", "87.52")
    assert ids[share.related["part"]] is basic
    assert ids[share.related["whole"]].subject == "支出合计"
    assert share.refers_to == basic.refers_to


def test_same_words_point_at_the_basic_expenditure_table_in_its_section(doc_of):
    text = "六、一般公共预算基本支出情况说明\n\n2025年一般公共预算基本支出280.50万元，其中：人员经费240万元，公用经费40.50万元。\n"
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "280.50").refers_to == Ref("basic_expenditure", "total", "total")
    assert find(cs, "amount", "240").refers_to == Ref("basic_expenditure", "total", "personnel")
    final = claims_of(doc_of, text.replace("2025", "2023"), FINAL)
    assert find(final, "amount", "240").refers_to == Ref("basic_expenditure", "personnel_total", "total")


def test_function_class_in_the_general_budget_section(doc_of):
    text = ("五、一般公共预算支出预算情况说明\n\n2025年一般公共预算支出年初预算为320.50万元。主要用于以下方面："
            "社会保障和就业支出 30.50 万元，占 9.52%；自然资源海洋气象等支出290，占90.48%。\n")
    cs = claims_of(doc_of, text)
    social = find(cs, "amount", "30.50")
    assert social.refers_to == Ref("general_expenditure", "208", "total")
    bare = find(cs, "amount", "290")
    assert bare.unit == "万元" and bare.refers_to == Ref("general_expenditure", "220", "total")
    share = find(cs, "share", "9.52")
    assert by_id(cs)[share.related["whole"]].value == Decimal("320.50")


def test_item_level_paragraph_uses_the_document_function_rows(doc_of):
    text = ("五、一般公共预算财政拨款支出决算情况说明\n\n"
            "1.自然资源海洋气象等支出(类)自然资源事务(款)测绘事务(项)年初预算为 50 万元,支出决算为 45.5 万元,"
            "完成年初预算的 91%。\n\n"
            "表\n\n220\t自然资源海洋气象等支出\t45.50\n22001\t自然资源事务\t45.50\n2200106\t测绘事务\t45.50\n")
    cs = claims_of(doc_of, text, FINAL)
    budget, actual, share = cs
    assert budget.basis == "initial_budget" and budget.refers_to is None
    assert actual.basis == "current"
    assert actual.refers_to == Ref("general_expenditure", "2200106", "total")
    assert share.kind == "share" and share.related == {"part": actual.id, "whole": budget.id}


def test_item_name_matching_no_row_gives_no_link(doc_of):
    text = "五、一般公共预算支出情况说明\n\n1.自然资源海洋气象等支出(类)自然资源事务(款)测绘事务(项)2025年预算 50 万元。\n"
    (claim,) = claims_of(doc_of, text)
    assert claim.refers_to is None


def test_three_public_budget_and_unchanged(doc_of):
    text = ("七、一般公共预算“三公”经费支出预算情况说明\n\n我部门2025年“三公”经费预算为6万元。"
            "2025年“三公”经费支出预算数与2024年预算数保持一致。\n\n"
            "（一）公务接待费2万元，主要用于公务接待支出。预算数与2024年预算数保持一致。\n")
    cs = claims_of(doc_of, text)
    total = find(cs, "amount", "6")
    assert total.refers_to == Ref("three_public", "total", "total")
    unchanged = [c for c in cs if c.kind == "change"]
    assert [(c.value, c.direction) for c in unchanged] == [(Decimal(0), 0), (Decimal(0), 0)]
    assert unchanged[0].related["current"] == total.id
    assert unchanged[1].refers_to == Ref("three_public", "total", "reception")


def test_three_public_final_account_budget_and_actual_columns(doc_of):
    text = ("七、“三公”经费支出决算情况说明\n\n2023年度“三公”经费财政拨款支出预算为8万元，支出决算为5.20万元，"
            "完成预算的65%。公务接待费年初预算为3万元，支出决算为1.20万元。\n")
    cs = claims_of(doc_of, text, FINAL)
    assert find(cs, "amount", "8").refers_to == Ref("three_public", "total", "budget.total")
    assert find(cs, "amount", "5.20").refers_to == Ref("three_public", "total", "actual.total")
    assert find(cs, "amount", "3").refers_to == Ref("three_public", "total", "budget.reception")
    assert find(cs, "amount", "1.20").refers_to == Ref("three_public", "total", "actual.reception")
    assert set(find(cs, "share", "65").related) == {"part", "whole"}


def test_operating_cost_is_its_own_subject(doc_of):
    text = "（一）机关运行经费支出情况\n\n2025年机关运行经费支出预算40.50万元，比2024年增加1.30万元，增长3.32%。\n"
    cs = claims_of(doc_of, text)
    amount = find(cs, "amount", "40.50")
    assert amount.subject == "机关运行经费"
    assert amount.refers_to == Ref("basic_expenditure", "total", "public")
    change, rate = find(cs, "change", "1.30"), find(cs, "rate", "3.32")
    assert change.direction == 1 and change.related["current"] == amount.id
    assert rate.related == {"change": change.id, "current": amount.id}


def test_counts_in_the_assets_section_refer_to_nothing(doc_of):
    text = "（四）国有资产占用情况\n\n2024年末，我部门共有车辆2辆，其中：一般公务用车2辆；单价50万元以上通用设备0台（套）。\n"
    cs = claims_of(doc_of, text)
    assert [(c.kind, c.value, c.unit, c.subject) for c in cs] == [
        ("count", Decimal(2), "辆", "车辆"),
        ("count", Decimal(2), "辆", "一般公务用车"),
        ("count", Decimal(0), "台(套)", "单价50万元以上通用设备"),
    ]
    assert all(c.refers_to is None for c in cs)


def test_no_claims_from_glossary_toc_or_duties(doc_of):
    text = ("目 录\n\n第一部分 部门概况\n\n第二部分 情况说明\n\n第一部分 部门概况\n\n一、主要职责\n\n"
            "示例市测绘局内设科室5个，编制人数30人。\n\n"
            "第二部分 情况说明\n\n一、收入支出预算总体情况说明\n\n收入总计10万元。\n\n"
            "第三部分 名词解释\n\n一、基本支出：指人员经费和公用经费，例如100万元以上的设备。\n")
    cs = claims_of(doc_of, text)
    assert [(c.kind, c.value) for c in cs] == [("amount", Decimal(10))]


def test_dates_and_document_numbers_in_narrative_are_not_claims(doc_of):
    text = ("十、其他重要事项\n\n依据《示例市办公室通知》（示办发〔2021〕12号），起止时间：2025年1月-2025年12月，"
            "联系电话 0871-6543210。\n")
    assert claims_of(doc_of, text) == []


def test_sentence_broken_over_two_lines_is_one_passage(doc_of):
    text = ("二、关于一般公共预算支出表的说明\n\n1.自然资源海洋气象等支出(类)自然资源事务(款)测绘事务(项) 2025 年预算 50 万元，比 2024 年\n\n"
            "预算增加 5 万元，增长 11.11%。\n")
    cs = claims_of(doc_of, text)
    change = find(cs, "change", "5")
    assert change.source.line == 5
    assert change.related["current"] == find(cs, "amount", "50").id
    assert find(cs, "rate", "11.11").related["change"] == change.id


def test_named_whole_is_looked_up_among_stated_amounts(doc_of):
    text = ("三、支出决算情况说明\n\n2023年度支出合计500万元。\n\n"
            "五、一般公共预算财政拨款支出决算情况说明\n\n2023年度一般公共预算财政拨款支出 400 万元，占支出合计的 80%。\n")
    cs = claims_of(doc_of, text, FINAL)
    share = find(cs, "share", "80")
    assert by_id(cs)[share.related["whole"]].value == Decimal(500)
    assert by_id(cs)[share.related["part"]].value == Decimal(400)


def test_last_years_figure_is_linked_to_the_change_and_the_rate(doc_of):
    cs = claims_of(doc_of, "三、支出预算总体情况\n\n本年支出100万元，上年支出80万元，增加20万元，增长25%。\n")
    ids = by_id(cs)
    last = find(cs, "amount", "80")
    assert last.basis == "previous"
    change, rate = find(cs, "change", "20"), find(cs, "rate", "25")
    assert ids[change.related["current"]].value == Decimal("100")
    assert change.related["previous"] == last.id and rate.related["previous"] == last.id


def test_carryover_is_this_years_income_not_last_years_figure(doc_of):
    cs = claims_of(doc_of, "二、收入预算总体情况\n\n2025年收入合计1962.11万元，其中：一般公共预算收入1942.11万元；上年结转20.00万元。\n")
    carry = find(cs, "amount", "20.00")
    assert carry.basis == "current"
    total = find(cs, "amount", "1962.11")
    assert carry.related["whole"] == total.id and find(cs, "amount", "1942.11").related["whole"] == total.id


def test_an_earlier_year_leading_a_figure_is_last_years(doc_of):
    cs = claims_of(doc_of, "三、支出预算总体情况\n\n2025年支出100万元，2024年支出80万元，增长25%。\n")
    assert find(cs, "amount", "80").basis == "previous"
    assert find(cs, "amount", "100").basis == "current"
    rate = find(cs, "rate", "25")
    assert rate.direction == 1 and "change" not in rate.related and rate.related["previous"] == find(cs, "amount", "80").id


def test_rate_words_jiangfu_and_zhangfu(doc_of):
    cs = claims_of(doc_of, "一、收支\n\n2025年收入总计1962万元，比上年减少86万元，降幅4.20%；支出比上年增加5万元，涨幅1.2%。\n")
    assert find(cs, "rate", "4.20").direction == -1 and find(cs, "rate", "1.2").direction == 1


def test_execution_figure_comparison_links_the_change(doc_of):
    # 湖州 2026 (corpus c205 p8): "比上年执行数减少" names no quantity of its own
    cs = claims_of(doc_of, "四、财政拨款收支\n\n2025年一般公共预算当年拨款37018.75万元，比上年执行数减少11688.70万元，下降23.9%。\n")
    change = find(cs, "change", "11688.70")
    assert by_id(cs)[change.related["current"]].value == Decimal("37018.75")


def test_count_parts_link_their_whole_count(doc_of):
    cs = claims_of(doc_of, "八、国有资产占用情况\n\n单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。\n")
    assert find(cs, "count", "15").related["whole"] == find(cs, "count", "8").id


def test_a_change_after_a_closing_bracket_is_of_the_figure_before_the_bracket(doc_of):
    # 广州 2026 layout (corpus c088 p114): the last change speaks of the 701.34, not of the 370.34
    text = ("七、“三公”经费\n\n公务用车购置及运行维护费701.34万元（公务用车购置费331万元，比上年增加59.15万元；"
            "公务用车运行维护费370.34万元，比上年增加7.64万元。）比上年增加66.79万元，增长10.5%。\n")
    cs = claims_of(doc_of, text)
    change = find(cs, "change", "66.79")
    assert by_id(cs)[change.related["current"]].value == Decimal("701.34")
    assert by_id(cs)[find(cs, "change", "7.64").related["current"]].value == Decimal("370.34")


def test_a_sources_carried_over_part_is_not_the_source(doc_of):
    cs = claims_of(doc_of, "二、收入预算总体情况\n\n本年一般公共预算收入1942.11万元；上年结转结余的一般公共预算收入0万元；"
                           "上年结转结余的单位资金5.00万元。\n")
    assert find(cs, "amount", "1942.11").refers_to == Ref("income", "total", "general_budget")
    assert find(cs, "amount", "0").refers_to == Ref("income", "total", "carryover.general_budget")
    assert find(cs, "amount", "5.00").refers_to == Ref("income", "total", "carryover.unit_funds")


def test_money_used_for_something_inside_an_item_names_no_cell(doc_of):
    cs = claims_of(doc_of, "七、“三公”经费预算情况\n\n因公出国(境)费86.47万元，主要原因是将用于支付因公出国(境)工作的"
                           "国内服务费3.2万元由委托业务费调整为因公出国(境)经费。\n")
    assert find(cs, "amount", "86.47").refers_to == Ref("three_public", "total", "abroad")
    assert find(cs, "amount", "3.2").refers_to is None


def test_classes_under_a_project_spending_heading_are_its_project_part(doc_of):
    text = ("四、一般公共预算支出情况\n\n（二）项目支出：2026年本单位项目支出预算270.00万元，其中：教育支出270.00万元。\n\n"
            "公共安全支出40.00万元，主要用于装备购置。\n\n（三）其他说明：一般公共服务支出12.00万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "40.00").refers_to == Ref("general_expenditure", "204", "project")
    assert find(cs, "amount", "12.00").refers_to == Ref("general_expenditure", "201", "total")


def test_a_change_is_of_the_amount_with_its_own_words_not_the_last_listed(doc_of):
    cs = claims_of(doc_of, "一、收支预算总体情况\n\n2025年本单位收入预算68632.12万元，其中，一般公共预算拨款68632.12万元，"
                           "事业收入0.00万元。收入较去年减少1316.82万元，下降1.88%。\n")
    change = find(cs, "change", "1316.82")
    assert change.related["current"] == next(c.id for c in cs if c.kind == "amount" and c.subject == "收入")


def test_the_amount_after_a_compared_year_is_that_years(doc_of):
    # "比2024年年初预算数 X 减少…": X is the comparison base, not this year's figure
    text = ("二、收入预算总体情况\n\n2025年度收入预算529.26万元，比2024年年初预算数547.01万元减少17.75万元，"
            "下降3.25%。支出预算100万元，较上年80万元增加20万元。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    base = find(cs, "amount", "547.01")
    assert base.basis == "previous" and base.refers_to is None
    change = find(cs, "change", "17.75")
    assert ids[change.related["current"]].value == Decimal("529.26") and change.related["previous"] == base.id
    assert find(cs, "amount", "80").basis == "previous"
    # the document's own year compared with is no earlier year
    same_year = claims_of(doc_of, "二、收入预算总体情况\n\n收入预算529.26万元，比2025年年初预算数增加1万元。\n")
    assert find(same_year, "amount", "529.26").basis == "current"


def test_a_change_after_a_list_joined_by_dun_is_of_the_lists_whole(doc_of):
    text = ("二、收入预算总体情况\n\n本部门当年预算收入344.70万元，其中：一般公共预算拨款324.60万元、"
            "上年结转13.10万元、其他收入7.00万元，较上年减少129.40万元，下降27.31%。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    assert ids[find(cs, "change", "129.40").related["current"]].value == Decimal("344.70")
    assert ids[find(cs, "rate", "27.31").related["current"]].value == Decimal("344.70")
    # a change right after a part, in a list run with ",", stays the part's
    own = claims_of(doc_of, "三、支出预算总体情况\n\n支出合计100万元，其中：基本支出60万元，比上年增加5万元，"
                            "项目支出40万元。\n")
    assert by_id(own)[find(own, "change", "5").related["current"]].value == Decimal("60")


def test_a_change_opening_the_sentence_after_a_list_is_of_the_lists_whole(doc_of):
    text = ("四、项目支出情况\n\n5.综合管理367.65万元，主要包括：行政运行85.04万元，用于后勤保障等；"
            "员额经费126.14万元，用于发放工资等。较2024年年初预算减少52.44万元，减幅12.5%。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    assert ids[find(cs, "change", "52.44").related["current"]].value == Decimal("367.65")
    assert find(cs, "amount", "85.04").related["whole"] == find(cs, "amount", "367.65").id
    # numbered parts are each spoken of on their own: the change is of the last one
    numbered = ("四、项目支出情况\n\n(五)项目支出500.00万元，具体包括：1.应急管理专项40.00万元，"
                "主要用于设备采购等。较2024年年初预算增加40万元，增幅100.0%。\n")
    ns = claims_of(doc_of, numbered)
    assert by_id(ns)[find(ns, "change", "40").related["current"]].value == Decimal("40.00")


def test_a_list_printed_twice_adds_no_parts(doc_of):
    text = ("八、国有资产占用情况\n\n计划购置车辆9辆、162万元，报废更新，其中：使用财政拨款购置车辆8辆，144万元、"
            "使用单位资金购置车辆1辆，18万元报废更新，其中：使用财政拨款购置车辆8辆，144万元、"
            "使用单位资金购置车辆1辆，18万元。\n")
    cs = claims_of(doc_of, text)
    eights = [c for c in cs if c.kind == "count" and c.value == Decimal(8)]
    assert eights[0].related.get("whole") == find(cs, "count", "9").id
    assert "whole" not in eights[1].related


def test_a_figure_naming_nothing_is_of_the_title_before_its_colon(doc_of):
    text = "七、“三公”经费预算情况说明\n\n（一）因公出国(境)费：2025年预算数20.00万元，主要用于出访。\n"
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "20.00").refers_to == Ref("three_public", "total", "abroad")


def test_a_figure_naming_nothing_is_of_the_heading_over_it(doc_of):
    text = "七、“三公”经费预算情况说明\n\n（三）公务接待费\n\n2025年预算数1.27万元，主要用于公务接待活动。\n"
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "1.27").refers_to == Ref("three_public", "total", "reception")
    # a heading that is a sentence names no subject
    long = claims_of(doc_of, "七、“三公”经费预算情况说明\n\n2025年预算数1.27万元。\n")
    assert find(long, "amount", "1.27").refers_to is None


def test_a_part_heading_that_names_a_section_gives_its_topic(doc_of):
    text = ("第五部分 财政拨款“三公”经费预算情况\n\n2025年财政拨款“三公”经费预算256.10万元。\n\n"
            "1.因公出国(境)费用。2025年预算数220.00万元，较2024年年初预算增加15万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "256.10").refers_to == Ref("three_public", "total", "total")
    assert find(cs, "amount", "220.00").refers_to == Ref("three_public", "total", "abroad")


def test_a_figure_measured_another_way_is_not_the_printed_one(doc_of):
    text = ("七、“三公”经费预算情况说明\n\n因公出国(境)费108.60万元，增加的主要原因是因公出国费按批复额度89.60万元"
            "纳入部门预算。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "108.60").refers_to == Ref("three_public", "total", "abroad")
    assert find(cs, "amount", "89.60").refers_to is None


def test_last_years_figure_is_tied_to_this_years(doc_of):
    cs = claims_of(doc_of, "一、收支预算总体情况\n\n(9)其他收入25,335万元，与上年相比增加25,335万元(去年预算数为0万元，无法计算增减比率)。\n")
    last, now = find(cs, "amount", "0"), find(cs, "amount", "25335")
    assert last.basis == "previous" and last.related["current"] == now.id
    assert find(cs, "change", "25335").related["previous"] == last.id
    before = claims_of(doc_of, "三、支出预算总体情况\n\n本年支出100万元，上年支出80万元，增加20万元。\n")
    assert find(before, "amount", "80").related["current"] == find(before, "amount", "100").id


def test_a_colon_after_an_amount_opens_its_parts(doc_of):
    text = ("九、政府采购情况\n\n所属各预算单位政府采购预算总额6,546.82万元：政府采购货物预算1,267.79万元、"
            "政府采购工程预算465.53万元、政府采购服务预算4,813.5万元。\n")
    cs = claims_of(doc_of, text)
    total = find(cs, "amount", "6546.82")
    assert all(find(cs, "amount", v).related.get("whole") == total.id for v in ("1267.79", "465.53", "4813.5"))


def test_performance_amounts_have_parts_but_counts_are_pairs(doc_of):
    text = ("十、绩效目标情况\n\n涉及一级预算项目5个，预算资金1627万元，其中财政拨款1550万元。"
            "设定绩效目标3个，其中完成3个。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "1550").related["whole"] == find(cs, "amount", "1627").id
    assert "whole" not in [c for c in cs if c.kind == "count" and c.value == 3][1].related


def test_the_bare_spending_of_a_budget_is_its_total(doc_of):
    cs = claims_of(doc_of, "三、支出预算总体情况\n\n2025年支出预算81676.15万元，比2024年年初预算数101989.82万元减少20313.67万元。\n")
    assert find(cs, "amount", "81676.15").refers_to == Ref("expenditure", "total", "total")


def test_a_list_of_items_told_what_they_are_for_runs_on_after_semicolons(doc_of):
    text = ("四、项目支出情况\n\n2.公共法律服务3,493.83万元，主要包括：组织考试工作500.00万元，用于组织考试、阅卷；"
            "律师管理工作419.35万元，用于律师培训等；普法宣传工作372.71万元，用于普法。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "3493.83")
    assert [find(cs, "amount", v).related.get("whole") for v in ("500.00", "419.35", "372.71")] == [whole.id] * 3
    # a 包括 list run with "、" still ends at ";"
    run = claims_of(doc_of, "二、收入预算总体情况\n\n收入100万元，包括财政拨款60万元、事业收入30万元；年初结转10万元。\n")
    assert "whole" not in find(run, "amount", "10").related


def _projects_table(*rows: tuple[str, str]) -> list:
    from cnbudget.document import Source
    from cnbudget.model import Column, Row, Table

    src = Source(page=20)
    return [Table("projects", "项目支出表", "万元", (Column("total", "合计"),),
                  tuple(Row(None, name, {"total": Decimal(v)}, src) for name, v in rows), src)]


def test_a_figure_named_as_a_project_of_the_projects_table_is_its_row(doc_of):
    tables = _projects_table(("示例市测绘局（本级）", "600.00"), ("测绘成果管理", "529.23"),
                             ("综合管理", "50"), ("综合管理", "20"))
    text = ("四、项目支出情况\n\n1.测绘成果管理预算529.23万元，用于成果管理。2.综合管理70万元，用于日常工作。\n")
    cs = extract_claims(doc_of(text), tables, BUDGET)
    assert find(cs, "amount", "529.23").refers_to == Ref("projects", "name:测绘成果管理", "total")
    assert find(cs, "amount", "70").refers_to is None  # printed twice: which one is not known


def test_a_bracket_after_an_amount_listing_amounts_holds_its_parts(doc_of):
    text = ("八、政府性基金预算支出情况\n\n当年拨款27600.00万元，主要是市级财政安排基建预算1.26亿元(A中心迁建4500.00万元、"
            "B中心2000.00万元、C项目6100.00万元)，同比上年安排基建预算2048.00万元(D项目940.00万元、E医院1108.00万元)。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "1.26")
    assert [find(cs, "amount", v).related.get("whole") for v in ("4500.00", "2000.00", "6100.00")] == [whole.id] * 3
    # a bracket that says something else is no list of parts
    other = claims_of(doc_of, "三、支出预算总体情况\n\n支出100万元(比上年增加10万元、增长11.1%)。\n")
    assert all("whole" not in c.related for c in other)


def test_an_amount_stated_again_is_tied_to_its_first_statement(doc_of):
    text = ("三、支出预算总体情况\n\n本部门预算 600.00 万元，包括在职人员经费 500.00 万元、专项业务费 100.00 万元。\n\n"
            "(二)专项业务费 100.00 万元，主要包括水电费。\n\n(三)专项业务费 90.00 万元。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "600.00")
    assert whole.refers_to == Ref("expenditure", "total", "total")  # the department's own budget
    first, again = [c for c in cs if c.kind == "amount" and c.value == Decimal("100.00")]
    assert first.related["whole"] == whole.id and again.related["same"] == first.id
    assert not find(cs, "amount", "90.00").related  # another value is another statement


def test_a_see_table_note_is_no_subject(doc_of):
    cs = claims_of(doc_of, "三、支出预算总体情况\n\n(详见表 1-3)2025 年支出预算 404.23 万元。\n")
    assert find(cs, "amount", "404.23").refers_to == Ref("expenditure", "total", "total")


def test_the_money_a_performance_statement_covers_is_the_spending_it_names(doc_of):
    text = ("十、预算绩效管理情况\n\n2025年示例市测绘局所有项目支出预算纳入部门预算绩效管理，涉及预算资金 570.99 万元，"
            "设置并编报 16 个项目绩效目标。本单位整体支出纳入绩效目标管理，涉及预算资金 600.00 万元；"
            "本单位共 35 个项目纳入绩效目标管理，涉及财政性资金合计 500.00 万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "570.99").refers_to == Ref("expenditure", "total", "project")
    assert find(cs, "amount", "600.00").refers_to == Ref("expenditure", "total", "total")
    assert find(cs, "amount", "500.00").refers_to is None  # the projects' 财政性资金: not the spending's scope


def test_a_units_subtotal_row_of_the_projects_table_is_no_project(doc_of):
    tables = _projects_table(("示例市测绘院", "300.00"), ("测绘成果管理", "200.00"), ("地图编制", "100.00"))
    text = "四、项目支出情况\n\n示例市测绘院预算 450.00 万元。测绘成果管理 200.00 万元。\n"
    cs = extract_claims(doc_of(text), tables, BUDGET)
    assert find(cs, "amount", "450.00").refers_to is None
    assert find(cs, "amount", "200.00").refers_to == Ref("projects", "name:测绘成果管理", "total")


def test_one_item_stated_twice_with_two_values_is_neither_the_row(doc_of):
    text = ("五、一般公共预算支出情况说明\n\n(2)公用经费：培训支出(2050803)2万元，较上年增加2万元；"
            "(3)专项业务经费：培训支出(2050803)107.6万元，较上年增加107.6万元。\n")
    functions_doc = doc_of(text)
    from cnbudget.document import Source
    from cnbudget.model import Column, Row, Table

    src = Source(page=9)
    table = Table("general_expenditure", "一般公共预算支出表", "万元", (Column("total", "合计"),),
                  (Row("2050803", "培训支出", {"total": Decimal("109.6")}, src),), src)
    cs = extract_claims(functions_doc, [table], BUDGET)
    assert all(c.refers_to is None for c in cs if c.subject.startswith("培训支出"))


# -- the reasons of a change, read as the document lists them ---------------------------------


def _reasons(cs: list[Claim], value: str) -> list[tuple[Decimal, int | None]]:
    ids = by_id(cs)
    change = find(cs, "change", value)
    keys = sorted((k for k in change.related if k.startswith("component_")), key=lambda k: int(k.split("_")[1]))
    return [(ids[change.related[k]].value, ids[change.related[k]].direction) for k in keys]


def _unsigned(cs: list[Claim], value: str) -> bool:
    return any(k.startswith("unsigned_reason") for k in find(cs, "change", value).related)


def _passage(body: str) -> str:
    return "一、支出预算情况说明\n\n" + body + "\n"


def test_reasons_end_where_an_amount_with_its_own_change_begins(doc_of):
    cs = claims_of(doc_of, _passage(
        "公务用车购置费144.00万元，较上年减少108.00万元，主要原因是报废更新车辆较上年减少6辆；"
        "公务用车运行维护费325.20万元，比上年增加0.80万元。"))
    assert _reasons(cs, "108.00") == [(Decimal("6"), -1)] and not _unsigned(cs, "108.00")  # 辆, not 0.80
    cs = claims_of(doc_of, _passage(
        "办公经费60万元，比上年增加21.79万元，主要原因是：标准提高，其中办公经费增加5.41万元，福利费增加12万元，"
        "其他办公经费增加4.38万元；培训中心公用经费60.57万元，比上年减少5万元，主要原因是人员减少。"))
    assert _reasons(cs, "21.79") == [(Decimal("5.41"), 1), (Decimal("12"), 1), (Decimal("4.38"), 1)]


def test_reasons_compared_with_last_year_are_still_reasons(doc_of):
    # a reason may say "较上年": only an amount stated before it makes it a statement of its own
    cs = claims_of(doc_of, _passage("支出比上年减少30万元，主要原因是：项目资金较上年减少10万元；人员经费较上年减少5万元。"))
    assert _reasons(cs, "30") == [(Decimal("10"), -1), (Decimal("5"), -1)]


def test_next_numbered_item_is_no_reason(doc_of):
    cs = claims_of(doc_of, _passage(
        "支出1000万元，其中：(1)档案馆905.97万元，较上年增加82.76万元，原因是新建馆库；"
        "(2)培训支出92.08万元，较上年增加0.11万元；(3)进修45.24万元，较上年减少89.82万元。"))
    assert _reasons(cs, "82.76") == []
    # reasons numbered in a style of their own are reasons
    cs = claims_of(doc_of, _passage("(1)支出比上年增加30万元，原因是：1.项目资金增加10万元；2.人员经费增加5万元。"))
    assert _reasons(cs, "30") == [(Decimal("10"), 1), (Decimal("5"), 1)]


def test_parts_of_a_reason_are_no_further_reasons(doc_of):
    cs = claims_of(doc_of, _passage("社会科学研究支出比上年增加56万元，原因是专项业务费增加56万元，其中维修项目增加50万元。"))
    assert _reasons(cs, "56") == [(Decimal("56"), 1)]
    cs = claims_of(doc_of, _passage(
        "支出比上年增加100万元。主要原因是：人员经费减少10万元(其中：本级增加2万元，中心减少12万元)，"
        "专项资金增加120万元(均为本级增加，其中：科技专项增加100万元，人才专项增加20万元)。"))
    assert _reasons(cs, "100") == [(Decimal("10"), -1), (Decimal("120"), 1)]


def test_reason_stated_as_a_bare_amount_has_no_sign(doc_of):
    cs = claims_of(doc_of, _passage(
        "资本性补助60万元，较上年增加40万元，原因是2024年度办公设备购置预算20万元，2025年维修项目增加50万元，"
        "购置电脑增加10万元。"))
    assert _unsigned(cs, "40")
    cs = claims_of(doc_of, _passage("会议费58.46万元，比上年增加27.84万元；主要原因是本级会议费增加9.11万元，中心增加20.62万元。"))
    assert not _unsigned(cs, "27.84") and _reasons(cs, "27.84") == [(Decimal("9.11"), 1), (Decimal("20.62"), 1)]


def test_reason_named_without_its_figure(doc_of):
    cs = claims_of(doc_of, _passage(
        "财政拨款支出比上年减少178341.83万元。主要原因是本年度实验室未安排预算、载体项目预算减少4.1亿元"
        "及专项资金预算减少1.7亿元。"))
    assert "unquantified_reason" in find(cs, "change", "178341.83").related
    # a cause without money ("人员增加") is no reason of its own figure: the list is still summed
    cs = claims_of(doc_of, _passage("商品和服务支出较上年增加654.20万元，原因是人员增加，日常公用经费增加36.33万元，"
                                    "专项业务费增加612.10万元。"))
    assert "unquantified_reason" not in find(cs, "change", "654.20").related


def test_a_percent_bracketed_right_after_a_change_is_its_rate(doc_of):
    # "较上年增加5.00万元(83.33%)": the bracket holds the change's rate (a share would say 占)
    text = ("六、“三公”经费预算情况说明\n\n“三公”经费预算支出6.00万元，较上年增加5.00万元(83.33%)。"
            "会议费预算支出2.00万元，较上年减少0.8万元（40%）。基本支出100万元(占50%)。项目支出50万元(25%)。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    rise, fall = find(cs, "rate", "83.33"), find(cs, "rate", "40")
    assert rise.direction == 1 and ids[rise.related["change"]].value == Decimal("5.00")
    assert ids[rise.related["current"]].value == Decimal("6.00")
    assert fall.direction == -1 and ids[fall.related["change"]].value == Decimal("0.8")
    # a bracketed percent after an amount (not a change) stays a share
    assert find(cs, "share", "50").kind == "share" and find(cs, "share", "25").kind == "share"


def test_a_breakdown_opening_its_own_passage_is_of_the_figure_it_names(doc_of):
    # 2.按支出用途分类，包括…：the shares are of the 支出 stated in the section's first passage
    text = ("三、支出预算情况说明\n\n2025年支出预算99,230.46万元，比上年增加7,331.92万元。\n\n"
            "1.按支出功能分类，包括一般公共服务支出12,868.19万元、公共安全支出86,362.27万元。\n\n"
            "2.按支出用途分类，包括人员支出58,486.35万元，占59.0%；项目支出28,506.17万元，占28.7%。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    share = find(cs, "share", "59.0")
    assert ids[share.related["whole"]].value == Decimal("99230.46")
    assert ids[find(cs, "share", "28.7").related["whole"]].value == Decimal("99230.46")
    # a breakdown that names no quantity of the section (按经济分类) is of nothing stated
    cs = claims_of(doc_of, text.replace("按支出用途分类", "按经济分类"))
    assert "whole" not in find(cs, "share", "59.0").related


def test_spending_listed_as_basic_and_project_is_the_expenditure_tables_total(doc_of):
    # corpus c175 p29: under a section on the whole budget, "支出预算 … 其中：基本支出 …，项目支出 …"
    text = ("一、预算收支增减变化情况说明\n\n（二）支出预算：2026年支出预算11,380.57万元，其中：基本支出6,015.67万元，"
            "项目支出5,364.9万元。\n")
    cs = claims_of(doc_of, text)
    assert [(c.value, c.refers_to) for c in cs] == [
        (Decimal("11380.57"), Ref("expenditure", "total", "total")),
        (Decimal("6015.67"), Ref("expenditure", "total", "basic")),
        (Decimal("5364.9"), Ref("expenditure", "total", "project")),
    ]


def test_fiscal_spending_listed_as_basic_and_project_keeps_its_own_table(doc_of):
    text = ("一、预算收支增减变化情况说明\n\n2026年一般公共预算财政拨款支出900.00万元，其中：基本支出600.00万元，"
            "项目支出300.00万元。\n")
    assert all(c.refers_to is None or c.refers_to.table != "expenditure" for c in claims_of(doc_of, text))


# -- a budget's bare whole, tied where the summary carries nothing over ------------------------


def _summary_table(kind: str = "summary", carryover: str | None = "0.00", carry_out: str | None = None,
                   current: str = "600.00", grand: str = "600.00") -> Table:

    src = Source(page=12)
    rows = [Row(None, "本年收入合计", {"total": Decimal(current)}, src, side="income", item="current_total"),
            Row(None, "收入总计", {"total": Decimal(grand)}, src, side="income", item="grand_total"),
            Row(None, "本年支出合计", {"total": Decimal(grand)}, src, side="expenditure", item="current_total"),
            Row(None, "支出总计", {"total": Decimal(grand)}, src, side="expenditure", item="grand_total")]
    if carryover is not None:
        rows.append(Row(None, "上年结转", {"total": Decimal(carryover)} if carryover else {}, src,
                        side="income", item="carryover"))
    if carry_out is not None:
        rows.append(Row(None, "结转下年", {"total": Decimal(carry_out)}, src, side="expenditure", item="carryover_out"))
    return Table(kind, "收支总表", "万元", (Column("total", "金额"),), tuple(rows), src)


def test_a_bare_budget_total_is_the_summary_total_where_nothing_is_carried_over(doc_of):
    text = "一、收支预算总体情况\n\n示例市测绘局2025年收入预算600.00万元，支出预算600.00万元。\n"
    for table in (_summary_table(), _summary_table(carryover=""), _summary_table(carryover=None)):
        income, spending = [c for c in extract_claims(doc_of(text), [table], BUDGET) if c.kind == "amount"]
        assert income.refers_to == Ref("summary", "grand_total", "total", side="income")
        assert spending.refers_to == Ref("summary", "grand_total", "total", side="expenditure")
    # 上年结转 of 50: "收入" may be the 本年 total or the 总计 — not told; the spending side carries nothing out
    carried = _summary_table(carryover="50.00", current="550.00")
    income, spending = [c for c in extract_claims(doc_of(text), [carried], BUDGET) if c.kind == "amount"]
    assert income.refers_to is None
    assert spending.refers_to == Ref("summary", "grand_total", "total", side="expenditure")
    carried_out = _summary_table(carryover="50.00", current="550.00", carry_out="20.00")
    assert all(c.refers_to is None for c in extract_claims(doc_of(text), [carried_out], BUDGET))
    # two summary tables (one a unit) or no table: nothing tied
    assert all(c.refers_to is None for c in extract_claims(doc_of(text), [_summary_table(), _summary_table()], BUDGET))
    assert all(c.refers_to is None for c in extract_claims(doc_of(text), [], BUDGET))


def test_a_units_bare_total_in_a_department_document_is_not_the_departments(doc_of):
    from dataclasses import replace

    text = "一、收支预算总体情况\n\n示例市测绘院(本级)2025年收入预算300.00万元。\n"
    consolidated = replace(BUDGET, scope="consolidated")
    assert all(c.refers_to is None for c in extract_claims(doc_of(text), [_summary_table()], consolidated))


def test_this_years_grant_is_the_table_total_where_nothing_is_carried_over(doc_of):
    text = ("五、一般公共预算支出情况说明\n\n2025年一般公共预算当年拨款600.00万元。\n\n"
            "二、财政拨款收支预算总体情况\n\n本部门当年财政拨款收入600.00万元。\n")
    grant, income = extract_claims(doc_of(text), [_summary_table("fiscal_summary")], BUDGET)
    assert grant.refers_to == Ref("general_expenditure", "total", "total")
    assert income.refers_to == Ref("fiscal_summary", "current_total", "total", side="income")
    carried = _summary_table("fiscal_summary", carryover="50.00", current="550.00")
    assert all(c.refers_to is None for c in extract_claims(doc_of(text), [carried], BUDGET))


# -- lists of parts: numbered parts after a part's reasons, lists that follow one another -----


def test_numbered_parts_go_on_after_the_reasons_of_a_part(doc_of):
    text = ("五、一般公共预算支出情况说明\n\n本部门当年一般公共预算支出100.00万元，其中：(1)工资福利支出(301)60.00万元，"
            "较上年减少5.00万元，主要原因是：人员减少；(2)商品和服务支出(302)30.00万元，较上年增加2.00万元，"
            "主要原因是：业务增加；(3)资本性支出(310)10.00万元。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "100.00")
    assert [find(cs, "amount", v).related.get("whole") for v in ("60.00", "30.00", "10.00")] == [whole.id] * 3
    # parts named with their codes, not numbered
    text = ("五、一般公共预算支出情况说明\n\n本部门当年一般公共预算支出100.00万元，其中：工资福利支出(301)60.00万元，"
            "较上年减少5.00万元，原因是人员减少；商品和服务支出(302)40.00万元，较上年增加2.00万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "40.00").related.get("whole") == find(cs, "amount", "100.00").id


def test_numbered_parts_go_on_in_the_passages_after(doc_of):
    # 西安 2022 (corpus c158 p6-7): each item of the list a paragraph of its own
    head = ("五、一般公共预算支出情况说明\n\n本部门当年一般公共预算支出100.00万元，其中：(1)行政运行(2013301)60.00万元，"
            "较上年增加5.00万元，主要原因是人员增加。(2)一般行政管理事务(2013302)30.00万元，较上年减少2.00万元。\n\n")
    cs = claims_of(doc_of, head + "(3)住房公积金(2210201)10.00万元，较上年增加1.00万元。\n")
    assert find(cs, "amount", "10.00").related.get("whole") == find(cs, "amount", "100.00").id
    # the tail of the last item's reasons may open the next passage
    cs = claims_of(doc_of, head.replace("减少2.00万元。", "减少2.00万元，主要") + "原因是人员减少；(3)住房公积金(2210201)10.00万元。\n")
    assert find(cs, "amount", "10.00").related.get("whole") == find(cs, "amount", "100.00").id
    # not an item of another number, nor one after a heading
    cs = claims_of(doc_of, head + "(1)住房公积金(2210201)10.00万元。\n")
    assert "whole" not in find(cs, "amount", "10.00").related
    cs = claims_of(doc_of, head + "六、其他说明\n\n(3)住房公积金(2210201)10.00万元。\n")
    assert "whole" not in find(cs, "amount", "10.00").related


def test_an_item_after_the_reasons_numbered_otherwise_is_no_part(doc_of):
    # the part is numbered "(1)", the statement after the reasons "2." — the next item of an outer list
    text = ("五、一般公共预算支出情况说明\n\n1.基本支出100.00万元，其中：(1)人员经费60.00万元，较上年减少5.00万元，"
            "主要原因是：人员减少；2.项目支出30.00万元。\n")
    cs = claims_of(doc_of, text)
    assert "whole" not in find(cs, "amount", "30.00").related
    # a part with no code and no number: its reasons end the list
    text = ("五、一般公共预算支出情况说明\n\n支出100.00万元，其中：工资福利支出60.00万元，较上年减少5.00万元，"
            "原因是人员减少；商品和服务支出40.00万元。\n")
    cs = claims_of(doc_of, text)
    assert "whole" not in find(cs, "amount", "40.00").related


def test_lists_that_follow_one_another_keep_all_their_parts(doc_of):
    text = ("十、政府采购预算情况\n\n政府采购预算总额700.00万元：政府采购货物预算400.00万元、政府采购工程预算100.00万元、"
            "政府采购服务预算200.00万元；其中一般公共预算拨款政府采购500.00万元：货物预算300.00万元、工程预算50.00万元、"
            "服务预算150.00万元。\n")
    cs = claims_of(doc_of, text)
    total, general = find(cs, "amount", "700.00"), find(cs, "amount", "500.00")
    assert [find(cs, "amount", v).related.get("whole") for v in ("400.00", "100.00", "200.00")] == [total.id] * 3
    assert [find(cs, "amount", v).related.get("whole") for v in ("300.00", "50.00", "150.00")] == [general.id] * 3


def test_the_last_list_of_a_sentence_runs_with_its_commas(doc_of):
    # "其中 A，包括 a1、a2；B": the inner list's parts run with "、" up to its ";"
    text = ("三、支出预算总体情况\n\n支出100.00万元，其中：基本支出60.00万元，包括人员经费40.00万元、公用经费20.00万元；"
            "项目支出40.00万元。\n")
    cs = claims_of(doc_of, text)
    basic = find(cs, "amount", "60.00")
    assert [find(cs, "amount", v).related.get("whole") for v in ("40.00", "20.00")][1] == basic.id
    # parts run on with ";": where the inner list ends is not printed — its first part only
    text = text.replace("40.00万元、公用", "40.00万元；公用")
    assert "whole" not in find(claims_of(doc_of, text), "amount", "20.00").related


def test_described_parts_of_the_last_list_of_a_sentence_are_all_its_parts(doc_of):
    text = ("一、示例市测绘局(本级)\n\n(五)项目支出 900.00 万元，具体包括：\n\n1.测绘管理 600.00 万元，主要包括：成果管理 "
            "400.00 万元，用于成果汇交、成果保密等工作；地图编制 200.00 万元，用于编制地图。\n")
    cs = claims_of(doc_of, text)
    head = find(cs, "amount", "600.00")
    assert [find(cs, "amount", v).related.get("whole") for v in ("400.00", "200.00")] == [head.id] * 2


def test_a_list_in_brackets_after_a_part_returns_to_the_list_around_it(doc_of):
    text = ("五、其他重要事项\n\n“三公”经费预算数为 45.00 万元，其中，公务接待费 5.00 万元，公务用车购置及运行费 "
            "30.00 万元(其中，公务用车购置费 10.00 万元，公务用车运行费 20.00 万元)，因公出国(境)费 10.00 万元。\n")
    cs = claims_of(doc_of, text)
    total, vehicles = find(cs, "amount", "45.00"), find(cs, "amount", "30.00")
    assert [find(cs, "amount", v).related.get("whole") for v in ("5.00", "30.00")] == [total.id] * 2
    assert [c.related.get("whole") for c in cs if c.kind == "amount" and c.value == Decimal("10.00")] == [
        vehicles.id, total.id]
    assert find(cs, "amount", "20.00").related["whole"] == vehicles.id


def test_a_fiscal_section_names_each_funds_spending_table(doc_of):
    text = ("三、财政拨款情况说明\n\n2025年一般公共预算财政拨款支出300.00万元，比上年减少5.00万元。"
            "2025年政府性基金预算支出40.00万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "300.00").refers_to == Ref("general_expenditure", "total", "total")
    assert find(cs, "amount", "40.00").refers_to == Ref("gov_fund", "total", "total")
    # its income may count the carry-over in: tied only where the fiscal summary carries nothing over
    text = "三、财政拨款情况说明\n\n2025年一般公共预算财政拨款收入300.00万元。\n"
    assert extract_claims(doc_of(text), [], BUDGET)[0].refers_to is None
    income = extract_claims(doc_of(text), [_summary_table("fiscal_summary")], BUDGET)[0]
    assert income.refers_to == Ref("fiscal_summary", "general_budget", "total", side="income")


def test_the_projects_under_performance_management_are_the_project_spending(doc_of):
    text = ("五、其他重要事项\n\n2025年本部门所有项目支出均实行绩效目标管理，涉及资金 90.00 万元。"
            "2025年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款80.00万元。"
            "其他运转类项目和特定目标类项目均实行绩效目标管理，涉及资金 70.00 万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "90.00").refers_to == Ref("expenditure", "total", "project")
    assert find(cs, "amount", "80.00").refers_to == Ref("general_expenditure", "total", "project")
    assert find(cs, "amount", "70.00").refers_to is None  # all funds' projects, or the general budget's?
    # money named with no spending put under management: no cell
    cs = claims_of(doc_of, "五、其他重要事项\n\n拟开展重点绩效评价，涉及资金 90.00 万元。\n")
    assert find(cs, "amount", "90.00").refers_to is None


def test_a_section_of_other_matters_names_the_section_its_figure_is_of(doc_of):
    cs = claims_of(doc_of, "五、其他重要事项\n\n2025年本部门政府采购预算总额 46.00 万元。委托业务费预算总额 8.00 万元。\n")
    assert find(cs, "amount", "46.00").refers_to == Ref("procurement", "total", "total")
    assert find(cs, "amount", "8.00").refers_to is None


def test_the_unit_a_unit_document_is_of_names_its_whole_budget(doc_of):
    from dataclasses import replace

    text = "一、示例市测绘局(本级)\n\n示例市测绘局(本级)预算 600.00 万元，包括在职人员经费 500.00 万元、公用经费 100.00 万元。\n"
    unit = extract_claims(doc_of(text), [_summary_table()], replace(BUDGET, scope="unit"))
    assert find(unit, "amount", "600.00").refers_to == Ref("summary", "grand_total", "total", side="expenditure")
    consolidated = extract_claims(doc_of(text), [_summary_table()], replace(BUDGET, scope="consolidated"))
    assert find(consolidated, "amount", "600.00").refers_to is None


def test_a_budgets_spending_by_use_is_the_columns_of_its_basic_spending(doc_of):
    text = ("三、支出预算总体情况\n\n2.按支出用途分类，包括人员支出 50.00 万元，占50%；日常公用支出 20.00 万元，占20%；"
            "项目支出 30.00 万元，占30%。\n\n六、一般公共预算基本支出情况说明\n\n基本支出 70.00 万元，其中：人员支出 "
            "50.00 万元；日常公用支出 20.00 万元。\n")
    cs = [c for c in claims_of(doc_of, text) if c.kind == "amount"]
    assert [c.refers_to.column for c in cs[:3]] == ["personnel", "public", "project"]
    assert [(c.refers_to.table, c.refers_to.column) for c in cs[4:]] == [
        ("basic_expenditure", "personnel"), ("basic_expenditure", "public")]
    # a final account's expenditure table prints no such columns: no cell
    assert claims_of(doc_of, text.split("\n\n六")[0], FINAL)[0].refers_to is None


def test_full_performance_coverage_names_each_funds_spending(doc_of):
    text = ("十、预算绩效管理情况\n\n本部门绩效目标管理全覆盖，涉及当年一般公共预算拨款300.00万元，政府性基金预算拨款0万元，"
            "国有资本经营预算拨款0万元。\n")
    cs = extract_claims(doc_of(text), [_summary_table("fiscal_summary")], BUDGET)
    assert [c.refers_to.table for c in cs] == ["general_expenditure", "gov_fund", "state_capital"]
    # this year's (当年) grant with a carry-over: the table's total may count it in
    carried = _summary_table("fiscal_summary", carryover="50.00", current="550.00")
    assert extract_claims(doc_of(text), [carried], BUDGET)[0].refers_to is None
    # no coverage said: the money of some statement, no table's
    text = "十、预算绩效管理情况\n\n拟开展重点绩效评价，涉及一般公共预算拨款30.00万元。\n"
    assert extract_claims(doc_of(text), [_summary_table("fiscal_summary")], BUDGET)[0].refers_to is None


def test_a_reason_stated_as_a_bare_amount_names_the_change_it_explains(doc_of):
    cs = claims_of(doc_of, _passage(
        "政府性基金预算收入 380.00 万元，较上年增加 380.00 万元，主要原因包括：1.下达转移支付资金 300.00 万元；"
        "2.结转资金 80.00 万元。"))
    change = find(cs, "change", "380.00")
    assert [find(cs, "amount", v).related.get("reason_of") for v in ("300.00", "80.00")] == [change.id] * 2
    # the figures of the next statement, after the reasons ended, explain nothing
    cs = claims_of(doc_of, _passage(
        "会议费10万元，比上年增加2万元，原因是会议增加；培训费20万元，比上年减少1万元。"))
    assert "reason_of" not in find(cs, "amount", "20").related


def test_the_uses_stated_right_after_an_amount_are_its_parts(doc_of):
    text = ("五、一般公共预算支出情况说明\n\n(4)其他财政事务支出 100.00 万元，主要用于会计管理等支出 60.00 万元；"
            "评审经费支出 30.00 万元；票据管理经费支出 10.00 万元。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "100.00")
    assert [find(cs, "amount", v).related.get("whole") for v in ("60.00", "30.00", "10.00")] == [whole.id] * 3
    # uses after a change are the change's, not parts of the amount before it
    cs = claims_of(doc_of, "五、一般公共预算支出情况说明\n\n支出 100.00 万元，比上年增加 20.00 万元，主要用于设备购置 15.00 万元。\n")
    assert "whole" not in find(cs, "amount", "15.00").related


def test_a_list_within_a_described_part_of_a_described_list_keeps_its_first_part_only(doc_of):
    # "主要包括：A，用于…；B，其中C，用于…；D，用于…": D is the outer list's part, not B's
    text = ("四、项目支出情况\n\n8.公安行政管理 900.00 万元，主要包括：经常性业务费 600.00 万元，用于党建工作等；"
            "履职工作经费 200.00 万元，其中结转结余 50.00 万元，用于安保；勤务辅警业务费 100.00 万元，用于勤务。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "50.00").related["whole"] == find(cs, "amount", "200.00").id
    assert find(cs, "amount", "100.00").related.get("whole") != find(cs, "amount", "200.00").id
    # …also when the outer list has but one part so far
    text = ("四、项目支出情况\n\n12.政务信息化项目 400.00 万元，主要包括：大数据平台运行维护 300.00 万元，其中结转结余 "
            "50.00 万元，用于保障平台运维服务；系统线路租用费 100.00 万元，用于网络线路租用。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "100.00").related.get("whole") != find(cs, "amount", "300.00").id


def test_a_passage_opening_with_its_parts_has_their_whole_in_the_passage_before(doc_of):
    # corpus c115 p6: the total in one paragraph, "其中：A x，占a%；…" the next
    text = ("一、收入预算情况说明\n\n2026年收入预算665,964.37万元，比上年减少12.00万元。\n\n"
            "其中：一般公共预算拨款收入414,883.38万元，占62.3%；事业收入9,680.97万元，占1.4%。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    assert ids[find(cs, "share", "1.4").related["whole"]].value == Decimal("665964.37")
    # the amount stated first, not the change after it; and no whole across sections
    other = text.replace("\n\n其中", "\n\n二、支出预算情况说明\n\n其中")
    assert "whole" not in find(claims_of(doc_of, other), "share", "1.4").related


def test_shares_under_a_structure_heading_are_of_the_figure_it_names(doc_of):
    # corpus c115 p7: the total, a heading "2.…结构情况。", then "A x万元，占a%；…"
    text = ("五、一般公共预算当年拨款情况说明\n\n1.一般公共预算当年拨款规模变化情况。\n\n"
            "2026年一般公共预算当年拨款432,564.30万元，比上年执行数减少83261.53万元。\n\n"
            "2.一般公共预算当年拨款结构情况。\n\n"
            "一般公共服务（类）支出6,701.98万元，占1.6%；教育（类）支出22,262.08万元，占5.1%。\n")
    cs = claims_of(doc_of, text)
    ids = by_id(cs)
    assert ids[find(cs, "share", "1.6").related["whole"]].value == Decimal("432564.30")
    # items printed one a paragraph, with no heading naming their whole, take none from before
    plain = text.replace("2.一般公共预算当年拨款结构情况。\n\n", "")
    assert "whole" not in find(claims_of(doc_of, plain), "share", "1.6").related
    # a heading naming another figure gives none
    other = text.replace("2.一般公共预算当年拨款结构情况", "2.政府性基金预算支出结构情况")
    assert "whole" not in find(claims_of(doc_of, other), "share", "1.6").related


def test_the_parts_listed_of_the_years_spending_are_the_expenditure_tables_columns(doc_of):
    # 烟台 2026 (corpus c175 p29): "（二）支出预算：2026年支出预算11,380.57万元，其中：基本支出6,015.67万元，
    # 项目支出5,364.9万元" in the summary's section — the parts of the whole spending it names
    text = ("一、收支预算总体情况\n\n（二）支出预算：2025年支出总计320.50万元，其中：基本支出200.50万元，项目支出120.00万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "amount", "320.50").refers_to == Ref("summary", "grand_total", "total", side="expenditure")
    assert find(cs, "amount", "200.50").refers_to == Ref("expenditure", "total", "basic")
    assert find(cs, "amount", "120.00").refers_to == Ref("expenditure", "total", "project")
    # parts of a whole of another scope keep no cell of the 支出表
    other = claims_of(doc_of, "一、收支预算总体情况\n\n一般公共预算拨款支出300.00万元，其中：基本支出200.00万元，项目支出100.00万元。\n")
    assert find(other, "amount", "200.00").refers_to != Ref("expenditure", "total", "basic")


def test_a_class_named_with_the_word_kemu_is_the_class():
    from cnbudget.narrative.subjects import clean_subject

    # 上海: "1.“教育支出”科目23,689万元" — the subject is the class 教育支出
    assert clean_subject("1.“教育支出”科目")[0] == "教育支出"
    assert clean_subject("“社会保障和就业支出”科目")[0] == "社会保障和就业支出"


def _economic_table(title: str) -> Table:
    src = Source("示例.txt", page=20)
    rows = (Row(None, "合计", {"total": Decimal("100.00")}, src, item="total"),
            Row("301", "工资福利支出", {"total": Decimal("60.00")}, src),
            Row("302", "商品和服务支出", {"total": Decimal("40.00")}, src))
    return Table("economic_summary", title, "万元", (Column("total", "合计"),), rows, src)


# 西安 2022 (corpus c164 p29-30): the classes of the general budget's spending, one paragraph each
_ECONOMIC_TEXT = ("五、一般公共预算支出情况说明\n\n(1)本部门一般公共预算支出100.00万元，比上年增加10.00万元。按部门预算"
                  "支出经济分类，其中：\n\n①工资福利支出（301）60.00万元，较上年减少3.00万元，原因是人员减少。\n\n"
                  "②商品和服务支出（302）40.00万元，较上年增加13.00万元。\n")


def test_economic_classes_listed_with_their_codes_are_rows_of_the_general_budgets_economic_table(doc_of):
    table = _economic_table("一般公共预算支出明细表（按经济分类科目分）")
    cs = extract_claims(doc_of(_ECONOMIC_TEXT), [table], BUDGET)
    whole = find(cs, "amount", "100.00")
    # "按…经济分类，其中：" opens the list of the figure the sentence before states, and the next
    # paragraph's class, coded after the last one, goes on with it
    assert [find(cs, "amount", v).related.get("whole") for v in ("60.00", "40.00")] == [whole.id] * 2
    assert find(cs, "amount", "60.00").refers_to == Ref("economic_summary", "301", "total")
    assert find(cs, "amount", "40.00").refers_to == Ref("economic_summary", "302", "total")


def test_economic_classes_bind_to_no_table_of_another_scope_or_code(doc_of):
    # a table of all funds, or of 基本支出 only, is not the general budget's spending
    for title in ("部门支出经济分类汇总表", "一般公共预算基本支出明细表（按经济分类科目）"):
        cs = extract_claims(doc_of(_ECONOMIC_TEXT), [_economic_table(title)], BUDGET)
        assert find(cs, "amount", "60.00").refers_to is None
    # a name that is not its code's (商品和服务支出 is 302, not 301)
    text = _ECONOMIC_TEXT.replace("工资福利支出（301）", "商品和服务支出（301）")
    cs = extract_claims(doc_of(text), [_economic_table("一般公共预算支出明细表（按经济分类科目分）")], BUDGET)
    assert find(cs, "amount", "60.00").refers_to is None
    # a class of the other catalog after a 3xx list does not go on with it
    text = _ECONOMIC_TEXT.replace("商品和服务支出（302）", "机关商品和服务支出（502）")
    cs = extract_claims(doc_of(text), [_economic_table("一般公共预算支出明细表（按经济分类科目分）")], BUDGET)
    assert "whole" not in find(cs, "amount", "40.00").related


def test_a_change_after_the_semicolon_that_ends_a_list_is_the_wholes(doc_of):
    # 西安 2022 (corpus c164 p20): parts run with "，", the ";" ends them
    text = ("一、收支预算总体情况\n\n2025年本部门预算收入100.00万元，其中：一般公共预算拨款收入90.00万元，"
            "上年实户资金余额10.00万元；比2024年增加30.00万元。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "100.00")
    # "上年实户资金余额" is this year's income of last year's leftovers, a part like "上年结转"
    assert find(cs, "amount", "10.00").basis == "current"
    assert find(cs, "amount", "10.00").related.get("whole") == whole.id
    assert find(cs, "change", "30.00").related.get("current") == whole.id
    # a change after the "，" of its part is that part's
    cs = claims_of(doc_of, text.replace("余额10.00万元；", "余额10.00万元，"))
    assert find(cs, "change", "30.00").related.get("current") == find(cs, "amount", "10.00").id


def test_a_list_of_its_own_ends_the_one_carried_from_the_passage_before(doc_of):
    # 西安 2022 (corpus c154 p27-28): the 部门 list ends its paragraph open; the next paragraph opens
    # the 政府 list, whose items go on after each one's reasons
    text = ("五、一般公共预算支出情况说明\n\n本部门当年一般公共预算支出100.00万元，其中：工资福利支出（301）60.00万元，"
            "较上年减少5.00万元，原因是人员减少；商品和服务支出（302）40.00万元。\n\n"
            "本部门当年一般公共预算支出100.00万元，其中：机关工资福利支出（501）70.00万元，较上年减少5.00万元，"
            "原因是人员减少；机关商品和服务支出（502）30.00万元，较上年增加1.00万元。\n")
    cs = claims_of(doc_of, text)
    second = [c for c in cs if c.kind == "amount" and c.value == Decimal("100.00")][1]
    assert [find(cs, "amount", v).related.get("whole") for v in ("70.00", "30.00")] == [second.id] * 2


def test_a_change_after_a_list_whose_whole_has_its_own_is_the_last_parts(doc_of):
    # 重庆 2026 (corpus c083 p3): the whole's change is stated with it; each part has its own
    text = ("三、财政拨款情况说明\n\n2025年一般公共预算财政拨款支出100.00万元，比2024年增加3.00万元。其中：基本支出40.00万元，"
            "主要用于保障人员工资，比2024年减少5.00万元；项目支出60.00万元，主要用于创新平台等。比2024年增加8.00万元。\n")
    cs = claims_of(doc_of, text)
    assert find(cs, "change", "8.00").related.get("current") == find(cs, "amount", "60.00").id
    # with no change of its own, the change after the list is the whole's
    cs = claims_of(doc_of, text.replace("，比2024年增加3.00万元。其中", "。其中").replace("，比2024年减少5.00万元", ""))
    assert find(cs, "change", "8.00").related.get("current") == find(cs, "amount", "100.00").id


def test_a_list_whose_items_say_what_they_are_for_runs_on_past_semicolons(doc_of):
    # 广州 2026 (corpus c070 p9): the second item says no 用于, the list still runs to its third
    text = ("八、项目支出情况\n\n全民健身及体育竞赛管理预算3,441.94万元，主要包括体育竞赛3,017万元，主要用于体育竞赛管理；"
            "省运会赛事团部经费350万元；群众体育管理工作75万元，根据全民健身管理工作有关要求，用于群众体育管理。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "3441.94")
    assert all(find(cs, "amount", v).related.get("whole") == whole.id for v in ("3017", "350", "75"))


def test_what_a_part_is_for_is_no_reason_that_closes_its_list(doc_of):
    # 深圳 2026 (corpus c073 p20): "主要是为…" tells what 水库运行管理 is for; no change is explained
    text = ("八、项目支出情况\n\n水务工程运行与维护2,847.87万元，主要包括：编外人员1,001.41万元，用于支付劳务派遣人员劳务费；"
            "综合管理与后勤保障393.28万元，用于单位履行职能；水库运行管理642.34万元，主要是为发挥2座中型水库的供水功能，"
            "用于开展日常运行管理；泵站运行管理531.34万元，主要是为保障泵站机组正常稳定运行，用于开展日常运行管理；"
            "管线运行管理279.50万元，主要是为完成年度引水调度计划，用于开展日常运行管理。\n")
    cs = claims_of(doc_of, text)
    whole = find(cs, "amount", "2847.87")
    assert all(find(cs, "amount", v).related.get("whole") == whole.id
               for v in ("1001.41", "393.28", "642.34", "531.34", "279.50"))
