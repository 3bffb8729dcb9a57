"""Spreadsheet numbers written as a person sees them printed (number formats, float noise)."""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ---------------------------------------------------------------------------------------------
# Numbers as printed


def format_number(value: float | int | Decimal, number_format: str | None = "General") -> str:
    """The text Excel prints for ``value`` under ``number_format``.

    Handles the formats disclosures use: "General", "0", "0.00", "#,##0.00", "0.00%", optional
    negative / zero sections ("0.00;-0.00;" prints zero as ""), quoted literals, thousands
    scaling ("#,##0,").  Rounding is half away from zero, as Excel does.
    """
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    d = _to_decimal(value)
    if d is None:
        return str(value)
    fmt = (number_format or "General").strip()
    if fmt.lower() in ("general", "@", "") or "e+" in fmt.lower() or "e-" in fmt.lower():
        return _general(d)
    sections = _split_sections(fmt)
    negative = d < 0
    if negative and len(sections) >= 2 and sections[1].strip():
        section, sign = sections[1], ""
    elif d == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if negative else ""
    return _apply_section(abs(d), section, sign)


def _to_decimal(value: object) -> Decimal | None:
    try:
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return None
            return Decimal(repr(value))
        if isinstance(value, int | Decimal):
            return Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    return None


def _general(d: Decimal) -> str:
    """Excel's General: an integer as is, otherwise at most 15 significant digits."""
    if d == 0:
        return "0"
    if d == d.to_integral_value() and abs(d) < Decimal("1e15"):
        return str(int(d))
    q = d.quantize(Decimal(1).scaleb(d.adjusted() - 14), rounding=ROUND_HALF_UP).normalize()
    text = format(q, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _split_sections(fmt: str) -> list[str]:
    sections, buf, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(fmt):
            buf.append(fmt[i : i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            sections.append("".join(buf))
            buf = []
            i += 1
            continue
        buf.append(ch)
        i += 1
    sections.append("".join(buf))
    return sections


def _apply_section(d: Decimal, section: str, sign: str) -> str:
    """Render ``d`` (non-negative) with one format section; ``sign`` is prefixed to the number."""
    # Tokenise: literal text vs. the numeric placeholder run.
    tokens: list[tuple[str, str]] = []  # ("lit", text) | ("num", pattern)
    i, percent = 0, False
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            tokens.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            tokens.append(("lit", section[i + 1]))
            i += 2
        elif ch in "_*" and i + 1 < len(section):
            i += 2  # padding / repeat fill: no printed text of its own
        elif ch == "[":
            j = section.find("]", i)
            i = len(section) if j < 0 else j + 1  # colour, condition, locale
        elif ch in "0#?.,":
            j = i
            while j < len(section) and section[j] in "0#?.,":
                j += 1
            tokens.append(("num", section[i:j]))
            i = j
        elif ch == "@":
            i += 1
        else:
            if ch == "%":
                percent = True
            tokens.append(("lit", ch))
            i += 1
    pattern = "".join(t for k, t in tokens if k == "num")
    if not any(c in pattern for c in "0#?"):
        return "".join(t for k, t in tokens if k == "lit")
    if percent:
        d = d * 100
    int_part, _, frac_part = pattern.partition(".")
    stripped = int_part.rstrip(",")
    scale = len(int_part) - len(stripped)
    if scale:
        d = d.scaleb(-3 * scale)
    grouping = "," in stripped
    min_int = stripped.count("0")
    min_dec = frac_part.count("0")
    max_dec = sum(frac_part.count(c) for c in "0#?")
    q = d.quantize(Decimal(1).scaleb(-max_dec), rounding=ROUND_HALF_UP)
    whole, _, frac = format(q, "f").partition(".")
    frac = frac.rstrip("0").ljust(min_dec, "0") if max_dec else ""
    if whole == "0" and min_int == 0:
        whole = ""
    if grouping and whole:
        whole = f"{int(whole):,}"
    number = sign + whole + ("." + frac if frac else "")
    out, placed = [], False
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
        elif not placed:
            out.append(number)
            placed = True
    return "".join(out)


def format_datetime(value: _dt.date | _dt.time | _dt.timedelta) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    return str(value)


# ---------------------------------------------------------------------------------------------
# Cell text

