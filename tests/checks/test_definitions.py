"""wording.definition_of_other_item: an item's definition that is another item's;
wording.definition_verb: a definition opening with 反应 for 反映."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "名词解释\n\n"
RULES = ("wording.definition_of_other_item", "wording.definition_verb")


def found(text: str) -> list:
    """The findings of both rules on a glossary of ``text``."""
    return [f for r in RULES for f in run(W(HEAD + text + "\n"), r)]


@pytest.mark.parametrize("text,named", [
    # an item of its own defined as the 其他 item of its 款 (corpus c204 p18)
    ("24.交通运输支出（类）公路水路运输（款）公路养护（项）：指反映除上述项目以外其他用于公路水路运输方面的支出。",
     "公路养护（项）"),
    # a 其他 款 defined with the subject of a 其他 项 of another 款 (corpus c052 p17)
    ("十二、交通运输支出（类）其他交通运输支出（款）：反映除公路水路运输、铁路运输等项目以外其他用于公路水路运输方面的支出。",
     "其他交通运输支出（款）"),
])
def test_a_definition_of_another_item_is_found(text, named):
    f = found(text)
    assert texts(f) == [("wording.definition_of_other_item", "warning")]
    assert f"“{named}”" in f[0].message


@pytest.mark.parametrize("text", [
    # a 其他 item defined as its own subject's other spending
    "其他公路水路运输支出（项）：指反映除上述项目以外其他用于公路水路运输方面的支出。",
    # a name holding a short bracket of its own
    "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）："
    "反映除上述项目以外的其他政府办公厅（室）及相关机构事务支出。",
    # the subject printed with 方面 / 事务 and the name without
    "其他教育支出（款）：反映除上述项目以外其他用于教育方面的支出。",
    # an item of its own defined as itself
    "行政运行（项）：反映行政单位（包括实行公务员管理的事业单位）的基本支出。",
    # the same words in running text are no definition
    "公路养护支出主要用于除上述项目以外其他公路水路运输方面的支出。",
])
def test_a_definition_of_its_own_item_is_not_found(text):
    assert found(text) == []


def test_a_definition_opening_with_a_homophone_is_found():
    text = "十七、灾害防治及应急管理支出（类）应急管理事务（款）应急管理（项）：反应用于应急管理的法律法规制定修订等方面的支出。"
    f = found(text)
    assert texts(f) == [("wording.definition_verb", "info")]
    assert "“应急管理（项）”" in f[0].message and "反映" in f[0].message


def test_reaction_in_running_text_is_not_a_definition():
    text = "提高应急反应速度和处置能力；应急管理（项）：反映用于应急管理方面的支出。"
    assert found(text) == []
