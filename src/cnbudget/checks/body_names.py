"""A body named by the name the 2018 reform of the State's institutions retired.

    wording.obsolete_body   "确保广州市卫生和计划生育委员会网络、监控及服务器支撑平台…" in a 2026
                            绩效目标: the 卫生和计划生育委员会 has been the 卫生健康委员会 since the
                            reform (深化党和国家机构改革方案, 2018; the local bodies followed by
                            early 2019), so a document of 2020 or later that names it copied an
                            old text

The names are the full names of the bodies the reform renamed or merged (an abbreviation such as
环保局 lives on in speech).  A sentence telling the reform itself ("将原市国土资源局的职责整合…",
"…更名为…") and the 部门职责 part, where such history is told, are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.common import pattern_findings, sentence_span
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

# retired name → the name of the body that took its place
RETIRED: dict[str, str] = {
    "卫生和计划生育委员会": "卫生健康委员会",
    "国土资源局": "自然资源局（自然资源和规划局）",
    "环境保护局": "生态环境局",
    "安全生产监督管理局": "应急管理局",
    "食品药品监督管理局": "市场监督管理局",
    "工商行政管理局": "市场监督管理局",
    "质量技术监督局": "市场监督管理局",
}
# the first year in which every local body bears its new name
FIRST_YEAR = 2020
RETIRED_RE = re.compile("|".join(RETIRED))
# words of a sentence that tells the reform or the body's history, or names it as former (原…)
HISTORY_RE = re.compile(r"原|改革|组建|整合|划入|划转|更名|撤销|合并|不再保留|前身")


def _told_as_history(text: str, at: int) -> bool:
    start, end = sentence_span(text, at)
    return HISTORY_RE.search(text, start, end) is not None


@rule(
    "wording.obsolete_body",
    severity="warning",
    description="使用机构改革前的机构名称（2020年及以后的文件称“卫生和计划生育委员会”） — a body named by a name the 2018 reform retired",
)
def obsolete_bodies(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if year is None or year < FIRST_YEAR:
        return

    def message(text: str, m: re.Match[str]) -> str | None:
        if _told_as_history(text, m.start()):
            return None
        return f"“{m.group(0)}”为2018年机构改革前的名称，{year}年已为“{RETIRED[m.group(0)]}” — a body named by a name the reform retired"

    yield from pattern_findings(doc, ctx, "wording.obsolete_body", RETIRED_RE, RETIRED_RE, message, skip_parts=("profile",))
