"""The text's definitions of function classes ("X（项）：反映…的支出") against the item they define.

    wording.definition_of_other_item  an item defined as another item is: "公路养护（项）：指反映除
                                      上述项目以外其他用于公路水路运输方面的支出" (the 其他 item's
                                      definition under an item of its own), or "其他交通运输支出
                                      （款）：反映除…以外其他用于公路水路运输方面的支出" (a 其他
                                      item said to hold another 其他 item's subject)
    wording.definition_verb           a definition opening with 反应 for 反映 ("应急管理（项）：
                                      反应用于应急管理的…支出")

The 名词解释 restates the catalog's definitions one after another; each 其他 item is "spending on
<its subject> other than the items above", so copying the line above or below and renaming it
leaves a definition that belongs to another item. Only what the definition says of itself is
read: "除…以外（的）其他" says it is a 其他 item, and "其他用于 Y 方面的支出" names its subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.common import checked_each, passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding, TextBlock

# The item defined: the name printed right before its level mark and the colon (a short
# bracket inside a name, "政府办公厅(室)", belongs to it; a level mark ends the name before it).
DEFINITION_RE = re.compile(
    r"(?P<name>(?:[\u4e00-\u9fff]|\((?!类\)|款\)|项\))[\u4e00-\u9fff]{1,2}\))+)\((?P<level>款|项)\)\s*:\s*"
    r"(?:是?指)?(?P<verb>反映|反应)?(?P<body>[^。]{0,240})"
)
_DEFINITION_HINT = (re.compile(r"\(项\)\s*:"), re.compile(r"\(款\)\s*:"))
# "除上述项目以外（的）其他": the body of a 其他 item's definition
OTHER_BODY_RE = re.compile(r"除[^。]{0,120}?以外的?其他")
# the subject a 其他 item's definition names: "…以外其他用于 Y 方面的支出"
OTHER_SUBJECT_RE = re.compile(
    r"以外的?其他(?:用于)?(?P<subject>[\u4e00-\u9fff()]{2,30}?)(?:方面)?的?(?:支出|收入)"
)
_ENDING_RE = re.compile(r"(?:方面|事务)?(?:的)?(?:支出|收入)$")


def definitions(doc: Disclosure, ctx: Context) -> list[tuple[TextBlock, re.Match[str]]]:
    """Each definition the text prints, with its passage (read once per run for both rules)."""

    def read(d: Disclosure) -> list[tuple[TextBlock, re.Match[str]]]:
        return [(b, m) for b in passages(d, ctx).holding(_DEFINITION_HINT) for m in DEFINITION_RE.finditer(b.text)]

    return ctx.index("definitions.printed", doc, read)


def _stem(name: str) -> str:
    """An item's subject: its name without 其他 and its closing 支出 / 收入 ("其他交通运输支出"
    → "交通运输")."""
    return _ENDING_RE.sub("", name.removeprefix("其他"))


def _other_subject(name: str, body: str) -> str | None:
    """The subject a 其他 item's definition names when it is neither within the item's own
    subject nor holds it; else None."""
    m = OTHER_SUBJECT_RE.search(body)
    if m is None:
        return None
    subject, own = _stem(m.group("subject")), _stem(name)
    if not subject or not own or subject in own or own in subject:
        return None
    return subject


@rule(
    "wording.definition_of_other_item",
    severity="warning",
    description="科目的解释是另一科目的解释（非“其他”科目写成“除上述项目以外其他…”，或“其他”科目的"
    "解释说的是另一方面的支出） — an item's definition is another item's",
)
def definitions_of_other_items(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    found = definitions(doc, ctx)
    checked_each(ctx, found)
    for b, m in found:
        name, level, body = m.group("name"), m.group("level"), m.group("body")
        if "其他" not in name:
            other = OTHER_BODY_RE.search(body)
            if other is None:
                continue
            what = f"“{other.group(0)}…”是“其他”科目的解释（本科目之外的其余支出）"
        else:
            subject = _other_subject(name, body)
            if subject is None:
                continue
            what = f"说的是“其他用于{subject}方面”的支出，与本科目“{_stem(name)}”不符"
        yield text_finding(
            "wording.definition_of_other_item",
            f"“{name}（{level}）”的解释中，{what}，疑为从另一科目复制 — the item's definition is another item's",
            b, m.start(), m.end(),
        )


@rule(
    "wording.definition_verb",
    severity="info",
    description="科目解释以“反应”开头（应为“反映”） — a definition opening with 反应 for 反映",
)
def definition_verbs(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    found = definitions(doc, ctx)
    checked_each(ctx, found)
    for b, m in found:
        if m.group("verb") == "反应":
            yield text_finding(
                "wording.definition_verb",
                f"“{m.group('name')}（{m.group('level')}）”的解释写作“反应{m.group('body')[:12]}…”，应为“反映” — "
                "a definition opening with 反应 for 反映",
                b, m.start("verb"), m.end("verb"),
            )
