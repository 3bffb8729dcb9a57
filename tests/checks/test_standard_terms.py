"""wording.misspelt_term: a standard term printed a character off, or with characters swapped."""

from __future__ import annotations

import pytest

from cnbudget.checks.standard_terms import TERMS, misspellings
from tests.checks.conftest import T, W, run, texts

HEAD = "一、名词解释\n\n"


@pytest.mark.parametrize("text, printed, term", [
    # 长沙 2025 (corpus c132 p11, c136 p10), 杭州 (c116 p9), 福州 (c141 p5), 湖州 (c204 p40)
    ("日常维修费、专用资料及一般设备购置费、办公用房水电费", "专用资料及一般设备购置费", "专用材料及一般设备购置费"),
    ("科技成果转化为实现生产力的应用、推广和引导性支出", "转化为实现生产力", "转化为现实生产力"),
    ("（二）打好深入污染防治攻坚战", "打好深入污染防治攻坚战", "深入打好污染防治攻坚战"),
    ("2025年按照工作责职承担完成好航道相关建设项目", "按照工作责职", "按照工作职责"),
    # 西安 2019 (corpus c155 p23): a core term with two characters swapped
    ("2019年本部门一般共公预算拨款支出203091.65万元", "一般共公预算", "一般公共预算"),
    # 重庆 2026 (corpus c084 p6), 福州 (c142 p7)
    ("以及构建基础设施、大型修缮和财政支持企业更新改造所发生的支出", "以及构建基础设施、大型修缮", "以及购建基础设施、大型修缮"),
    ("全面贯彻党的二十大和二十届历届全会精神", "二十届历届全会精神", "二十届历次全会精神"),
    # 烟台 2026 (corpus c176 p43, c179 p37): the 其他收入 definition with its words swapped
    ("其他收入，主要包括利息存款收入、事业单位固定资产出租收入等", "利息存款", "存款利息"),
    # 西安 2022 (corpus c157 p10): 劵 typed for 券
    ("利用资产证劵化、股权融资等融资手段", "证劵", "证券"),
    # 深圳 2026 (corpus c074 p68), 烟台 (c173 p53): 形式 for 形势
    ("分析光明区河流严峻的污染形式和治污压力", "污染形式", "污染形势"),
    ("根据变化的市场形式开展调研", "市场形式", "市场形势"),
    # 苏州 2026 (corpus c113 p39): the 项 every class has, its two words swapped
    ("局本级委托业务费由一般行政事务管理调整至其他自然资源事务支出", "一般行政事务管理", "一般行政管理事务"),
    # a character of the same sound or shape: 福州 (c186 p48), 广州 (c090 p38), 西安 (c159 p3),
    # 深圳 (c053 p42), 上海 (c077 p5), 长沙 (c132 p6), 广州 (c092 p33), 西安 (c150 p13)
    ("收益人员满意度≥95%", "收益", "受益"),
    ("吸引市场主题举办具有影响力的消费促进活动", "市场主题", "市场主体"),
    ("推动大型骨于企业加快发展", "骨于", "骨干"),
    ("本年级计划完成不少于315台设备维护", "本年级", "本年度"),
    ("提高社保保险综合管理能力", "社保保险", "社会保险"),
    ("通过本项目的事实，落实财政补贴相关政策", "事实", "实施"),
    ("建立全面规范透明、标准科学、约束有利的预算制度", "约束有利", "约束有力"),
    ("警令部、人境支队、内保支队", "人境", "出入境"),
    ("主要原因是：公出国（境）经费未安排预算", "公出国", "因公出国"),
    ("相应的工作福利支出随之增加", "工作福利支出", "工资福利支出"),
    ("因保障不力导致得安全事故数量", "导致得", "导致的"),
    ("单独示例公务员医疗", "单独示例", "单独列示"),
    ("因此与上年不行成对比", "不行成", "不形成"),
])
def test_a_term_one_character_off_or_swapped(text, printed, term):
    assert [(p, t) for _, p, t in misspellings(text)] == [(printed, term)]


