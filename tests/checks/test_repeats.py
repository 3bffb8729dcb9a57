"""wording.doubled_phrase, wording.repeated_item_number, wording.repeated_lead_in, wording.bracket_stop."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "一、收入支出预算总体情况说明\n\n"


def one(sentence: str, rule: str):
    return run(W(HEAD + sentence + "\n"), rule)


@pytest.mark.parametrize("sentence", ["一般行政管理事务587.85万元。主要用于用于本级科技发展。",
                                      "收入100万元，其中其中财政拨款80万元。", "支出包括包括基本支出和项目支出。",
                                      # 上海 2026 (corpus c012 p6): a stock lead-in twice
                                      "“农林水支出”科目83万元，主要用于主要用于人员经费18万元。",
                                      # 深圳 2026 (corpus c074 p12)
                                      "污染源管理工作工作 1,605.10 万元。",
                                      # a two-character word twice at a clause's edge: 广州 2026 (corpus
                                      # c089 p30), 烟台 2026 (c181 p38)
                                      "为政府制定、调整价格价格，提供依据。", "为工信局日常经费作补充，保障保障工信业务正常开展。"])
def test_a_word_printed_twice_in_a_row(sentence):
    assert texts(one(sentence, "wording.doubled_phrase")) == [("wording.doubled_phrase", "info")]


@pytest.mark.parametrize("sentence", ["做好城市视频专网分网分域工作。", "接受人大、纪委监委监督。",
                                      "低空航空航天发展处负责。", "研究研究再定，主要用于办公。",
                                      "支付水质净化厂设备更换工程工程款。", "纳入本部门部门预算编制范围。",
                                      "成立防汛工作工作组，统筹工作工作量。",  # 工作|工作组, 工作|工作量
                                      # 年度预算 after a year: the year's annual budget (against 年中)
                                      "相关支出在2025年年中开始增加，如对比2025年年度预算则减少。",
                                      # a pair inside a run of words: 支出控制|控制数, 低空|航空|航天
                                      "下达基本支出控制控制数。", "设低空航空航天发展处。",
                                      "，讨论讨论，再定。", "较上年增加314.25万元万元。"])
def test_a_run_that_only_looks_doubled_is_clean(sentence):
    # "专网|分网|分域": the repeated pair is no word; 研究研究 is a verb's reduplication; a noun
    # may end a name and begin the next word (更换工程|工程款)
    assert not one(sentence, "wording.doubled_phrase")


def test_an_item_number_printed_twice():
    f = one("(一)(一)提升战略科技力量，打造高水平创新策源地。", "wording.repeated_item_number")
    assert texts(f) == [("wording.repeated_item_number", "info")] and "（一）（一）" in f[0].message
    assert not one("(一)提升战略科技力量；(二)打造创新策源地。", "wording.repeated_item_number")
    assert not one("详见1.1.1节，(1)收入；(2)支出。", "wording.repeated_item_number")


def test_a_lead_in_printed_twice():
    f = one("示例市测绘局(本级)的主要职责是：示例市测绘局的主要职责是：负责测绘工作。", "wording.repeated_lead_in")
    assert texts(f) == [("wording.repeated_lead_in", "info")]
    f = one("2026年，示例市测绘局主要任务是：2026年，示例市测绘局主要任务是：全面贯彻落实。", "wording.repeated_lead_in")
    assert texts(f) == [("wording.repeated_lead_in", "info")]
    # a numbered term of 名词解释 printed twice: the number once (corpus c136 p10)
    f = one("3.教育支出（类）职业教育（款）中专教育（项）：教育支出（类）职业教育（款）中专教育（项）：反映中专教育支出。",
            "wording.repeated_lead_in")
    assert texts(f) == [("wording.repeated_lead_in", "info")]
    assert not one("3.基本支出：指人员支出和公用支出；4.项目支出：指基本支出以外的支出。", "wording.repeated_lead_in")


@pytest.mark.parametrize("sentence", [
    "实施期资金总额：年度资金总额：100万元。",  # two different labels
    "其中：其中：",  # too short to be a pasted phrase
    "主要职责是：负责测绘工作；主要职责是：负责地理信息。",  # each lead-in has its own content
])
def test_different_or_separated_lead_ins_are_clean(sentence):
    assert not one(sentence, "wording.repeated_lead_in")


def test_a_full_stop_closing_a_bracket_within_a_sentence():
    s = "公务用车购置及运行维护费2.5万元（购置费0万元；运行维护费2.5万元，比上年减少1万元。）比上年减少1万元。"
    f = one(s, "wording.bracket_stop")
    assert texts(f) == [("wording.bracket_stop", "info")] and "。）比上年" in f[0].message


@pytest.mark.parametrize("sentence", [
    "本部门无政府性基金支出。（注：2026年没有使用政府性基金预算拨款安排的支出。）本部门无国有资本经营支出。",
    "公务用车运行维护费2.5万元（比上年减少1万元）。",
    "公务用车运行维护费2.5万元（比上年减少1万元。）",
])
def test_a_note_after_a_sentence_or_a_bracket_ending_the_text_is_clean(sentence):
    assert not one(sentence, "wording.bracket_stop")


def test_a_cover_title_joined_to_its_label_is_no_doubling():
    # 上海 (corpus c001 p1): "…市级单位预算" and "预算单位：…" are two paragraphs of the cover
    from dataclasses import replace

    from cnbudget.document import Source
    from cnbudget.model import TextBlock

    cover = TextBlock(text="上海市2026年市级单位预算预算单位:示例学院",
                      pieces=((0, Source(page=1, box=(200, 148, 640, 184))), (14, Source(page=1, box=(286, 275, 556, 293)))))
    assert not run(replace(W(""), text=(cover,)), "wording.doubled_phrase")
    # over a page break, one paragraph goes on: the doubling is typed
    wrapped = TextBlock(text="支出12万元，主要用于用于办公。",
                        pieces=((0, Source(page=3, box=(80, 700, 520, 760))), (10, Source(page=4, box=(80, 60, 520, 90)))))
    assert run(replace(W(""), text=(wrapped,)), "wording.doubled_phrase")


def test_the_departments_name_printed_twice_in_a_row():
    # 烟台 2026 (corpus c172 p30, c174 p28): "烟台市信访局烟台市信访局2026年项目支出全面实施绩效目标管理"
    f = one("示例市测绘局示例市测绘局2026年项目支出全面实施绩效目标管理。", "wording.doubled_phrase")
    assert texts(f) == [("wording.doubled_phrase", "info")] and "示例市测绘局" in f[0].message
    assert not one("示例市测绘局2026年项目支出全面实施绩效目标管理，示例市测绘局负责。", "wording.doubled_phrase")


def test_a_list_item_printed_again_as_the_next_item():
    # 无锡 2025 (corpus c126 p34 and p40): an item, and a 名词解释 entry, pasted twice
    item = "其他支出（款）支出502万元，与上年相比增加15万元，增长3.08%。主要原因是预算口径调整。"
    f = run(W(HEAD + "（六）援助其他地区支出（类）\n\n1." + item + "\n\n2." + item + "\n"), "wording.repeated_item")
    assert texts(f) == [("wording.repeated_item", "info")] and "上一项" in f[0].message
    entry = "援助其他地区支出（类）其他支出（款）：反映援助其他地区资金中除上述项目以外的其他支出。"
    assert run(W(HEAD + "十九、" + entry + "\n\n二十、" + entry + "\n"), "wording.repeated_item")


def test_list_items_alike_but_not_the_same_are_clean():
    a = "1.住房改革支出（款）住房公积金（项）支出425.9万元，主要原因是政策性调整。"
    b = "2.住房改革支出（款）提租补贴（项）支出398.79万元，主要原因是政策性调整。"
    assert not run(W(HEAD + a + "\n\n" + b + "\n"), "wording.repeated_item")
    assert not run(W(HEAD + "1.无。\n\n2.无。\n"), "wording.repeated_item")  # too short to be a paste



def test_main_said_twice_of_a_reason():
    # 西安 2019 (corpus c155 p27)
    f = run(W(HEAD + "较上年增加12万元，增加的主要原因主要是按照国家和省、市安排。\n"), "wording.doubled_phrase")
    assert texts(f) == [("wording.doubled_phrase", "info")] and "“主要”" in f[0].message
    assert not run(W(HEAD + "较上年增加12万元，变动原因主要是按照国家安排。\n"), "wording.doubled_phrase")


def test_dengdeng_going_on_into_a_word():
    # 长沙 2025 (corpus c132 p11, c136 p10): "…公杂费等等支出"
    f = run(W(HEAD + "因公出国（境）费反映国际旅费、伙食费、培训费、公杂费等等支出。\n"), "wording.doubled_phrase")
    assert texts(f) == [("wording.doubled_phrase", "info")] and "“等”" in f[0].message
    assert not run(W(HEAD + "包括办公费、印刷费、差旅费等等。\n"), "wording.doubled_phrase")


def test_two_items_of_a_list_run_on_in_one_text_numbered_alike():
    from cnbudget.model import Column, Row, Source, Table
    from tests.checks.conftest import D

    # 广州 2026 (corpus c086 p88): a 绩效目标 cell "…5.…；6.发生安全生产责任死亡事故为0；6.项目投资额…"
    cell = ("1.完成养护；2.路面评价达到B等以上；3.设施完好率95%以上；4.安全事故发生率为0；5.市民投诉次数小于5宗；"
            "6.发生安全生产责任死亡事故为0；6.项目投资额不超过项目概算4400万元。")
    rows = (Row(code=None, name="项目0", values={}, source=Source(page=88), texts={"绩效目标": cell}),)
    t = Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "总计"),), rows=rows,
              source=Source(page=88))
    f = run(D(t), "wording.repeated_item_number")
    assert [(x.severity, x.row) for x in f] == [("info", "项目0")] and "“6.”" in f[0].message
    text = "主要职责：1.负责统计工作；2.负责普查工作；2.负责数据发布。"
    assert texts(one(text, "wording.repeated_item_number")) == [("wording.repeated_item_number", "info")]
    # a list that counts on, or a figure after a stop ("。2.5万元"), is no second item
    assert not one("主要职责：1.负责统计工作；2.负责普查工作；3.负责数据发布。", "wording.repeated_item_number")
    assert not one("支出2.5万元。2.5万元用于培训。", "wording.repeated_item_number")
    # a list inside an item, opened by a colon: its last number is the outer list's next (c086 p68)
    nested = "主要目标：1.履行付费义务，包括：1.偿付建设成本；2.支付运维费用；2.保证设施处于良好状态。"
    assert not one(nested, "wording.repeated_item_number")
    # …while a number printed a third time is a slip whichever list it belongs to
    f = one(nested.replace("2.保证", "2.核算；2.保证"), "wording.repeated_item_number")
    assert texts(f) == [("wording.repeated_item_number", "info")]


@pytest.mark.parametrize("sentence", [
    # 广州 2026 (corpus c092 p33): the reason printed twice
    "公务接待费7万元，比上年增加0万元，主要原因是：无增减变化无增减变化。",
    "出台2025年度房地产房地产信用评价报告。",  # 烟台 2026 (corpus c173 p53)
])
def test_a_longer_word_printed_twice_in_a_row(sentence):
    f = one(sentence, "wording.doubled_phrase")
    assert texts(f) == [("wording.doubled_phrase", "info")]


@pytest.mark.parametrize("sentence", [
    "做好防汛抗旱工作，保障城市运行安全。",
    "主要用于防汛抗旱、防汛物资储备。",  # the same word twice, not back to back
    "目标值：保持稳定保持稳定保持稳定。",  # a list of values read into one text, not a slip
    "长效" + "保持稳定" * 12 + "90%",  # …matched as a run of six printed twice
])
def test_no_longer_word_printed_twice_in_a_row(sentence):
    assert not one(sentence, "wording.doubled_phrase")


def _target_cell(text: str):
    from cnbudget.model import Column, Row, Source, Table
    from tests.checks.conftest import D

    row = Row(code=None, name="年度目标", values={}, source=Source(page=43), texts={"c1": text})
    return D(Table(kind="performance_targets", title="项目支出绩效目标表", unit="万元", columns=(Column("total", "金额"),),
                   rows=(row,), source=Source(page=43)))


def test_a_word_printed_twice_in_a_target_cell():
    # 深圳 2026 (corpus c053 p41) and 长沙 2025 (c132 p43: the 指标值内容 cell)
    f = run(_target_cell("本年度计划本年度计划完成绩效评价报告1份。"), "wording.doubled_phrase")
    assert [(x.severity, x.table) for x in f] == [("info", "performance_targets")] and "本年度计划" in f[0].message
    assert not run(_target_cell("本年度计划完成绩效评价报告1份，本年度计划开展培训2次。"), "wording.doubled_phrase")


def test_a_finding_in_a_cell_carried_over_a_page_break_names_the_page_of_its_words():
    # 深圳 2026 (corpus c053 p40–41): a project's 绩效目标 starts on one page and goes on on the next;
    # the doubled words are on the second
    from cnbudget.model import Row, Source

    row = Row(code=None, name="促进就业管理", values={}, source=Source(page=40, printed_page="37"),
              texts={"绩效目标": "进一步健全评价制度，"})
    row = row.carried_on({"绩效目标": "提高资金使用的安全性。"}, Source(page=40))  # a line on the same page
    row = row.carried_on({"绩效目标": "本年度计划本年度计划完成绩效评价报告1份。"}, Source(page=41, printed_page="38"))
    assert row.texts["绩效目标"].endswith("报告1份。") and len(row.breaks) == 1
    doc = _target_cell("")
    table = doc.tables[0]
    from dataclasses import replace

    doc = replace(doc, tables=(replace(table, rows=(row,)),))
    f = run(doc, "wording.doubled_phrase")
    assert [x.source.page for x in f] == [41] and f[0].message.startswith("第38页")
    # words before the break stay on the row's own page
    assert row.text_source("绩效目标", 0).page == 40 and row.text_source("c1", 30).page == 40


def test_a_heading_numbered_as_the_one_before_it():
    # 深圳 2026 (corpus c053 p28-31): the units' sections 十五、十六、十六、十八 — the second 十六 is 十七
    from tests.checks.conftest import D

    units = ("十五、深圳市人才研究院", "十六、深圳鹏城技师学院", "（一）部门职责", "十六、深圳市人力资源和社会保障数据管理中心",
             "（一）部门职责", "十八、深圳市公共就业服务中心")
    f = run(D(sections=units), "wording.repeated_item_number")
    assert [(x.severity, x.source.line) for x in f] == [("info", 4)]
    assert "十六、深圳市人力资源和社会保障数据管理中心" in f[0].message and "十八、" in f[0].message
    # a list that starts again, a heading the reader missed (a skip alone), a number twice with the
    # next one in sequence: none is reported
    for titles in (("一、收入", "二、支出", "一、收入", "二、支出"), ("（一）收入", "（三）支出", "（四）三公"),
                   ("一、收入", "一、支出", "二、三公")):
        assert not run(D(sections=titles), "wording.repeated_item_number"), titles


_PROFILE = "第一部分 部门概况\n\n一、主要职责\n\n负责本市测绘工作。\n\n二、机构设置\n\n本部门设5个内设机构。\n\n"
_PART3 = "第三部分 2026年部门预算情况说明\n\n"


def test_a_first_level_heading_number_skipped_or_missing_at_a_parts_start():
    # 烟台 2026 (corpus c176 p30): the part's items （一）（二） printed under no "一、", then "二、";
    # 烟台 2026 (corpus c184 p40): "一、" then "五、", nothing between numbered 二 to 四
    text = (_PROFILE + _PART3 + "（一）收入预算：2026年收入预算1,200.00万元。\n\n（二）支出预算：2026年支出预算1,200.00万元。\n\n"
            "二、“三公”经费支出情况\n\n2026年“三公”经费预算12.00万元。\n\n三、政府采购情况\n\n2026年政府采购预算0万元。\n\n"
            "七、国有资产占用情况\n\n截至2025年10月，本局共有车辆2辆。\n")
    f = run(W(text, year=2026), "wording.skipped_heading_number")
    assert texts(f) == [("wording.skipped_heading_number", "info")] * 2
    assert "缺“一、”" in f[0].message and "(一)收入预算" in f[0].message
    assert "七、国有资产占用情况" in f[1].message and "缺“四、”、“五、”、“六、”" in f[1].message


@pytest.mark.parametrize("part3", [
    # numbering going on from the part before, or starting again at 一
    "三、收支预算总体情况\n\n收支预算1,200.00万元。\n\n四、政府采购情况\n\n政府采购预算0万元。\n",
    "一、收支预算总体情况\n\n收支预算1,200.00万元。\n\n二、政府采购情况\n\n政府采购预算0万元。\n",
    # the number left out printed on a line the reader took for running text, not a heading
    "一、收支预算总体情况\n\n收支预算1,200.00万元。\n\n二、政府采购情况：2026年政府采购预算0万元，其中货物0万元、服务0万元。\n\n"
    "三、国有资产占用情况\n\n共有车辆2辆。\n",
    # a heading printed twice in place of the next (wording.repeated_item_number's), none left out
    "一、收支预算总体情况\n\n收支预算1,200.00万元。\n\n一、政府采购情况\n\n政府采购预算0万元。\n\n三、国有资产占用情况\n\n共有车辆2辆。\n",
])
def test_first_level_headings_in_sequence_across_parts_or_a_missed_heading(part3):
    assert not run(W(_PROFILE + _PART3 + part3, year=2026), "wording.skipped_heading_number")


def test_a_glossarys_numbered_entries_are_no_outline():
    glossary = "第四部分 名词解释\n\n一、财政拨款收入\n\n指本级财政拨付的资金。\n\n六、基本支出\n\n指为保障机构正常运转的支出。\n"
    assert not run(W(_PROFILE + glossary, year=2026), "wording.skipped_heading_number")
