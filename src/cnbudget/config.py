"""The project file: ``cnbudget.toml`` in the current folder, or ``--config FILE``.

It holds the same settings as the command line, so that a team's choice of what is noise is
written down once::

    [check]
    min-severity = "warning"          # error | warning | info (错误 / 警告 / 提示)
    ignore = ["code.name_mismatch", "verify.*"]
    show-info = false                 # list info findings in text / HTML instead of a count

Command-line options win over the file.  An unknown key, a wrong type or a file that is not
TOML is refused with one line (a misspelt setting must not be ignored in silence).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from cnbudget.checks.selection import Selection, severity_id
from cnbudget.errors import CnbudgetError

DEFAULT_NAME = "cnbudget.toml"
_CHECK_KEYS = {"min-severity", "ignore", "show-info"}


@dataclass(frozen=True)
class ProjectConfig:
    path: Path | None = None
    selection: Selection = Selection()


def load_config(path: Path | None = None, cwd: Path | None = None) -> ProjectConfig:
    """``path`` (must exist), else ``cnbudget.toml`` in ``cwd`` if there is one, else defaults."""
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_NAME
        if not candidate.is_file():
            return ProjectConfig()
        path = candidate
    elif not path.is_file():
        raise CnbudgetError("配置文件不存在 (no such config file)", file=str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CnbudgetError(f"配置文件不是有效的 TOML：{e}", file=str(path)) from e
    unknown = set(data) - {"check"}
    section = data.get("check", {})
    if not isinstance(section, dict):
        raise CnbudgetError("[check] 应为一个表 (a table)", file=str(path))
    unknown |= {f"check.{k}" for k in set(section) - _CHECK_KEYS}
    if unknown:
        raise CnbudgetError(f"未知的设置 {', '.join(sorted(unknown))}（可用：[check] "
                            f"{', '.join(sorted(_CHECK_KEYS))}）", file=str(path))
    ignore = section.get("ignore", [])
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        raise CnbudgetError("check.ignore 应为规则编号的列表", file=str(path))
    show = section.get("show-info", False)
    if not isinstance(show, bool):
        raise CnbudgetError("check.show-info 应为 true 或 false", file=str(path))
    sev = section.get("min-severity", "info")
    if not isinstance(sev, str):
        raise CnbudgetError("check.min-severity 应为 error、warning 或 info", file=str(path))
    try:
        sev = severity_id(sev, place="check.min-severity")
    except CnbudgetError as e:
        raise CnbudgetError(e.reason, file=str(path), place=e.place) from e
    return ProjectConfig(path, Selection(min_severity=sev, ignore=tuple(ignore), show_info=show))


def merged(config: ProjectConfig, min_severity: str | None, ignore: tuple[str, ...],
           show_info: bool | None) -> Selection:
    """The command line over the project file."""
    base = config.selection
    return Selection(
        min_severity=severity_id(min_severity) if min_severity else base.min_severity,
        ignore=tuple(dict.fromkeys(base.ignore + ignore)),
        show_info=base.show_info if show_info is None else show_info,
    )
