"""Function classification (支出功能分类) names in the narrative, resolved to codes.

The 情况说明 names a 项 as "社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老
保险缴费支出(项)" and a 类 as "卫生健康支出" or "一般公共服务(类)支出".  类 names are looked up
in ``codes.classes``; 款 and 项 names are matched against the function rows the document itself
prints — the rows of the parsed tables when there are any, else the code/name cells of its grids
("2080505 | 机关事业单位基本养老保险缴费支出", or "208 | 05 | 05 | …" over three columns).
A name that matches no row, or several rows that the 类 and 款 cannot tell apart, gives no code:
a wrong code would raise false alarms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cnbudget.codes.classes import function_class_code
from cnbudget.document import Document, Grid
from cnbudget.model import Table
from cnbudget.narrative.patterns import fold

# "X(类)Y(款)Z(项)" (parentheses folded to ASCII, whitespace removed).
# A name may hold a bracket of its own: "政府办公厅(室)及相关机构事务(款)".
_NAME = r"(?:[^()]|\((?![类款项]\))[^()]{1,3}\))*?"
ITEM_RE = re.compile(rf"(?P<cls>{_NAME})\(类\)(?P<kuan>{_NAME})\(款\)(?P<xiang>.*?)\(项\)")
# "Y(款)Z(项)" without its 类: "住房改革支出(款)住房公积金(项)支出".
KUAN_ITEM_RE = re.compile(rf"(?:^|\))(?P<kuan>{_NAME})\(款\)(?P<xiang>{_NAME})\(项\)")
# A 项 named with its code in brackets: "培训支出(2050803)".
CODED_ITEM_RE = re.compile(r"\((?P<code>2\d{6})\)")
# …or before it: "2080501-行政单位离退休".
CODE_FIRST_ITEM_RE = re.compile(r"^(?P<code>2\d{6})\s*[-—－]?\s*(?P<name>[^\d].*)$")
# "X(类)" alone: "一般公共服务(类)支出", "社会保障和就业支出(类)".
CLASS_RE = re.compile(r"(?P<cls>[^()]*?)\(类\)")
# A function code: 3-digit 类, 5-digit 款, 7-digit 项; all function classes start with 2.
FUNCTION_CODE_RE = re.compile(r"^2\d{2}(?:\d{2}){0,2}$")


def _norm(name: str) -> str:
    """Compare names without spaces, a leading ordinal or a trailing 支出."""
    s = re.sub(r"\s+", "", fold(name))
    s = re.sub(r"^[\d.、]+", "", s)
    return re.sub(r"支出$", "", s)


@dataclass(frozen=True)
class FunctionIndex:
    """Function codes (5- and 7-digit) and their names as this document prints them."""

    names: dict[str, str]
    # code → the kinds of the tables that print it as a row (empty: read from bare grids)
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document, tables: list[Table]) -> FunctionIndex:
        names: dict[str, str] = {}
        kinds: dict[str, set[str]] = {}
        for t in tables:
            for r in t.rows:
                if r.code and r.name and FUNCTION_CODE_RE.match(r.code) and len(r.code) > 3:
                    names.setdefault(r.code, r.name)
                    kinds.setdefault(r.code, set()).add(t.kind)
        if not names:
            for b in doc.blocks:
                if isinstance(b, Grid):
                    for row in b.rows:
                        for code, name in _grid_functions(row):
                            names.setdefault(code, name)
        return cls(names, {c: frozenset(k) for c, k in kinds.items()})

    def printed_in(self, code: str, kind: str) -> bool | None:
        """Does a table of ``kind`` print ``code`` as a row (``None``: not known)?"""
        if not self.kinds:
            return None
        return kind in self.kinds.get(code, frozenset())

    def code_of_item(self, cls_name: str, kuan: str, xiang: str) -> str | None:
        """The 7-digit code of a 项 named with its 类 and 款, or ``None``.  Without its 类
        ("林业和草原(款)一般行政管理事务(项)"), only a 项 under a printed 款 of that name: the
        same 项 name recurs under many 款."""
        if not cls_name:
            want_kuan = _norm(kuan)
            found = [c for c, n in self.names.items() if len(c) == 7 and _norm(n) == _norm(xiang)
                     and _norm(self.names.get(c[:5], "")) == want_kuan]
            return found[0] if len(found) == 1 else None
        cls_code = function_class_code(cls_name)
        want = _norm(xiang)
        found = [c for c, n in self.names.items() if len(c) == 7 and _norm(n) == want]
        if len(found) > 1 and cls_code:
            found = [c for c in found if c.startswith(cls_code)] or found
        if len(found) > 1:
            kuan_codes = {c for c, n in self.names.items() if len(c) == 5 and _norm(n) == _norm(kuan)}
            found = [c for c in found if c[:5] in kuan_codes] or found
        return found[0] if len(found) == 1 else None

    def code_of_coded_item(self, code: str, name: str) -> str | None:
        """The code printed after a 项's name ("培训支出(2050803)"), when the document prints
        that code with that name."""
        printed = self.names.get(code)
        return code if printed is not None and _norm(printed) == _norm(name) else None

    def code_of_class(self, name: str) -> str | None:
        return function_class_code(name)


def _grid_functions(row: tuple[str, ...]) -> list[tuple[str, str]]:
    """(code, name) pairs a grid row prints: "2080505 | name" or "208 | 05 | 05 | … | name"."""
    cells = [re.sub(r"\s+", "", fold(c)) for c in row]
    out: list[tuple[str, str]] = []
    for i, c in enumerate(cells):
        code = None
        rest = i + 1
        if FUNCTION_CODE_RE.match(c) and len(c) > 3:
            code = c
        elif re.fullmatch(r"2\d{2}", c) and i + 2 < len(cells) and re.fullmatch(r"\d{2}", cells[i + 1]) \
                and re.fullmatch(r"\d{2}", cells[i + 2]):
            code, rest = c + cells[i + 1] + cells[i + 2], i + 3
        if code is None:
            continue
        name = next((x for x in cells[rest:] if re.search(r"[\u4e00-\u9fff]", x)), None)
        if name:
            out.append((code, name))
    return out
