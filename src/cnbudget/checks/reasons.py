"""Rules on the reasons the text gives for a change.

    wording.reason_of_other_item  the reason stated for one 三公 / 会议费 / 培训费 item speaks of
                                  another item only: "公务接待费…减少2万元，主要是根据年度因公出国
                                  计划任务安排" (the 因公出国 reason copied from the line above)

The items are stated one after another in the same template, each with its change and its reason;
copying a line and changing its figures but not its reason is a common slip. The rule reads a
statement's subject from its head ("公务接待费2.00万元，…", or a heading sentence "2.公务接待费。"
followed by its figures) and its reason from the reason word to the end of the statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.common import TABLE_PART, text_blocks, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

# item → (how its name is printed, words a reason about it uses, its family). Vehicles' purchase
# and running costs are one family: a running cost may well be explained by vehicles bought.
ITEMS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "因公出国（境）费": (r"因公出国(?:\(境\)|境)?(?:经)?费(?:用)?", ("出国", "出访", "出境", "境外", "国外", "外事", "港澳", "赴台"), "abroad"),
    "公务接待费": (r"公务接待(?:经)?费(?:用)?", ("接待",), "reception"),
    "公务用车购置费": (r"公务用车购置(?:经)?费(?:用)?", ("车",), "vehicles"),
    "公务用车运行维护费": (r"公务用车运行(?:维护|维修)?(?:经)?费(?:用)?|公务用车运维费", ("车", "油", "运行", "维护", "维修", "运维"), "vehicles"),
    "会议费": (r"会议费", ("会议",), "meetings"),
    "培训费": (r"培训费", ("培训",), "training"),
}
_GROUPS = {name: f"i{k}" for k, name in enumerate(ITEMS)}
# A statement opens with its item (after a list number and a few words: "本部门当年一般公共预算会议费")
SUBJECT_RE = re.compile(
    r"^\s*(?:\d+[.、)]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]+、)?[^,;。]{0,16}?(?:"
    + "|".join(f"(?P<{_GROUPS[name]}>{pattern})" for name, (pattern, _, _) in ITEMS.items())
    + ")"
)
# a sentence that goes on about the same item: its figures, its change, its reason
CONTINUES_RE = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年|较|比|预算|决算|主要|原因|其中|,|与上年|同比)")
REASON_RE = re.compile(r"(?:主要)?原因(?:是|为|系)?:?|主要(?:是|系|由于|因为)")


def _statements(text: str) -> Iterator[tuple[int, str]]:
    """(offset, statement): the text cut after each 。 and ;."""
    start = 0
    for m in re.finditer(r"[;。]", text):
        yield start, text[start:m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def _other_items(subject: str, reason: str) -> list[str]:
    """The items of another family the reason speaks of, when it says nothing of its own."""
    _, own, family = ITEMS[subject]
    if any(w in reason for w in own):
        return []
    return [name for name, (_, words, fam) in ITEMS.items()
            if fam != family and any(w in reason for w in words)]


@rule(
    "wording.reason_of_other_item",
    severity="warning",
    description="某项经费的变动原因说的是另一项经费（公务接待费的原因写成因公出国计划） — the reason given speaks of another item",
)
def reasons_of_other_items(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in text_blocks(doc, skip_parts=(TABLE_PART,)):
        if b.heading:
            continue
        ctx.checked()
        if "费" not in b.text:
            continue  # every item's name ends in 费: a passage without one names no item
        subject: str | None = None
        for at, statement in _statements(b.text):
            m = SUBJECT_RE.match(statement)
            if m:
                subject = next(name for name in ITEMS if m.group(_GROUPS[name]))
                if not statement[m.end():].strip(" 。;"):
                    continue  # "2.公务接待费。": its figures follow in the next sentence
            elif not CONTINUES_RE.match(statement):
                subject = None
            if subject is None:
                continue
            r = REASON_RE.search(statement)
            if r is None:
                continue
            others = _other_items(subject, statement[r.end():])
            if others:
                change = statement[:r.start()].strip(" ,")[-50:]
                yield text_finding(
                    "wording.reason_of_other_item",
                    f"“{subject}”（{change}）的变动原因说的是{'、'.join(f'“{o}”' for o in others)}"
                    f"（“{statement[r.start():].strip(' 。;')[:40]}”），与该项不符，疑为从其他项复制 — "
                    "the reason given for this item speaks of another item",
                    b, at + r.start(), at + len(statement),
                )
