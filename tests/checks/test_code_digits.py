"""code.narrative_digits: a class code in the text with a number of digits no code has."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "三、一般公共预算支出情况说明\n\n"


def test_a_six_digit_code_after_a_class_name():
    # 西安 2022 (corpus c157 p16): 行政单位医疗 is 2101101
    f = run(W(HEAD + "(4)行政单位医疗(210101)44.93万元，较上年增加17.94万元。\n", year=2022), "code.narrative_digits")
    assert texts(f) == [("code.narrative_digits", "error")]
    assert "2101101" in f[0].message


@pytest.mark.parametrize("sentence", [
    "(4)行政单位医疗(2101101)44.93万元。",  # a 项 code: 7 digits
    "商品和服务支出(302)268.85万元。",  # an economic 类
    "开展全国人口普查(2026)相关工作。",  # a year after a title
    "西安市国资委本级(271001)预算1.00万元。",  # a unit's code after its name
])
def test_codes_of_their_length_years_and_unit_codes_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n", year=2022), "code.narrative_digits")
