"""支出功能分类 类 (class) codes by name, including the names used in earlier years.

Source: 财政部《政府收支分类科目》(2019–2025 editions); the class names in summary tables
drop or add "支出"/"事务" freely, so matching is on a normalised stem.
"""

from __future__ import annotations

import re

# code → canonical name (current edition)
FUNCTION_CLASSES: dict[str, str] = {
    "201": "一般公共服务支出",
    "202": "外交支出",
    "203": "国防支出",
    "204": "公共安全支出",
    "205": "教育支出",
    "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "209": "社会保险基金支出",
    "210": "卫生健康支出",
    "211": "节能环保支出",
    "212": "城乡社区支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出",
    "217": "金融支出",
    "219": "援助其他地区支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "222": "粮油物资储备支出",
    "223": "国有资本经营预算支出",
    "224": "灾害防治及应急管理支出",
    "227": "预备费",
    "229": "其他支出",
    "230": "转移性支出",
    "231": "债务还本支出",
    "232": "债务付息支出",
    "233": "债务发行费用支出",
    "234": "抗疫特别国债安排的支出",
}

# Stems of earlier or abbreviated names → code.
_ALIASES: dict[str, str] = {
    "医疗卫生与计划生育": "210",
    "医疗卫生": "210",
    "文化体育与传媒": "207",
    "文化旅游体育与传媒": "207",
    "文化体育旅游与传媒": "207",
    "城乡社区事务": "212",
    "农林水事务": "213",
    "资源勘探信息等": "215",
    "资源勘探电力信息等": "215",
    "国土海洋气象等": "220",
    "国土资源气象等": "220",
    "国有资本经营预算": "223",
    "国有资本经营收入安排": "223",
    "灾害防治及应急管理": "224",
    "援助其他地区": "219",
    "粮油物资储备": "222",
    "粮油物资储备管理": "222",
    "社会保险基金": "209",
}


def _stem(name: str) -> str:
    s = re.sub(r"\s+", "", name)
    s = re.sub(r"^[(（]?[一二三四五六七八九十]+[)）]?[、.．]?", "", s)
    s = re.sub(r"[(（]类[)）]", "", s)
    s = s.rstrip("(（:：")
    s = re.sub(r"(支出|事务)$", "", s)
    return s


_BY_STEM: dict[str, str] = {_stem(n): c for c, n in FUNCTION_CLASSES.items()}
_BY_STEM.update({_stem(k): v for k, v in _ALIASES.items()})


def function_class_code(name: str) -> str | None:
    """'八、社会保障和就业' / '（十）卫生健康支出' / '医疗卫生与计划生育支出' → '208' / '210' / '210'."""
    stem = _stem(name)
    if not stem:
        return None
    if stem in _BY_STEM:
        return _BY_STEM[stem]
    # "事务" and "支出" may both be present ("城乡社区事务支出"): strip once more.
    stem2 = re.sub(r"(支出|事务)$", "", stem)
    if stem2 in _BY_STEM:
        return _BY_STEM[stem2]
    # an abbreviated name ("文化旅游", "灾害防治及应急"): the one class whose name it begins
    if len(stem2) >= 4:
        found = {code for s, code in _BY_STEM.items() if s.startswith(stem2)}
        if len(found) == 1:
            return found.pop()
    return None
