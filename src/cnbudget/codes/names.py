"""Normalising and comparing printed classification names (科目名称).

Printed names differ from the catalog's in ways that do not change their meaning: PDF
extraction inserts spaces ("社会保障和就 业支出"), brackets are full- or half-width, a
summary table prefixes an ordinal ("八、", "（十）") or a level marker ("（类）"), "支出"
is dropped or added, and a narrow cell cuts the name off ("其他医疗保障管理事务支").
``normalize_code`` does the same for printed codes ("208 05 05", full-width digits).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = ["name_similarity", "names_equivalent", "normalize_code", "normalize_name", "stem"]

# A truncated printed name must keep at least this many characters, and this share of the
# catalog name, to count as the same name cut off.
MIN_PREFIX_CHARS = 4
MIN_PREFIX_SHARE = 0.5

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９（）［］【】，：；“”‘’",
    "0123456789()[][],:;\"\"''",
)
# "（十）", "八、", "3.", "(2)" — never a bare leading 一 (一般公共服务支出).
_ORDINAL = re.compile(
    r"^(?:[(][一二三四五六七八九十\d]+[)][、.．]?|[一二三四五六七八九十]+[、.．]|\d+[、.．)])"
)
_LEVEL_MARK = re.compile(r"[(](?:类|款|项)[)]")
_QUOTES = re.compile(r"[\"'「」『』]")
_NON_DIGIT = re.compile(r"\D")


def normalize_code(code: str) -> str:
    """'208 05 05' / '２１０１５０１' / '2101501.' → '2080505' / '2101501' / '2101501'.

    Keeps digits only; returns '' when there are none.
    """
    if code.isascii() and code.isdigit():
        return code  # as most codes are printed (and looked up, thousands of times a document)
    return _NON_DIGIT.sub("", code.translate(_FULLWIDTH))


# A pure function of the text, asked of every printed name and of each catalog name it is
# compared with (the same few thousand names, document after document): kept.
@lru_cache(maxsize=16384)
def normalize_name(name: str) -> str:
    """Canonical spelling for comparison: no spaces, half-width brackets and punctuation, no
    ordinal prefix, no '其中：', no level marker, no quotes."""
    s = re.sub(r"\s+", "", name.translate(_FULLWIDTH))
    s = re.sub(r"^其中[:：]?", "", s)
    s = _ORDINAL.sub("", s)
    s = _LEVEL_MARK.sub("", s)
    s = _QUOTES.sub("", s)
    return s.rstrip(":(")


@lru_cache(maxsize=16384)
def stem(name: str) -> str:
    """The normalised name without any '支出' (printed names drop and insert it freely)."""
    return normalize_name(name).replace("支出", "")


def names_equivalent(catalog_name: str, printed: str) -> bool:
    """True when ``printed`` is ``catalog_name`` as documents print it (see module doc)."""
    a, b = normalize_name(catalog_name), normalize_name(printed)
    if not b:
        return False
    if a == b or stem(a) == stem(b):
        return True
    if a.replace("的", "") == b.replace("的", ""):
        return True  # "对个人和家庭补助" for 对个人和家庭的补助: the particle only
    # Cut off by a narrow cell: a long enough prefix of the catalog name.
    return (
        len(b) >= MIN_PREFIX_CHARS
        and len(b) >= MIN_PREFIX_SHARE * len(a)
        and (a.startswith(b) or stem(a).startswith(stem(b)))
    )


def name_similarity(catalog_name: str, printed: str) -> float:
    """0..1; 1.0 for equivalent names, else the similarity ratio of the two stems."""
    if names_equivalent(catalog_name, printed):
        return 1.0
    a, b = stem(catalog_name), stem(printed)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()