@pytest.mark.parametrize("text", [
    "专用材料及一般设备购置费、办公用房水电费、办公用房取暖费",  # as issued
    "公务用车运行维护经费20万元",  # another word: 经费, not a slip of 维护费
    "科技成果转化为实际生产力",  # a word of its own in the middle, not a swap
    "坚决打好污染防治攻坚战",  # a phrase of its own
    "一般公共预算财政拨款基本支出、项目支出，政府性基金、国有资本经营预算",  # the core terms as printed
    "加快构建基础设施体系，完成大型修缮工程",  # 构建 of its own, not the definition's words
    "深入学习贯彻二十届三中全会精神和二十届四中全会精神",  # one plenum named, not 历次
    "创新市场形式多样的服务，当前经济形势严峻",  # a form of its own; 形势 as printed
    # the words the slips are made from, where they mean what they say
    "投资收益增加，受益人员满意度达95%，开展市场主题宣传活动",
    "为孤儿、事实无人抚养儿童提供养育，查明事实",
    "因公出国（境）费0万元，出入境管理支队，取得安全、高效的效果",
    "工资福利支出（301），运行成本下降，推进行成本控制",
    "一般行政管理事务（项）支出，机关事务管理局",
])
def test_standard_wording_and_other_words_are_left_alone(text):
    assert list(misspellings(text)) == []


def test_every_term_is_long_enough_to_be_no_common_word():
    assert all(len(t) >= 6 for t in TERMS)


def test_the_rule_quotes_the_misprint_and_the_term():
    f = run(W(HEAD + "机关运行经费包括日常维修费、专用资料及一般设备购置费、办公用房水电费等。\n"), "wording.misspelt_term")
    assert texts(f) == [("wording.misspelt_term", "info")]
    assert "专用资料及一般设备购置费" in f[0].message and "专用材料及一般设备购置费" in f[0].message


def test_a_class_name_marked_with_its_level_one_character_off_the_catalog():
    from cnbudget.checks.standard_terms import catalog_slips

    # 湖州 2026 (corpus c205 p9): "技术研究与开发（款）科技成果转换与扩散（项）" for 转化
    text = "技术研究与开发(款)科技成果转换与扩散(项)275.06万元，主要用于成果推广。"
    assert [(p, n) for _, p, n in catalog_slips(text)] == [("科技成果转换与扩散", "科技成果转化与扩散")]
    # the catalog's own names, an older edition's name, and a run that is no name are left alone
    assert list(catalog_slips("技术研究与开发(款)科技成果转化与扩散(项)275.06万元。")) == []
    assert list(catalog_slips("主要用于开展技术研究与开发(款)。")) == []
    f = run(W(HEAD + text + "\n"), "wording.misspelt_class_name")
    assert texts(f) == [("wording.misspelt_class_name", "info")] and "科技成果转化与扩散" in f[0].message


def test_a_class_name_marked_with_its_level_one_short_of_the_name_its_tables_print():
    from cnbudget.checks.standard_terms import catalog_slips

    # 湖州 2026 (corpus c205 p23): a 政府性基金 item the catalog does not list; 表08 prints it whole
    right = "其他地方自行试点项目收益专项债券收入安排的支出"
    text = "其他地方自行试点项目收益专项债券收安排的支出(项):反映地方自行试点项目收益专项债券收入安排的其他支出。"
    assert list(catalog_slips(text)) == []  # the catalog alone cannot tell
    assert [(p, n) for _, p, n in catalog_slips(text, lambda: frozenset({right}))] == [(right.replace("收入", "收"), right)]
    assert list(catalog_slips(right + "(项):反映…。", lambda: frozenset({right}))) == []
    tables = (T("gov_fund", "total", ("2296099", "10.00"), names={"2296099": right}),)
    f = run(W(HEAD + text + "\n", tables=tables), "wording.misspelt_class_name")
    assert texts(f) == [("wording.misspelt_class_name", "info")] and right in f[0].message


