"""Money units as documents print them (单位：元 / 千元 / 万元 / 亿元) and exact conversion between them.

A comparison, a chart or an export puts many documents on one scale: each amount is converted
from the unit its table printed to one chosen unit (万元 by default, ``--unit 元``), never
mixed.  Conversion is exact ``Decimal`` arithmetic (a power of ten moves the decimal point).
An amount whose unit the reader could not identify cannot be converted: ``convert`` returns
``None`` and the caller says so ("单位不明"), never guesses.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from cnbudget.errors import CnbudgetError

# unit → how many 元 one of it is
UNIT_SCALE: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(100000000),
}
DEFAULT_UNIT = "万元"
# the units a person may choose for a comparison (CLI --unit, web ?unit=)
CHOICES = ("万元", "元")


def choose_unit(text: str | None, place: str = "--unit") -> str:
    """The unit a person asked for (blank: 万元); anything else is a user error."""
    if text is None or not text.strip():
        return DEFAULT_UNIT
    unit = text.strip()
    if unit not in CHOICES:
        raise CnbudgetError(f"金额单位只能是 {' 或 '.join(CHOICES)}，不是“{unit}” (unit must be 万元 or 元)", place=place)
    return unit


def convert(amount: Decimal, unit: str | None, to: str) -> Decimal | None:
    """``amount`` printed in ``unit`` expressed in ``to`` (exact); None when ``unit`` is unknown."""
    if unit not in UNIT_SCALE:
        return None
    if unit == to:
        return amount
    with localcontext() as ctx:
        ctx.prec = 60  # a power of ten only moves the point: never round
        return amount * UNIT_SCALE[unit] / UNIT_SCALE[to]
