"""wording.placeholder, wording.drafting_note, wording.empty_reason, wording.obsolete_name."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget.checks.wording import PLACEHOLDER_FIGURE_RE, PLACEHOLDER_NAME_RE
from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, W, run, texts

HEAD = "一、收入支出预算总体情况说明\n\n"


@pytest.mark.parametrize("sentence", [
    "XX局2024年收入总计320.50万元。",
    "××单位2024年支出总计320.50万元。",
    "2024年收入总计x,xxx万元。",
    "收入比上年增加（减少）12.40万元。",
    "支出比上年下降（增长）3.72%。",
    "支出比上年增长（下降）3.72%。",
    "主要原因：【请填写变动原因】。",
])
def test_placeholders_left_in_are_errors(sentence):
    f = run(W(HEAD + sentence + "\n"), "wording.placeholder")
    assert texts(f) == [("wording.placeholder", "error")]
    assert f[0].text == sentence.replace("，", ",").replace("（", "(").replace("）", ")").replace("：", ":")
    assert f[0].source.line == 3 and f[0].message.startswith("第3行：")


@pytest.mark.parametrize("sentence", [
    "示例市测绘局2024年收入总计320.50万元，比上年减少12.40万元。",
    "采购X光机1台，CT设备更新。",  # a letter in a name is no placeholder
    "收入增加、减少的原因见下文。",
    "2024年3月印发的《XX条例》已废止。".replace("XX", "测绘"),
])
def test_filled_in_text_is_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.placeholder")


def test_drafting_note_left_in():
    # 福州 2026 (corpus c173 p35)
    s = "2026年本部门委托业务费财政拨款预算为2,196.52万元，比上年预算（注：上年3,468.18万元，公开时请删除注释）减少1271.66万元。"
    f = run(W(HEAD + s + "\n", year=2026), "wording.drafting_note")
    assert texts(f) == [("wording.drafting_note", "error")]
    assert "公开时请删除" in f[0].message and "3,468.18" in f[0].text
    assert not run(W(HEAD + "备注：上年结转资金统一在表12反映。\n"), "wording.drafting_note")


@pytest.mark.parametrize("sentence,word", [
    ("收入比上年减少12.40万元，主要原因是。", "主要原因"),
    ("烟台市商务局部门预算包括：。", "包括"),  # corpus c177 p10
    ("支出增加5万元，原因：；项目支出减少3万元。", "原因"),
    ("比上年减少2.7万元，下降9.88％。主要原因是其中：1. 因公出国（境）费5万元。", "原因"),  # c186 p30
])
def test_empty_reason_or_list(sentence, word):
    f = run(W(HEAD + sentence + "\n"), "wording.empty_reason")
    assert texts(f) == [("wording.empty_reason", "error")]
    assert f"“{word}”" in f[0].message


@pytest.mark.parametrize("sentence", [
    "收入比上年减少12.40万元，主要原因是压缩开支。",
    "具体情况如下。",  # the list follows on the next lines
    "分析了收入增长的原因。",
    "主要原因：",
    "主要原因是压缩会议费，其中：会议费减少2万元。",
])
def test_reasons_given_or_following_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.empty_reason")


def test_obsolete_class_name_after_its_rename():
    s = "医疗卫生与计划生育支出120.00万元，文化体育与传媒支出10.00万元。"
    f = run(W(HEAD + s + "\n", year=2024), "wording.obsolete_name")
    assert texts(f) == [("wording.obsolete_name", "warning")] * 2
    assert "卫生健康支出" in f[0].message and "2018" in f[0].message
    assert not run(W(HEAD + s + "\n", year=2018), "wording.obsolete_name")
    assert not run(W(HEAD + "卫生健康支出120.00万元，文化旅游体育与传媒支出10.00万元。\n"), "wording.obsolete_name")


def test_a_list_announced_then_printed_on_the_next_lines_is_not_empty():
    text = "一、部门基本情况\n\n烟台市商务局部门预算包括：。\n\n1.烟台市商务局\n\n2.烟台市会展业服务中心\n"
    assert not run(W(text), "wording.empty_reason")
    assert run(W("一、部门基本情况\n\n支出增加的主要原因是。\n"), "wording.empty_reason")


# --------------------------------------------------------------------------- stray years, counts


def test_a_year_opening_a_list_item_is_a_stray_year():
    # 泉州 2026 (corpus c166 p53)
    s = "2026年部门预算安排购置车辆31辆，其中：2026机要通讯用车1辆、应急保障用车1辆、执法执勤用车29辆。"
    f = run(W(HEAD + s + "\n"), "wording.stray_year")
    assert texts(f) == [("wording.stray_year", "warning")] and "2026" in f[0].message


@pytest.mark.parametrize("sentence", [
    "其中：2026年预算安排购置车辆1辆。",
    "其中：2026 年度一般公共预算支出100万元。",
    "其中：2026-2028年实施的项目2个。",
    "支出包括：2026元办公费、300元印刷费。",
    "2026部门预算公开。",
    "其中：2025年12月31日前购置的车辆3辆。",
    # a project named with its year (深圳 2026, corpus c067 p9): no counted item
    "用于网站运维项目、2026深圳应急管理新媒体视频矩阵运营和法规宣传工作。",
])
def test_years_with_their_words_are_no_stray_years(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.stray_year")


def test_a_list_longer_than_its_count_is_an_error():
    s = "本部门A局本级、B支队、C支队、D支队、E支队、F分局、G分局、H分局、I分局等8家行政单位的机关运行经费100万元。"
    f = run(W(HEAD + s + "\n"), "wording.count_listed")
    assert texts(f) == [("wording.count_listed", "error")] and "9" in f[0].message


def test_a_long_list_one_short_of_its_count_is_a_warning():
    # 杭州 2026 (corpus c116 p13): seven units listed, "等8家"
    s = ("2026年，本部门杭州市公安局本级、杭州市公安局交通管理支队、杭州市公安局巡特警支队、杭州市公安局监所管理支队"
         "（留置看护管理支队）、杭州市公安局刑事侦查支队、杭州市公安局交通治安分局（水上治安分局）、"
         "杭州市公安局地铁分局等8家行政单位的机关运行经费财政拨款预算46,732.12万元。")
    f = run(W(HEAD + s + "\n"), "wording.count_listed")
    assert texts(f) == [("wording.count_listed", "warning")] and "7" in f[0].message


def test_a_list_announced_whole_that_cannot_make_its_count():
    # 重庆 2026 (corpus c083 p2): "有以下机构：" lists 18 (19 with 和) and says 等21个
    s = ("示例局有以下机构：办公室、规划处、法规处、资源配置与管理处、基础研究处、高新技术处、农村科技处、"
         "宣传统战与科普处和机关党委、离退休人员工作处等12个处室。")
    f = run(W(HEAD + s + "\n"), "wording.count_listed")
    assert texts(f) == [("wording.count_listed", "warning")] and "9" in f[0].message
    # each 和 may join two: nine items, two of them with 和, can be 11 — not judged; nor examples (no 以下)
    two_joined = s.replace("农村科技处", "农村科技处和社会发展处").replace("12个", "11个")
    assert not run(W(HEAD + two_joined + "\n"), "wording.count_listed")
    assert not run(W(HEAD + s.replace("有以下机构：", "内设机构包括") + "\n"), "wording.count_listed")


def test_a_count_of_none_that_goes_on_to_list():
    # 西安 2022 (corpus c157 p13): "共有 0 个，包括:" and a table listing the one unit
    f = run(W(HEAD + "纳入本部门2022年部门预算编制范围的二级预算单位共有0个，包括：\n"), "wording.count_listed")
    assert texts(f) == [("wording.count_listed", "warning")]
    assert not run(W(HEAD + "二级预算单位共有1个，包括：示例局本级。\n"), "wording.count_listed")
    assert not run(W(HEAD + "本部门共有0个二级预算单位。\n"), "wording.count_listed")
    assert not run(W(HEAD + "本年新增车辆共10个，包括：A。\n"), "wording.count_listed")


@pytest.mark.parametrize("sentence", [
    "本部门包括A局本级、B中心等8家单位。",                      # examples of eight: 等 allows it
    "本部门包括A局本级、B中心、C中心等3家单位。",
    "下属单位包括A局、B中心、C站等三家事业单位。",
    "包括A局、B中心、C站和D所等4家单位。",                     # 和 joins the last: not judged
    "本部门所属A局（含B、C、D、E分局）、F中心等2家单位。",       # an aside is no item
    "A、B、C等3家二级单位和D、E等2家三级单位。",
    # a passage opening mid-list (the paragraph cut at a page break): its head is elsewhere
    "产监管处、口岸一处、口岸二处、规划建设处、数字口岸处、综合处等七个处室。",
])
def test_lists_that_fit_their_count_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.count_listed")


def test_a_stock_phrase_that_lost_its_first_character_after_an_amount():
    # 深圳 2026 (corpus c065 p9)
    s = "8.预算准备金20.40 万元，要用于年度预算执行中临时增加工作所需开支。"
    f = run(W(HEAD + s + "\n"), "wording.clipped_phrase")
    assert texts(f) == [("wording.clipped_phrase", "warning")] and "主要用于" in f[0].message


@pytest.mark.parametrize("sentence", [
    "9.专项工作19,800.61万元，主要用于建设公共文化设施。",
    "上述资金要用于年度预算执行中临时增加的工作。",
    "支出20.40万元，主要原因是人员增加。",
])
def test_whole_stock_phrases_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.clipped_phrase")


@pytest.mark.parametrize("sentence", [
    "2019年部门预算安排购置辆 0 辆，安排购置费0万元。",  # 西安 2019 (corpus c155 p22)
    "公务用车运行维护费15.00万元，主要是辆保险费、维修费、燃油费等。",  # 深圳 2026 (corpus c056 p14)
])
def test_a_vehicle_word_that_lost_its_che(sentence):
    f = run(W(HEAD + sentence + "\n"), "wording.clipped_phrase")
    assert texts(f) == [("wording.clipped_phrase", "warning")] and "车" in f[0].message


@pytest.mark.parametrize("sentence", [
    "共有车辆3辆，其中：执法执勤用车2辆、其他用车1辆，购置两辆。",
    "新能源汽车推广10万辆，单车补贴≤13.33万元/辆，鉴定数量(辆)。",
    "共有车辆 辆，其中机要通信用车 辆。",  # a count left blank: wording.blank_count's
])
def test_vehicles_counted_or_named_whole_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.clipped_phrase")


def test_a_figures_sentence_left_with_its_year_only():
    # 烟台 c184 p40: "（一）收入预算：2026年。（二）支出预算：2026年。" — the amounts never filled in
    for sentence in ("（一）收入预算：2026年。", "本部门支出预算：2026年。"):
        f = run(W(HEAD + sentence + "\n"), "wording.placeholder")
        assert [x.severity for x in f] == ["error"], sentence
    assert not run(W(HEAD + "预算年度：2026年。收入预算：2026年收入预算1,234.56万元。\n"), "wording.placeholder")


def test_a_question_to_the_preparer_is_a_drafting_note():
    # 深圳 template (corpus c057 p11), under the 重点项目 table
    s = "备注：涉密项目按要求不予公开。（请核实单位是否有涉密项目，若无涉密项目，则备注写“备注：无”）"
    f = run(W(HEAD + s + "\n"), "wording.drafting_note")
    assert [x.rule for x in f] == ["wording.drafting_note"] and f[0].severity == "error"
    assert "请核实单位是否" in f[0].message
    # the same facts told to the reader are no note
    assert not run(W(HEAD + "备注：无涉密项目。若无特别说明，则金额单位为万元。经核实，本单位是否存在结转资金已在表12列示。\n"),
                   "wording.drafting_note")


@given(st.text(alphabet="xX×a1,. 万元%人预", max_size=14))
def test_placeholders_are_found_where_the_look_behind_first_patterns_find_them(text):
    # the rule's patterns open with the x (scanned fast); "not after a letter or digit" first
    # is what they stand for
    x = "[xX×]"
    name = re.compile(rf"(?<![A-Za-z0-9]){x}{{2,}}(?![A-Za-z0-9])")
    figure = re.compile(rf"(?<![A-Za-z0-9]){x}+(?:[,.]{x}+)*\s*(?:亿元|万元|元|%|个|人|辆|台)")
    for plain, fast in ((name, PLACEHOLDER_NAME_RE), (figure, PLACEHOLDER_FIGURE_RE)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_count_left_blank_among_printed_counts():
    # 烟台 template (corpus c187 p33, c170 p36): counts of 0 left blank, or the total itself
    s = "截至2025年12月31日，本部门共有车辆辆，其中机要通信用车辆、应急保障用车辆、执法执勤用车3辆。"
    f = run(W(HEAD + s + "\n"), "wording.blank_count")
    assert [(x.rule, x.severity) for x in f] == [("wording.blank_count", "warning")]
    assert "共有车辆辆" in f[0].message and "机要通信用车辆" in f[0].message
    # "使用车辆" is a word; a sentence that prints no count has nothing left blank
    assert not run(W(HEAD + "本部门共有车辆5辆，其中执法执勤用车3辆、特种专业技术用车2辆，规范使用车辆、加强管理。\n"),
                   "wording.blank_count")
    assert not run(W(HEAD + "加强公务用车辆管理，规范使用车辆。\n"), "wording.blank_count")


def test_a_paragraph_that_stops_at_a_comma_before_a_heading():
    # 烟台 template (corpus c172 p29): the comparison with last year was left out
    text = ("三、机关运行经费情况\n\n2026年本部门机关运行经费安排533.78万元，\n\n四、委托业务费情况\n\n"
            "2026年本部门委托业务费预算为20.00万元。\n")
    f = run(W(text), "wording.unfinished_sentence")
    assert [(x.rule, x.severity) for x in f] == [("wording.unfinished_sentence", "warning")]
    assert "533.78万元," in f[0].message and "“2026年" in f[0].message
    # a paragraph broken at a page end goes on in the next passage; a list announced with ：
    fine = ("三、机关运行经费情况\n\n2026年本部门机关运行经费安排533.78万元，\n\n比上年增加3.00万元。\n\n"
            "四、部门预算编制范围\n\n二级预算单位包括：\n\n1.烟台市商务局\n")
    assert not run(W(fine), "wording.unfinished_sentence")


def _targets(*cells: str):
    """A 项目支出绩效表 whose 绩效目标 cells are ``cells`` (as the reader keeps them: not folded)."""
    rows = tuple(Row(code=None, name=f"项目{i}", values={}, source=Source(page=39), texts={"绩效目标": c})
                 for i, c in enumerate(cells))
    return D(Table(kind="performance_targets", title="项目支出绩效表", unit="万元", columns=(Column("total", "金额"),),
                   rows=rows, source=Source(page=39)))


def test_a_set_counted_with_da_against_the_items_named_before_it():
    # 杭州 2026 (corpus c115 p39): five 行动 named, "等六大行动", in a 绩效目标 cell
    f = run(_targets("紧紧围绕全市工作任务，组织开展好运管大服务、业务大培训、机制大理顺、生态大巩固、队伍大融合等六大行动，"
                     "勇当开路先锋。"), "wording.count_listed")
    assert [(x.severity, x.table, x.row, x.column) for x in f] == [("warning", "performance_targets", "项目0", "绩效目标")]
    assert "等六大行动" in f[0].message and "5" in f[0].message
    # …and in the narrative, with or without 等
    s = "通过预算投入，完成培训、备用金、维稳专项、专项工作、政务运行管理、信息化建设七大模块工作内容。"
    assert texts(run(W(HEAD + s + "\n"), "wording.count_listed")) == [("wording.count_listed", "warning")]


@pytest.mark.parametrize("cell", [
    "组织开展好运管大服务、业务大培训、机制大理顺、生态大巩固、队伍大融合等五大行动。",
    "推进产业、人才、科技三大领域协同发展。",
    # a count inside a bracket counts what the bracket lists
    "提供安保、保洁、绿化、特种设备系统运维（含消防、电梯、空调、高低压配电四大系统）、日常零星维修等服务。",
    # the list is not right before the count: "四大类" names something else
    "保障办公费、印刷费、水电费、邮电费、差旅费，支出分为四大类。",
    "完成办公费、印刷费、水电费、邮电费、差旅费支出，取得一大批成果。",
    "覆盖交通、水利、能源、通信、环保、教育第三大板块。",
])
def test_counts_with_da_that_fit_or_count_no_list_are_clean(cell):
    assert not run(_targets(cell), "wording.count_listed")


def test_a_paragraph_whose_last_sentence_has_no_full_stop_before_a_heading():
    # 烟台 2026 (corpus c174 p27): "…压减项目支出,相应的预算数额减少" and then "二、“三公”经费支出情况"
    text = ("一、收支预算情况\n\n3.收支预算减少的主要原因，根据工作安排及支出需求，压减项目支出，相应的预算数额减少\n"
            "二、“三公”经费支出情况\n\n2026年“三公”经费预算共17万元。\n")
    f = run(W(text), "wording.unfinished_sentence")
    assert [(x.rule, x.severity) for x in f] == [("wording.unfinished_sentence", "info")]
    # a note or a line of no clauses ("单位：万元") before a heading is no sentence left open
    fine = "一、收支预算情况\n\n注：以上部门预算报表中，空表表示本部门无相关收支情况\n二、“三公”经费支出情况\n\n预算共17万元。\n"
    assert not run(W(fine), "wording.unfinished_sentence")


def test_a_sentence_running_into_the_qizhong_of_the_list_below():
    # 烟台 2026 (corpus c175 p29): "…主要原因是因公出国（境）费用减少" / "其中：" on the next line, no stop
    text = ("二、“三公”经费支出情况\n\n2026年“三公”经费预算共10.9万元，比上年减少15.45万元。主要原因是因公出国（境）费用减少"
            "其中：1.因公出国（境）费0万元。\n")
    f = run(W(text), "wording.unfinished_sentence")
    assert [(x.severity, "其中" in x.message) for x in f] == [("info", True)]
    # a title run into a table's "其中：" is no sentence
    title = "一、收支预算情况\n\n示例局（本级）2026年度单位预算公开其中：基本支出2,531万元。\n"
    assert not run(W(title), "wording.unfinished_sentence")


def test_an_economic_class_named_as_before_2018():
    # 重庆 2026 (corpus c080 p7): 310 has been 资本性支出 since 2018; 其他资本性支出 is now its 款 31099
    s = "（十六）其他资本性支出（支出经济分类科目类级）：反映非本级发展与改革部门集中安排的用于购置固定资产的支出。"
    f = run(W(HEAD + s + "\n", year=2026), "wording.obsolete_name")
    assert texts(f) == [("wording.obsolete_name", "warning")]
    assert "“资本性支出”" in f[0].message and "2017" in f[0].message
    assert not run(W(HEAD + s + "\n", year=2017), "wording.obsolete_name")
    # the 款 of that name, and the 类 under its name in force, are right
    assert not run(W(HEAD + "其他资本性支出（款）12.00万元，资本性支出（支出经济分类科目类级）：反映…。\n", year=2026),
                   "wording.obsolete_name")


def test_a_government_level_left_unchosen():
    # 长沙 2026 (corpus c132 p11): the template's "省（市/县）" kept in a city's text
    f = run(W(HEAD + "“三公”经费：纳入省（市/县）财政预算管理的“三公”经费。\n"), "wording.placeholder")
    assert texts(f) == [("wording.placeholder", "error")] and "省(市/县)" in f[0].message
    for fine in ("协调域外农场所在市县（区）等工作。", "各区县（自治县）人民政府。", "为决策提供数据支撑（是/否）。"):
        assert not run(W(HEAD + fine + "\n"), "wording.placeholder")


def test_the_office_that_wrote_a_passage_left_tagged_after_it():
    # 西安 2019 (corpus c155 p18): pieces put together from the offices, one tag left in
    f = run(W(HEAD + "积极争取国家和省政府政策支持。（发展处）\n"), "wording.drafting_note")
    assert texts(f) == [("wording.drafting_note", "error")] and "发展处" in f[0].message
    for fine in ("设立经济与国防协调发展处（市经济动员办公室）。", "内设机构包括办公室（人事处）等。"):
        assert not run(W(HEAD + fine + "\n"), "wording.drafting_note")


@pytest.mark.parametrize("text", [
    # 烟台 2026 (corpus c171 p34)
    "2026年本部门机关运行经费安排210.52万元，较上年减少，原因是严格落实过紧日子要求。",
    # 北京 2026 (corpus c039 p3): "有所减少" with no figure at all
    "2026 年度收入预算 133247.98 万元，比 2025 年年初预算数有所减少。",
])
def test_a_change_stated_without_its_figure(text):
    f = run(W(HEAD + text + "\n"), "wording.change_without_amount")
    assert texts(f) == [("wording.change_without_amount", "warning")] and "减少" in f[0].message
    for fine in ("机关运行经费安排210.52万元，较上年减少12.30万元，原因是压减开支。",
                 "主要原因是新增在职人员，行政事业单位养老支出较上年增加。",
                 "主要原因是为保障业务工作，项目支出预算较上年预算有所增加。"):
        assert not run(W(HEAD + fine + "\n"), "wording.change_without_amount")


def _goals(*goals: str):
    rows = tuple(Row(code=None, name=f"项目{k}", values={}, source=Source(page=11), texts={"绩效目标": g})
                 for k, g in enumerate(goals))
    return Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "金额"),),
                 rows=rows, source=Source(page=11))


def test_a_table_text_that_stops_at_a_comma():
    # 深圳 2026 (corpus c065 p11): a 绩效目标 cut off after a comma
    t = _goals("全力打造多语种传播矩阵和我市国际传播新 IP，", "完成年度宣传任务。", "其中，", "按计划完成")
    f = run(D(t, year=2026), "wording.unfinished_sentence")
    assert [(x.row, x.severity) for x in f] == [("项目0", "warning")] and "新 IP," in f[0].message


def test_a_figure_run_into_qizhong_without_a_mark():
    # 上海 2026 (corpus c015 p16): "购置车辆0辆其中：部级领导干部用车0辆…"
    f = run(W("五、国有资产占有使用情况\n\n2026年单位预算安排购置车辆0辆其中：部级领导干部用车0辆、一般公务用车0辆。\n"),
            "wording.unfinished_sentence")
    assert texts(f) == [("wording.unfinished_sentence", "info")] and "0辆" in f[0].message
    assert not run(W("五、国有资产占有使用情况\n\n2026年单位预算安排购置车辆0辆，其中：一般公务用车0辆。\n"),
                   "wording.unfinished_sentence")


def test_a_cut_cell_is_found_wherever_it_stands():
    # the cells are sought by the comma before the break joining one to the next: the last cell too
    for goals in (("完成年度宣传任务。", "全力打造国际传播新 IP，"), ("全力打造国际传播新 IP，", "完成年度宣传任务。")):
        f = run(D(_goals(*goals), year=2026), "wording.unfinished_sentence")
        assert len(f) == 1 and "新 IP," in f[0].message


def test_a_rate_target_left_blank():
    # 烟台 2026 (corpus c186 p34): a 绩效目标 with the rate's figure left out
    f = run(D(_goals("提高基层民政经办人员专业能力考核合格率达，形成经费管理长效机制。"), year=2026), "wording.blank_target")
    assert texts(f) == [("wording.blank_target", "warning")] and "合格率达" in f[0].message
    assert not run(D(_goals("考核合格率达95%，形成长效机制。", "知晓率达到90%以上。"), year=2026), "wording.blank_target")
    f = run(W("七、绩效目标\n\n群众满意度不低于。\n", year=2026), "wording.blank_target")
    assert texts(f) == [("wording.blank_target", "warning")]
