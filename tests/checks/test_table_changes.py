"""claim.table_change: a stated change against the change its table prints on the same row."""

from __future__ import annotations

import pytest

from tests.checks.conftest import T, W, run, texts

HEAD = "六、“三公”经费预算情况说明\n\n"


def _three_public(before: str = "679592.50", now: str = "165500.00", change: str | None = "-514092.50"):
    cols = "previous.meeting meeting" + (" change.meeting" if change is not None else "")
    row = ("total", before, now, *([change] if change is not None else []))
    return (T("three_public", cols, row, unit="元"),)


def test_a_change_that_is_not_the_tables():
    # 西安 2022 (corpus c154 p30): 679,592.50 → 165,500.00 元 is a fall of 51.41 万元, printed 51.42
    text = HEAD + "2022年本部门当年一般公共预算会议费预算支出16.55万元，较上年减少51.42万元，下降75.65%。\n"
    f = run(W(text, year=2022, tables=_three_public()), "claim.table_change")
    assert texts(f) == [("claim.table_change", "error")] and "51.41" in f[0].message


@pytest.mark.parametrize("change", ["51.41", "51.40"])
def test_the_tables_change_or_that_of_the_two_rounded_figures_is_clean(change):
    # 51.41 = round(679,592.50 − 165,500 元); 67.96 − 16.55 = 51.41 too; 51.40 is neither
    text = HEAD + f"2022年本部门当年一般公共预算会议费预算支出16.55万元，较上年减少{change}万元。\n"
    found = run(W(text, year=2022, tables=_three_public()), "claim.table_change")
    assert bool(found) == (change == "51.40")


def test_rounded_years_explain_a_change_one_unit_off():
    # 1,731.554 − 805.915 = 925.639 (925.64), but the text prints 1,731.55 and 805.92: 925.63
    tables = _three_public(before="17315540.00", now="8059150.00", change=None)
    text = HEAD + "本部门当年一般公共预算会议费预算支出805.92万元，较上年减少{}万元。\n"
    assert not run(W(text.format("925.63"), year=2022, tables=tables), "claim.table_change")
    assert not run(W(text.format("925.64"), year=2022, tables=tables), "claim.table_change")
    assert run(W(text.format("925.65"), year=2022, tables=tables), "claim.table_change")


@pytest.mark.parametrize("sentence", [
    "本部门当年一般公共预算会议费预算支出16.55万元，较上年执行数减少40.00万元。",  # another base
    "本部门当年一般公共预算会议费预算支出16.55万元，与上年基本持平。",              # a judgment, no figure
])
def test_another_base_or_no_figure_is_not_weighed(sentence):
    assert not run(W(HEAD + sentence + "\n", year=2022, tables=_three_public()), "claim.table_change")


def test_a_rate_its_sentence_gives_but_its_table_does_not():
    # 西安 2022 (corpus c164 p35): a rate within what the sentence's printed digits allow, that
    # neither the table's figures (306,200 → 584,600 元: 90.92 %) nor the two rounded figures give
    tables = _three_public(before="306200.00", now="584600.00", change="278400.00")
    text = HEAD + "2022年会议费预算58.46万元，比2021年增加27.84万元，增幅{}%。\n"
    f = run(W(text.format("90.88"), year=2022, tables=tables), "claim.table_rate")
    assert texts(f) == [("claim.table_rate", "error")] and "90.92" in f[0].message
    assert not run(W(text.format("90.92"), year=2022, tables=tables), "claim.table_rate")
    # a rate its own sentence does not give is claim.rate's, not this rule's
    assert not run(W(text.format("47.62"), year=2022, tables=tables), "claim.table_rate")


def test_a_gap_beyond_a_slip_is_another_base_and_a_flipped_change_is_a_slip():
    # real_07 (西安 2020): 较上年降低38.17万元 (56.57 %, its own figures agreeing) where the table's last
    # year gives 37.27: another last-year figure, a matter of scope; 增加 for the table's fall is a slip
    text = HEAD + "2022年本部门当年一般公共预算会议费预算支出16.55万元，较上年{}万元。\n"
    assert not run(W(text.format("减少60.00"), year=2022, tables=_three_public()), "claim.table_change")
    f = run(W(text.format("增加51.41"), year=2022, tables=_three_public()), "claim.table_change")
    assert texts(f) == [("claim.table_change", "error")]
