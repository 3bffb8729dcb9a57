"""Cell text: cleaning OCR and layout noise, and telling codes, ordinals and totals apart."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cnbudget.numbers import parse_amount

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_GAP_RE = re.compile(rf"(?<=[{_CJK}（）()“”、：])\s+(?=[{_CJK}（）()“”、：])")
_SPACE_RE = re.compile(r"\s+")
# Digits-only code cells: 类 (3), 款/项 (2) split over columns, or whole codes up to 7 digits;
# unit codes (313, 313001) and project codes (20+ digits) are told apart by their column.
_CODE_RE = re.compile(r"^\d{2,7}$")
_PROJECT_CODE_RE = re.compile(r"^\d{8,24}$")
_BRACKET_CODE_RE = re.compile(r"^\[(\d{3,9})\]\s*(.*)$")  # "[608001]宿州市医疗保障局"


@lru_cache(maxsize=65536)  # cell texts repeat a lot within a document
def clean(text: str | None) -> str:
    """Trim and remove the spaces PDF extraction puts between CJK characters; the text keeps
    its printed forms (full-width brackets stay) — matching uses ``compact``, which folds them.

    "政 府 性 基 金" → "政府性基金"; "一般公共 预算 拨款收 入" → "一般公共预算拨款收入".
    """
    if not text:
        return ""
    s = text.replace("\u3000", " ").replace("\xa0", " ").strip()
    s = _CJK_GAP_RE.sub("", s)
    return _SPACE_RE.sub(" ", s)


@lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """Full-width forms folded (NFKC) and all whitespace removed: the form labels are matched in."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", clean(text)))


def is_code(text: str) -> bool:
    return bool(_CODE_RE.match(compact(text)))


def is_project_code(text: str) -> bool:
    return bool(_PROJECT_CODE_RE.match(compact(text)))


def bracket_code(text: str) -> tuple[str, str] | None:
    """"[608001]宿州市医疗保障局" → ("608001", "宿州市医疗保障局")."""
    m = _BRACKET_CODE_RE.match(compact(text))
    return (m.group(1), m.group(2)) if m else None


def is_amount(text: str) -> bool:
    return parse_amount(text) is not None


def has_cjk(text: str) -> bool:
    return bool(re.search(rf"[{_CJK}]", text))


def cjk_only(text: str) -> str:
    return "".join(re.findall(rf"[{_CJK}]", text))


_TOTAL_WORDS = {"合计", "总计", "合", "计", "总", "小计"}


def is_total_label(text: str) -> bool:
    """合计 / 总计, including OCR-garbled forms ("合 भे", "合 . H", "合 计")."""
    c = cjk_only(text)
    if not c:
        return False
    return c in _TOTAL_WORDS or c in {"合计数", "总计数"} or (len(c) <= 3 and c.startswith(("合计", "总计")))


def is_ordinal_row(cells: list[str]) -> bool:
    """栏次 / 行次 rows: "栏次 1 2 3 …" or a bare run 1 2 3 … n (never amounts)."""
    texts = [compact(c) for c in cells if compact(c)]
    if not texts:
        return False
    if any(t.startswith(("栏次", "栏", "行次")) for t in texts) and sum(t.isdigit() for t in texts) >= 1:
        return all(t.isdigit() or not any(ch.isdigit() for ch in t) for t in texts)
    nums = [t for t in texts if t.isdigit()]
    words = [t for t in texts if not t.isdigit()]
    # "1 2 3 … n", possibly beside a short garbled label ("木 兰次 1 2 3 4 5 6")
    if len(nums) >= 3 and all(len(w) <= 4 and not any(ch.isdigit() for ch in w) for w in words):
        values = [int(t) for t in nums]
        return values == list(range(values[0], values[0] + len(values)))
    return False


def is_placeholder_row(cells: list[str]) -> bool:
    """A line of "**" under the header (湖州): marks standing for 栏次, no labels of its own."""
    texts = [compact(c) for c in cells if compact(c)]
    return len(texts) >= 2 and all(set(t) <= {"*", "＊"} for t in texts)


def is_ordinal_column(values: list[str]) -> bool:
    """A 行次 column: small integers increasing by one down the rows (blanks allowed)."""
    nums = []
    for v in values:
        t = compact(v)
        if not t:
            continue
        if not t.isdigit() or len(t) > 3:
            return False
        nums.append(int(t))
    if len(nums) < 3:
        return False
    return all(b == a + 1 for a, b in zip(nums, nums[1:], strict=False)) or sorted(nums) == list(
        range(nums[0], nums[0] + len(nums))
    )
