"""Rules on the wording of the text: what a 预决算公开检查 finds by reading the 情况说明.

    wording.placeholder     a template remnant or placeholder left in the published text:
                            "XX局", "××", "x,xxx万元", "增加（减少）", "【请填写…】"
    wording.drafting_note   a drafting note left in: "（注：上年3,468.18万元，公开时请删除注释）"
    wording.empty_reason    a reason or list announced and left empty: "主要原因是。", "包括：。"
    wording.obsolete_name   a function class name no longer in force in the document's year
                            ("医疗卫生与计划生育支出" after 2018: 卫生健康支出), from ``codes``

Every finding quotes the sentence (``Finding.text``) and points at its line or page.  The text
read is ``Disclosure.text`` (headings and passages, NFKC-folded: "（" is "(", "，" is ",").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from cnbudget.checks.common import text_blocks, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.codes.catalog import FUNCTION, entries
from cnbudget.model import Disclosure, Finding

# "XX局", "××单位", "XXX万元", "x,xxx.xx万元", "X%": letters x/X/× standing for a name or a figure.
_X = "[xX×]"
PLACEHOLDER_NAME_RE = re.compile(rf"(?<![A-Za-z0-9]){_X}{{2,}}(?![A-Za-z0-9])")
PLACEHOLDER_FIGURE_RE = re.compile(
    rf"(?<![A-Za-z0-9]){_X}+(?:[,.]{_X}+)*\s*(?:亿元|万元|元|%|个|人|辆|台)"
)
# "【请填写…】", "（请根据实际情况填写）", "此处填写…".
FILL_IN_RE = re.compile(r"请(?:根据实际情况|按实际)?(?:填写|填报|补充完善|据实填列|填列|选择)|此处填写|待填写|【[^】]{0,30}】")
# "增加（减少）", "下降（增长）", "增长/下降": both ways of a template left standing.
_UP = "增加|增长|上升|提高"
_DOWN = "减少|下降|降低"
CHOICE_RE = re.compile(
    rf"(?:(?:{_UP})\s*(?:\(\s*(?:{_DOWN})\s*\)|/\s*(?:{_DOWN}))|(?:{_DOWN})\s*(?:\(\s*(?:{_UP})\s*\)|/\s*(?:{_UP})))"
)
# "（注：…公开时请删除…）", "公开前删除", "请删除此说明".
DRAFTING_NOTE_RE = re.compile(
    r"(?:公开|发布|上传|印发|正式|定稿)[时前后]?\s*(?:请|须|需|应)?\s*(?:删除|删去|去掉|去除)|请\s*(?:删除|删去)(?:此|本|该)"
)
# "主要原因是。", "主要原因：；", "包括：。", "主要用于：。" — an announcement with nothing after it.
# "具体情况如下。" before a list on the next lines is not empty: 如下, 其中 … need the colon.
EMPTY_REASON_RE = re.compile(
    r"(?P<word>主要原因|主要是|主要系|主要用于|主要包括|包括)(?:是|为|系|有)?\s*:?\s*(?=[。;])"
    r"|(?P<word2>原因|其中|具体如下|如下|分别为|分别是)(?:是|为|系)?\s*:\s*(?=[。;])"
    r"|(?P<word3>原因)(?:是|为|系)\s*(?=[。;])"
)
# Obsolete names shorter than this are common words ("文化", "扶贫"), not catalog names.
OBSOLETE_MIN_CHARS = 6


@rule(
    "wording.placeholder",
    severity="error",
    description="模板占位符或待选字样未替换（XX局、x,xxx万元、增加（减少）、请填写） — a template placeholder left in the text",
)
def placeholders(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in text_blocks(doc):
        ctx.checked()
        seen: set[int] = set()
        for rx, what in ((PLACEHOLDER_FIGURE_RE, "占位数字"), (PLACEHOLDER_NAME_RE, "占位符"),
                         (FILL_IN_RE, "填写提示"), (CHOICE_RE, "模板待选字样")):
            for m in rx.finditer(b.text):
                if any(i in seen for i in range(m.start(), m.end())):
                    continue
                seen.update(range(m.start(), m.end()))
                yield text_finding(
                    "wording.placeholder",
                    f"正文留有{what}“{m.group(0)}”，应替换为实际内容 — template placeholder left in the text",
                    b, m.start(), m.end(),
                )


@rule(
    "wording.drafting_note",
    severity="error",
    description="编制时的注释或提示未删除（公开时请删除） — a drafting note left in the published text",
)
def drafting_notes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in text_blocks(doc):
        ctx.checked()
        for m in DRAFTING_NOTE_RE.finditer(b.text):
            yield text_finding(
                "wording.drafting_note",
                f"正文留有编制时的注释（“{m.group(0)}”），公开前应删除 — drafting note left in the published text",
                b, m.start(), m.end(),
            )


_LIST_START_RE = re.compile(r"^\s*(?:\d+[.、．)]|[（(][一二三四五六七八九十\d]+[)）]|[①-⑩]|[一二三四五六七八九十]+、)")


@rule(
    "wording.empty_reason",
    severity="error",
    description="原因或列举项为空（主要原因是。/包括：。） — a reason or list announced and left empty",
)
def empty_reasons(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    blocks = list(text_blocks(doc))
    for k, b in enumerate(blocks):
        if b.heading:
            continue
        ctx.checked()
        following = blocks[k + 1].text if k + 1 < len(blocks) else ""
        for m in EMPTY_REASON_RE.finditer(b.text):
            if not b.text[m.end() + 1:].strip() and _LIST_START_RE.match(following):
                continue  # "包括：。" then the list on the next lines: a stray 。, not an empty list
            word = m.group("word") or m.group("word2") or m.group("word3")
            yield text_finding(
                "wording.empty_reason",
                f"“{word}”之后没有内容（“{b.text[m.start():m.end() + 1]}”），应写明具体"
                f"{'原因' if '原因' in word or word in ('主要是', '主要系') else '内容'} — "
                "a reason or list announced and left empty",
                b, m.start(), m.end(),
            )


# --------------------------------------------------------------------------- obsolete names


@lru_cache(maxsize=32)
def obsolete_names(year: int) -> dict[str, tuple[str, int]]:
    """Function class names no longer in force in ``year``: old name → (the name in force, last year)."""
    current = {e.code: e.name for e in entries(FUNCTION, year)}
    in_force = set(current.values())
    out: dict[str, tuple[str, int]] = {}
    for e in entries(FUNCTION):
        if e.valid_to is None or e.valid_to >= year or e.code not in current or current[e.code] == e.name:
            continue
        if len(e.name) < OBSOLETE_MIN_CHARS or any(e.name in n for n in in_force):
            continue
        out[e.name] = (current[e.code], e.valid_to)
    return out


@lru_cache(maxsize=32)
def _obsolete_re(year: int) -> re.Pattern[str] | None:
    names = sorted(obsolete_names(year), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


@rule(
    "wording.obsolete_name",
    severity="warning",
    description="使用已停用的支出功能分类科目名称（如2018年后仍称医疗卫生与计划生育支出） — an obsolete function class name for the document's year",
)
def obsolete_class_names(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    rx = _obsolete_re(year) if year else None
    if rx is None:
        return
    names = obsolete_names(year)  # type: ignore[arg-type]
    for b in text_blocks(doc):
        ctx.checked()
        for m in rx.finditer(b.text):
            now, last = names[m.group(0)]
            yield text_finding(
                "wording.obsolete_name",
                f"“{m.group(0)}”为{last}年及以前的科目名称，{year}年应为“{now}” — obsolete function class name",
                b, m.start(), m.end(),
            )
