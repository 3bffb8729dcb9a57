"""``--against``: only last year's document of the same department, kind and scope."""

from __future__ import annotations

from cnbudget.checks.against import mismatch, same_department
from cnbudget.model import Meta

THIS = Meta(department="安阳市医疗保障局", year=2024, kind="budget", scope="unit")


def test_the_year_before_of_the_same_department_is_comparable():
    assert mismatch(THIS, Meta(department="安阳市医疗保障局（本级）", year=2023, kind="budget", scope="unit")) is None
    assert same_department("安阳市医疗保障局", "安阳市 医疗保障局")


def test_each_mismatch_is_named():
    assert "部门不同" in mismatch(THIS, Meta(department="濮阳市医疗保障局", year=2023, kind="budget"))
    assert "应为上一年 2023 年" in mismatch(THIS, Meta(department="安阳市医疗保障局", year=2022, kind="budget"))
    assert "本年为预算，对比文件为决算" in mismatch(THIS, Meta(department="安阳市医疗保障局", year=2023, kind="final"))
    assert "范围不同" in mismatch(THIS, Meta(department="安阳市医疗保障局", year=2023, kind="budget",
                                         scope="consolidated"))
    assert "未能识别部门" in mismatch(THIS, Meta(year=2023, kind="budget"))
