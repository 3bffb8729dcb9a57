"""wording.heading_vs_contents: headings against the document's own 目录."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cnbudget.document import Source
from cnbudget.model import Section
from tests.checks.conftest import D, run, texts

CONTENTS = ("第一部分 部门概况", "一、部门主要职责及机构设置", "第三部分 其他说明情况",
            "六、部门预算“三公”经费等情况说明")


def with_contents(*headings: str):
    d = D(sections=headings)
    return replace(d, contents=tuple(Section(t, Source(page=1)) for t in CONTENTS))


def test_a_heading_with_its_entrys_characters_rearranged():
    # 西安 2022 (corpus c157 p18): the 目录 names 第三部分 其他说明情况
    f = run(with_contents("第一部分 部门概况", "第三部分 说明情其他况"), "wording.heading_vs_contents")
    assert texts(f) == [("wording.heading_vs_contents", "info")] and "字序颠倒" in f[0].message


def test_a_heading_with_one_character_replaced():
    f = run(with_contents("一、部门主要职责及机构设直"), "wording.heading_vs_contents")
    assert texts(f) == [("wording.heading_vs_contents", "info")] and "错一字" in f[0].message


@pytest.mark.parametrize("heading", [
    "第三部分 其他说明情况",  # as listed (spaces aside)
    "六、部门预算“三公”经费等预算情况说明",  # words added: simply different
    "二、部门主要职责及机构设置",  # another number: another section
    "一、单位主要职责及机构设置",  # two characters differ: another wording
    "第一部分  部门概况",
])
def test_listed_or_simply_different_headings_are_clean(heading):
    assert not run(with_contents(heading), "wording.heading_vs_contents")


def test_no_contents_no_finding():
    assert not run(D(sections=("第三部分 说明情其他况",)), "wording.heading_vs_contents")
