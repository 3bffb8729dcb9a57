"""Layouts: how one kind of disclosure is printed, read from a layout file (``layouts/*.toml``).

A ``DocumentLayout`` holds the document's tables in print order (``TableLayout``: number,
title, header tree, notes, the recipe that derives it), its parts (概况, 情况说明, 名词解释,
the tables), the narrative sections with their headings and the glossary.  The one produce
pipeline (``derive``, ``document``, ``narrative``, ``workbook``) follows it, so a budget and a
final account differ by their layout file, and a new kind of document (a 单位预算, another
province's numbering) is a new file in ``layouts/``.

A header is a tree of ``Col``: a leaf is either an amount column (``id``, a column id of
DESIGN.md's vocabulary; ``in.`` / ``out.`` prefixed on the two sides of a summary table) or a
key cell (``key``): ``code1`` / ``code2`` / ``code3`` (类 / 款 / 项 digits of a function code),
``code`` (the whole code), ``name``, ``gov_code`` / ``gov_name`` (government economic
classification), ``text:<label>`` (a ``Row.texts`` entry), ``in.name`` / ``out.name`` (the
item label of a summary side), ``in.line`` / ``out.line`` (行次).  Every renderer draws the same
tree, so the txt, Markdown, HTML, DOCX and XLSX outputs carry the same cells.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cnbudget.errors import CnbudgetError


@dataclass(frozen=True)
class Col:
    label: str
    id: str | None = None
    key: str | None = None
    children: tuple[Col, ...] = ()

    def leaves(self) -> list[Col]:
        if not self.children:
            return [self]
        out: list[Col] = []
        for c in self.children:
            out.extend(c.leaves())
        return out

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


def C(label: str, id: str | None = None, *children: Col, key: str | None = None) -> Col:  # noqa: N802
    return Col(label=label, id=id, key=key, children=tuple(children))


@dataclass(frozen=True)
class TableLayout:
    """How one table kind is printed.  ``title`` is prefixed by "YYYY年" (or "YYYY年度").

    ``number``: the form number printed after the title (公开01表); ``column_numbers``: a 栏次
    row under the header (and 行次 lines); ``groups``: economic classes by side-by-side column
    group (公开06表); ``recipe`` / ``fund`` / ``omit_classes``: how ``derive`` computes it;
    ``sheet`` / ``derived``: its sheet in the input workbook and the columns computed there.
    """

    kind: str
    title: str
    columns: tuple[Col, ...]
    two_sided: bool = False
    empty_note: str | None = None  # printed under the table when it has no amount at all
    notes: tuple[str, ...] = ()
    number: str = ""
    column_numbers: bool = False
    groups: tuple[tuple[str, ...], ...] = ()
    recipe: str = ""
    fund: str | None = None
    omit_classes: tuple[str, ...] = ()
    sheet: str | None = None
    derived: tuple[str, ...] = ()

    @property
    def three_groups(self) -> bool:
        return bool(self.groups)

    def leaves(self) -> list[Col]:
        out: list[Col] = []
        for c in self.columns:
            out.extend(c.leaves())
        return out

    def amount_ids(self) -> list[str]:
        """Column ids of the model table (side prefixes removed, first occurrence kept)."""
        seen: list[str] = []
        for leaf in self.leaves():
            if leaf.id is None:
                continue
            cid = leaf.id.split(".", 1)[1] if leaf.id.startswith(("in.", "out.")) else leaf.id
            if cid not in seen:
                seen.append(cid)
        return seen

    def labels(self) -> dict[str, str]:
        """Column id → printed header path ("基本支出/人员经费/工资福利支出")."""
        out: dict[str, str] = {}

        def walk(cols: tuple[Col, ...], path: list[str]) -> None:
            for c in cols:
                p = [*path, c.label]
                if c.children:
                    walk(c.children, p)
                elif c.id is not None:
                    cid = c.id.split(".", 1)[1] if c.id.startswith(("in.", "out.")) else c.id
                    shown = p[1:] if c.id.startswith(("in.", "out.")) else p
                    out.setdefault(cid, "/".join(shown))

        walk(self.columns, [])
        return out

    def economic_group(self, code: str) -> int:
        """The column group an economic code is printed in (the last one for an unknown class)."""
        for i, classes in enumerate(self.groups):
            if code[:3] in classes:
                return i
        return len(self.groups) - 1


Layout = TableLayout  # the name the renderers and older code use


@dataclass(frozen=True)
class ProfileItem:
    """One fact of 概况 (``Facts`` field) and what is printed when it was not entered."""

    fact: str
    placeholder: str


@dataclass(frozen=True)
class ProfileSection:
    heading: str
    items: tuple[ProfileItem, ...]


@dataclass(frozen=True)
class Part:
    """A 部分 of the document: ``content`` is profile | narrative | glossary | tables."""

    heading: str
    content: str
    sections: tuple[ProfileSection, ...] = ()


@dataclass(frozen=True)
class DocumentLayout:
    name: str
    kind: str  # Meta.kind of the documents it prints (budget | final)
    family: str  # the input figures and recipes it uses (budget | final)
    label: str  # 基本信息!类型 of its input workbook
    title_word: str  # 部门预算
    year_word: str  # 年 | 年度
    empty_table_note: str
    tables: tuple[TableLayout, ...]
    parts: tuple[Part, ...]
    narrative: tuple[tuple[str, str], ...]  # (section id, heading)
    glossary: tuple[tuple[str, str], ...]
    economic_items: dict[str, str] = field(default_factory=dict)

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(t.kind for t in self.tables)

    def table(self, kind: str) -> TableLayout | None:
        return next((t for t in self.tables if t.kind == kind), None)


class BadLayout(CnbudgetError):
    """A layout file that cannot be read."""


# --- reading a layout file ------------------------------------------------------------------


def parse_outline(text: str, named: dict[str, str] | None = None, where: str = "") -> tuple[Col, ...]:
    """An indented outline (two spaces a level) → a header tree.

    ``label =id`` is an amount column, ``label :key`` a key cell, a bare label a group over the
    more indented lines below it, ``@name`` the named outline of the file's ``[columns]``.
    """
    named = named or {}
    lines: list[tuple[int, str]] = []

    def collect(block: str, base: int) -> None:
        for raw in block.splitlines():
            if not raw.strip():
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            if indent % 2:
                raise BadLayout(f"{where}: 缩进应为两个空格的倍数 (indent by two spaces): {raw!r}")
            body = raw.strip()
            if body.startswith("@"):
                if body[1:] not in named:
                    raise BadLayout(f"{where}: 未定义的表头 {body} (no such [columns] entry)")
                collect(named[body[1:]], base + indent // 2)
            else:
                lines.append((base + indent // 2, body))

    collect(text, 0)

    def build(i: int, level: int) -> tuple[list[Col], int]:
        out: list[Col] = []
        while i < len(lines) and lines[i][0] >= level:
            depth, body = lines[i]
            if depth > level:
                raise BadLayout(f"{where}: 缩进过深 (indented too far): {body!r}")
            children, i = build(i + 1, level + 1)
            label, cid, key = body, None, None
            if " =" in body:
                label, cid = (s.strip() for s in body.rsplit(" =", 1))
            elif " :" in body:
                label, key = (s.strip() for s in body.rsplit(" :", 1))
            if children and (cid or key):
                raise BadLayout(f"{where}: 有下级的表头不能是金额或键列: {body!r}")
            out.append(Col(label=label, id=cid, key=key, children=tuple(children)))
        return out, i

    cols, _ = build(0, 0)
    if not cols:
        raise BadLayout(f"{where}: 表头为空 (empty header)")
    return tuple(cols)


def _columns(value: str, named: dict[str, str], where: str) -> tuple[Col, ...]:
    if value.strip().startswith("@") and "\n" not in value.strip():
        value = value.strip()
    return parse_outline(value, named, where)


def _table(obj: dict[str, Any], named: dict[str, str], defaults: dict[str, Any], where: str) -> TableLayout:
    where = f"{where} [[table]] {obj.get('kind', '?')}"
    try:
        return TableLayout(
            kind=obj["kind"],
            title=obj["title"],
            columns=_columns(obj["columns"], named, where),
            two_sided=bool(obj.get("two_sided", False)),
            empty_note=obj.get("empty_note"),
            notes=tuple(obj.get("notes", ())),
            number=obj.get("number", ""),
            column_numbers=bool(obj.get("column_numbers", defaults.get("column_numbers", False))),
            groups=tuple(tuple(g) for g in obj.get("groups", ())),
            recipe=obj["recipe"],
            fund=obj.get("fund"),
            omit_classes=tuple(obj.get("omit_classes", ())),
            sheet=obj.get("sheet"),
            derived=tuple(obj.get("derived", ())),
        )
    except KeyError as e:
        raise BadLayout(f"{where}: 缺少 {e.args[0]} (missing key)") from e


def _part(obj: dict[str, Any]) -> Part:
    sections = tuple(
        ProfileSection(s["heading"], tuple(ProfileItem(i["fact"], i["placeholder"]) for i in s["items"]))
        for s in obj.get("sections", ()))
    return Part(heading=obj["heading"], content=obj["content"], sections=sections)


def load_layout(path: str | Path | None = None, *, text: str | None = None) -> DocumentLayout:
    """A layout file (or its text) as a ``DocumentLayout``; ``BadLayout`` names what is wrong."""
    where = str(path) if path is not None else "layout"
    try:
        raw = text if text is not None else Path(path).read_text(encoding="utf-8")  # type: ignore[arg-type]
        d = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise BadLayout(f"无法读取版式文件 (cannot read layout: {e})", file=where) from e
    named = dict(d.get("columns", {}))
    try:
        return DocumentLayout(
            name=d["name"],
            kind=d["kind"],
            family=d["family"],
            label=d["label"],
            title_word=d["title_word"],
            year_word=d["year_word"],
            empty_table_note=d["empty_table_note"],
            tables=tuple(_table(t, named, d, where) for t in d["table"]),
            parts=tuple(_part(p) for p in d["part"]),
            narrative=tuple((s, h) for s, h in d["narrative"]["sections"]),
            glossary=tuple((a, b) for a, b in d["glossary"]["terms"]),
            economic_items={c: n for c, n in d.get("economic", {}).get("items", ())},
        )
    except (KeyError, TypeError, ValueError) as e:
        raise BadLayout(f"{where}: 版式文件不完整 (incomplete layout: {e})") from e


@cache
def document_layout(name: str) -> DocumentLayout:
    """The bundled layout ``name`` (``layouts/<name>.toml``): "budget", "final"."""
    files = resources.files("cnbudget.produce") / "layouts"
    entry = files / f"{name}.toml"
    if not entry.is_file():
        known = sorted(p.name.removesuffix(".toml") for p in files.iterdir() if p.name.endswith(".toml"))
        raise BadLayout(f"未知的版式 {name!r}（可用：{'、'.join(known)}）")
    return load_layout(f"layouts/{name}.toml", text=entry.read_text(encoding="utf-8"))


def layout_names() -> list[str]:
    files = resources.files("cnbudget.produce") / "layouts"
    return sorted(p.name.removesuffix(".toml") for p in files.iterdir() if p.name.endswith(".toml"))


def layout_of(doc_kind: str | None) -> DocumentLayout:
    """The layout of a document kind (``Meta.kind``); a budget's when the kind is unknown."""
    return document_layout("final" if doc_kind == "final" else "budget")


def layout_for(kind: str, doc_kind: str | None = "budget") -> TableLayout | None:
    """The standard layout of a table kind in a document kind, or ``None``."""
    if doc_kind not in (None, "budget", "final"):
        return None
    return layout_of(doc_kind).table(kind)


# The lines of a two-sided budget summary printed aligned at its foot.
SUMMARY_BOTTOM_ITEMS = frozenset({"current_total", "carryover", "carryover_out", "grand_total",
                                  "non_fiscal_surplus", "surplus_distribution"})