def test_a_class_name_cited_with_its_code_one_character_off():
    # 西安 2022 (corpus c164 p23): 2060404 is 科技成果转化与扩散
    f = run(W(HEAD + "（6）科技成果转化扩散（2060404）120.00万元。\n", year=2022), "wording.misspelt_class_name")
    assert texts(f) == [("wording.misspelt_class_name", "info")] and "科技成果转化与扩散" in f[0].message
    for ok in ("（6）科技成果转化与扩散（2060404）120.00万元。", "主要用于行政运行（2010101）120.00万元。"):
        assert not run(W(HEAD + ok + "\n", year=2022), "wording.misspelt_class_name")


# -- wording.class_name_vs_table: the text names a class otherwise than the document's tables ----

NAME_RULE = "wording.class_name_vs_table"


def named(sentence: str, code: str, table_name: str):
    tables = (T("expenditure", "total", (code, "30.00"), names={code: table_name}),
              T("general_expenditure", "total", (code, "30.00"), names={code: table_name}))
    return run(W(HEAD + sentence + "\n", year=2026, tables=tables), NAME_RULE)


def test_a_class_named_in_the_text_otherwise_than_its_tables_print_its_code():
    # the text keeps the older name of 2100410, the tables print the later edition's
    f = named("（5）卫生健康支出（类）公共卫生（款）突发公共卫生事件应急处理（项）30.00万元，主要用于应急演练。",
              "2100410", "突发公共卫生事件应急处置")
    assert texts(f) == [(NAME_RULE, "info")] and "突发公共卫生事件应急处置" in f[0].message
    # a 款 whose tables print it one word shorter, in every table alike
    f = named("（二）工业和信息产业监管（款）：反映用于工业和信息产业监管方面的支出。", "21505", "工业和信息产业")
    assert texts(f) == [(NAME_RULE, "info")] and "21505" in f[0].message


@pytest.mark.parametrize("sentence,code,table_name", [
    # the same name, 支出 and spaces aside
    ("（5）突发公共卫生事件应急处理（项）30.00万元。", "2100410", "突发公共卫生事件应急处理支出"),
    # a code the tables do not print: nothing to compare with
    ("（5）突发公共卫生事件应急处理（项）30.00万元。", "2100409", "重大公共卫生服务"),
    # a name of many codes (行政运行): its code is not known from the name
    ("（5）行政运行（项）30.00万元。", "2010101", "行政运行支出"),
])
def test_a_class_named_as_its_tables_print_it_or_not_printed_there(sentence, code, table_name):
    assert not named(sentence, code, table_name)


def test_a_class_name_cut_by_a_page_break_is_whole():
    # 济南-style heading (corpus c121 p37–38): "…养老支出（款）机" ends a page, "关事业单位职业年金缴费支出（项）"
    # opens the next — one name, not a name one character short
    cut = "九、社会保障和就业支出(类)行政事业单位养老支出(款)机\n关事业单位职业年金缴费支出(项)1,200.00万元。\n"
    assert not run(W(HEAD + cut), "wording.misspelt_class_name")
    # printed short inside one text, or after a text that does not end with the missing character
    short = "九、社会保障和就业支出(类)行政事业单位养老支出(款)关事业单位职业年金缴费支出(项)1,200.00万元。\n"
    assert texts(run(W(HEAD + short), "wording.misspelt_class_name")) == [("wording.misspelt_class_name", "info")]
    other = "九、社会保障和就业支出(类)行政事业单位养老支出(款)\n关事业单位职业年金缴费支出(项)1,200.00万元。\n"
    assert texts(run(W(HEAD + other), "wording.misspelt_class_name")) == [("wording.misspelt_class_name", "info")]
