"""Scoring the corpus run against what people read off the rendered pages.

* the key (``bench/corpus_key/cNNN.json``, format in its README): standard tables recognised
  with the right kind and page span; key cells read exactly (a printed blank is absent);
* the audit (``bench/corpus_audit.json``): each judged finding, true or false, with the cause of
  a false one; the run reports the precision of the findings it still raises.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY_DIR = ROOT / "bench" / "corpus_key"
AUDIT_FILE = ROOT / "bench" / "corpus_audit"  # a folder of part*.json (its README)
NOT_SCORED_KINDS = {"other"}
RUN_KINDS = {"performance_targets", "performance_review"}

_FIGURES = re.compile(r"[\d.,\s]+")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")


def finding_key(file: str, f) -> str:
    page = f.source.page if f.source else None
    return f"{file}|{f.rule}|{f.table}|{f.row}|{f.column}|{page}"


def norm_label(s: str | None) -> str:
    t = unicodedata.normalize("NFKC", s or "")
    t = re.sub(r"\s+", "", t)
    t = _NUMBERING.sub("", t)
    return t.rstrip(":：")


def _amount(s) -> Decimal | None:
    from cnbudget.numbers import parse_amount

    if s is None:
        return None
    return parse_amount(str(s))


def _covers(t, page: int | None) -> bool:
    pages = [r.source.page for r in t.rows if r.source.page] or [t.source.page]
    first, last = t.source.page, max((p for p in pages if p is not None), default=t.source.page)
    return page is None or first is None or (first <= page <= (last or first))


def _row_matches(r, cell: dict) -> bool:
    row = str(cell.get("row") or "")
    side = cell.get("side")
    if side and r.side and r.side != side:
        return False
    if re.fullmatch(r"\d{3,}", row):
        return r.code == row
    label = norm_label(row)
    if label in ("合计", "总计", "收入总计", "支出总计", "收入合计", "支出合计") and (r.is_total or r.item in ("grand_total",)):
        return label in ("合计", "总计") or norm_label(r.name) == label or r.item == "grand_total"
    # the row's label may stand in another text column (预算单位 beside an empty 科目名称)
    return (norm_label(r.name) == label or (r.code is not None and norm_label(r.code) == label)
            or any(norm_label(v) == label for v in r.texts.values()))


_YEAR_ROW = re.compile(r"^(\d{4})年")
_CHANGE_ROW = re.compile(r"增减|变化")


def _as_year_column(cell: dict, year: int | None) -> dict:
    """A 三公 table printed one line per year is keyed as printed (row "2026年", "增减变化金额");
    the model reads it as the total row with ``previous.`` / ``change.`` columns (docs/model.md)."""
    row = norm_label(str(cell.get("row") or ""))
    if cell.get("table") != "three_public" or year is None:
        return cell
    m = _YEAR_ROW.match(row)
    if m:
        prefix = "" if int(m.group(1)) == year else "previous."
    elif _CHANGE_ROW.search(row):
        prefix = "change."
    else:
        return cell
    return {**cell, "row": "合计", "column": prefix + str(cell.get("column"))}


def lookup_cell(d, cell: dict, year: int | None = None) -> dict:
    """What the parsed disclosure says for one key cell (``year``: the document's, from the key)."""
    cell = _as_year_column(cell, year)
    tables = [t for t in d.tables if t.kind == cell.get("table") and _covers(t, cell.get("page"))]
    if not tables:
        return {"table": False, "row": False, "value": None}
    for t in tables:
        rows = [r for r in t.rows if _row_matches(r, cell)]
        # a label printed more than once (a unit under 货物 and again under 服务, one project
        # name per unit): the key's page tells which line it is
        rows.sort(key=lambda r: r.source.page != cell.get("page"))
        if rows:
            col = cell.get("column")
            for r in rows:
                if col in r.values:
                    return {"table": True, "row": True, "value": str(r.values[col])}
            return {"table": True, "row": True, "value": None, "columns": sorted(rows[0].values)}
    return {"table": True, "row": False, "value": None}


def _cell_ok(cell: dict, read: dict) -> bool:
    if not read.get("row"):
        return False
    want = _amount(cell.get("value"))
    got = _amount(read.get("value"))
    if want is None:
        return got is None
    return got is not None and got == want


def score_key(records: list[dict]) -> dict:
    by_file = {Path(r["file"]).stem: r for r in records}
    out = {"documents": 0, "cities": set(), "tables": 0, "kind_and_span": 0, "kind_only": 0,
           "missed_tables": [], "non_disclosures": 0, "non_disclosures_refused": 0,
           "non_disclosures_read": [], "cells": 0, "cells_ok": 0, "cell_misses": [], "per_doc": {}}
    for key_file in sorted(KEY_DIR.glob("c*.json")):
        key = json.loads(key_file.read_text(encoding="utf-8"))
        rec = by_file.get(key_file.stem)
        if rec is None:
            continue
        out["documents"] += 1
        out["cities"].add(key.get("city"))
        if key.get("disclosure") is False:
            out["non_disclosures"] += 1
            if rec["status"] == "refused":
                out["non_disclosures_refused"] += 1
            else:
                out["non_disclosures_read"].append(key_file.stem)
            continue
        got = rec.get("tables", [])
        doc = {"tables": 0, "ok": 0, "cells": 0, "cells_ok": 0}
        for kt in key.get("tables", []):
            if kt.get("kind") in NOT_SCORED_KINDS or kt.get("empty"):
                continue
            out["tables"] += 1
            doc["tables"] += 1
            same = [t for t in got if t["kind"] == kt["kind"]]
            exact = any(t["first_page"] == kt["first_page"] and t["last_page"] == kt["last_page"] for t in same)
            if not exact and kt["kind"] in RUN_KINDS:
                # the key may list a run of one-page forms (绩效目标表 per project) as one entry
                inside = [t for t in same if t["first_page"] is not None
                          and kt["first_page"] <= t["first_page"] <= kt["last_page"]]
                exact = bool(inside) and min(t["first_page"] for t in inside) == kt["first_page"] and max(
                    t["last_page"] or t["first_page"] for t in inside) == kt["last_page"]
            overlap = any(t["first_page"] is not None and t["first_page"] <= kt["last_page"]
                          and (t["last_page"] or t["first_page"]) >= kt["first_page"] for t in same)
            if exact:
                out["kind_and_span"] += 1
                doc["ok"] += 1
            elif overlap:
                out["kind_only"] += 1
                out["missed_tables"].append((key_file.stem, kt["kind"], kt["first_page"], kt["last_page"], "span"))
            else:
                out["missed_tables"].append((key_file.stem, kt["kind"], kt["first_page"], kt["last_page"], "kind"))
        for kc in rec.get("key_cells", []):
            out["cells"] += 1
            doc["cells"] += 1
            if _cell_ok(kc["cell"], kc["read"]):
                out["cells_ok"] += 1
                doc["cells_ok"] += 1
            else:
                out["cell_misses"].append((key_file.stem, kc["cell"], kc["read"]))
        out["per_doc"][key_file.stem] = doc
    out["cities"] = sorted(c for c in out["cities"] if c)
    return out


def load_audit(path: Path = AUDIT_FILE) -> tuple[dict[str, dict], set[str]]:
    """Judged findings by key, and the audited documents (those with no finding included)."""
    files = sorted(path.glob("part*.json")) if path.is_dir() else ([path] if path.exists() else [])
    judged: dict[str, dict] = {}
    docs: set[str] = set()
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        docs.update(d["file"] for d in data.get("documents", []))
        for e in data.get("findings", []):
            if e.get("verdict") is not None:
                judged.setdefault(e["key"], e)
                # one key can hold several findings (sections, sides): the message tells them apart
                judged[_fine_key(e["key"], e.get("message"))] = e
    return judged, docs


def _fine_key(key: str, message: str | None) -> str:
    words = _FIGURES.sub("", message or "")[:40]
    return f"{key}|{words}"


def score_audit(records: list[dict], path: Path = AUDIT_FILE) -> dict:
    """Precision of the findings the run raises, on the audited documents."""
    audit, audited_docs = load_audit(path)
    per_sev: dict[str, Counter] = defaultdict(Counter)
    per_rule: dict[str, Counter] = defaultdict(Counter)
    docs_false_error: set[str] = set()
    unjudged: list[str] = []
    for rec in records:
        if rec["file"] not in audited_docs:
            continue
        for f in rec.get("findings", []):
            if f["severity"] not in ("error", "warning"):
                continue
            e = audit.get(_fine_key(f["key"], f.get("message"))) or audit.get(f["key"])
            if e is None:
                per_sev[f["severity"]]["unjudged"] += 1
                if f["severity"] == "error":
                    unjudged.append(f["key"])
                continue
            verdict = "true" if e.get("verdict") is True else "false"
            per_sev[f["severity"]][verdict] += 1
            per_rule[f["rule"]][verdict] += 1
            if verdict == "false" and f["severity"] == "error":
                docs_false_error.add(rec["file"])
    unique = {id(e): e for e in audit.values()}.values()
    causes = Counter(e.get("cause") for e in unique if e.get("verdict") is False)
    return {"documents": len(audited_docs), "entries": len(unique), "per_severity": per_sev,
            "per_rule": per_rule, "docs_false_error": sorted(docs_false_error), "unjudged_errors": unjudged,
            "causes": causes}


# Narrative defects noticed while auditing (``narrative_defects`` of the audit parts): found when
# the run raises a finding of the narrative rules on that page — one that shares a figure with the
# defect's text where the defect is about figures, and one that quotes the defect's text where it
# is not (a finding's message quotes the words it is about: "“用于用于”").
_NARRATIVE_RULES = ("claim.", "sentence.", "wording.", "year.", "typography.", "code.",
                    # the rules that read what a 绩效目标 form writes as text ("验收合格率 =1100%")
                    "perf.rate_over_whole", "perf.cost_over_funds", "perf.rate_unit", "perf.count_in_percent",
                    "perf.rate_without_percent", "perf.blank_goal", "perf.goal_funds",
                    # a heading of the 情况说明 announcing a table that is not under it
                    "completeness.empty_table_section")
# Rules of other families whose finding is about a figure the narrative STATES (a stated 机关运行经费
# against the table's 公用经费): they find an "inconsistency" or an "amount" defect of that figure.
# A 绩效目标表's 资金总额 against the 支出表 is the same: the form states what it is to spend.
_STATED_FIGURE_RULES = ("inclusion.running_costs", "cross.performance_vs_expenditure")
_STATED_FIGURE_KINDS = {"amount", "inconsistency"}
_FIGURE_KINDS = {"amount", "rate", "arithmetic", "count", "inconsistency", "omission", "code"}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?=\s*年)")
# The rules that speak of how marks are printed (a doubled or unmatched mark, a doubled unit, an
# item number printed twice): a punctuation defect is theirs, not a wording rule's on the same line.
_PUNCTUATION_RULES = ("wording.punctuation", "wording.brackets", "wording.doubled_unit", "wording.bracket_stop",
                      "wording.unfinished_sentence", "wording.repeated_item_number", "wording.quotes")
_KIND_RULES = {"punctuation": _PUNCTUATION_RULES, "year": ("year.",), "placeholder": ("wording.",),
               "typo": ("wording.",)}
_QUOTE = re.compile(r"“([^”]+)”")
# a quoted run this long found in the defect's text is the same words (shorter quotes must be whole)
_QUOTE_PIECE = 6
# …and a run of a message's own words this long (unquoted) found there is the sentence it cites
_WORDS_PIECE = 6
_PAGE_LABEL = re.compile(r"(?:PDF)?第\s*\d+\s*[页行]")


def _plain(text: str) -> str:
    """Folded, without spaces and ellipses: the form in which a quote and a defect's text are compared."""
    return re.sub(r"[\s…]", "", unicodedata.normalize("NFKC", text))


def _quotes_defect(message: str, defect_text: str) -> bool:
    """Whether the finding's message quotes words of the defect's text: a quoted run (“用于用于”),
    or a run of its words long enough to be the same words ("使用单位资金购置车辆1辆，其中数…")."""
    text = _plain(defect_text)
    for q in map(_plain, _QUOTE.findall(message)):
        if q and (q in text or any(q[i:i + _QUOTE_PIECE] in text for i in range(len(q) - _QUOTE_PIECE + 1))):
            return True
    words = _plain(_PAGE_LABEL.sub("", message.split(" — ")[0]))
    return any(words[i:i + _WORDS_PIECE] in text for i in range(len(words) - _WORDS_PIECE + 1))


def _percents(text: str) -> set[str]:
    """The percentages a text prints ("下降 23.9%" → 23.9)."""
    return set(_NUMBER.findall(" ".join(re.findall(r"\d+(?:\.\d+)?\s*[%％]", text))))


def _quotes_figure(message: str, defect_text: str) -> bool:
    """Whether the finding quotes words of the defect's text that print one of its figures
    (“共有 0 个,包括”: the count is the defect's, though a one-digit figure)."""
    text, figures = _plain(defect_text), set(_figures(defect_text))
    return any(len(q) >= _QUOTE_PIECE and q in text and figures & set(_figures(q))
               for q in map(_plain, _QUOTE.findall(message)))


def _message_figures(message: str) -> set[str]:
    """The figures a finding's message prints, without the page it names ("第19页：")."""
    return set(_figures(_PAGE_LABEL.sub("", message)))


def _candidate(rule: str, kind: str) -> bool:
    return rule.startswith(_NARRATIVE_RULES) or (kind in _STATED_FIGURE_KINDS and rule in _STATED_FIGURE_RULES)
# a defect of a table printed with the narrative (a total cell left blank) is found by the table
# rules about that line, not by the narrative ones
_TABLE_KIND_RULES = {"table": ("summary.total_missing",)}


def _figures(text: str) -> list[str]:
    """The figures a text prints, "18,225.94" as 18225.94 (the form a finding's message uses)."""
    return _NUMBER.findall(re.sub(r"(?<=\d),(?=\d{3})", "", text))


# "前文为增加15.96万元（第7页），此处为增加15.95万元（第8页）": the pages a finding names as its places
_CITED_PAGE = re.compile(r"[（(]第\s*(\d+)\s*页[)）]")


def _finding_pages(f: dict) -> set[int]:
    """The page a finding stands on, and the pages its message cites as the other places of the
    same defect (a figure stated twice is one defect, recorded at either place)."""
    return {f.get("page"), *(int(n) for n in _CITED_PAGE.findall(f.get("message", "")))}


def score_narrative_defects(records: list[dict], path: Path = AUDIT_FILE) -> dict:
    files = sorted(path.glob("part*.json")) if path.is_dir() else []
    defects: dict[tuple[str, int | None, str, str], dict] = {}
    for f in files:
        for x in json.loads(f.read_text(encoding="utf-8")).get("narrative_defects", []):
            defects.setdefault((x["file"], x.get("page"), x.get("kind", ""), x.get("text", "")[:12]), x)
    by_file = {r["file"]: r for r in records}
    found, missed = [], []
    for (file, page, kind, _), x in sorted(defects.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        rec = by_file.get(file)
        hits = [f for f in (rec or {}).get("findings", [])
                if (f["rule"].startswith(_TABLE_KIND_RULES[kind]) if kind in _TABLE_KIND_RULES
                    else _candidate(f["rule"], kind)) and (page is None or page in _finding_pages(f))]
        if kind in _KIND_RULES:
            hits = [f for f in hits if f["rule"].startswith(_KIND_RULES[kind])]
        if kind in _FIGURE_KINDS:
            # a year names the sentence's time, it is not the figure in question ("2026 年…购置车辆 0 辆")
            printed = _figures(_YEAR.sub("", x.get("text", "")))
            # one-digit figures match too loosely, unless they are all the defect prints
            # ("…等 8 家行政单位": the count is the figure)
            numbers = {n for n in printed if len(n.replace(".", "")) >= 2} or set(printed)
            if kind == "rate" and (rates := _percents(x.get("text", ""))):
                numbers = rates  # a rate defect is about its stated rate, not the amounts beside it
            if numbers:
                hits = [f for f in hits if numbers & _message_figures(f.get("message", ""))
                        or _quotes_figure(f.get("message", ""), x.get("text", ""))]
            else:  # a defect of names alone ("普通教育（款）职业教育（项）"): the finding cites its words
                hits = [f for f in hits if _quotes_defect(f.get("message", ""), x.get("text", ""))]
        else:
            # no figure is the defect: the finding must cite its words (or a year / amount it prints)
            printed = {n for n in _figures(x.get("text", "")) if len(n.replace(".", "")) >= 2}
            hits = [f for f in hits if _quotes_defect(f.get("message", ""), x.get("text", ""))
                    or printed & _message_figures(f.get("message", ""))]
        (found if hits else missed).append((file, page, kind, x.get("text", "")[:50], hits[0]["rule"] if hits else None))
    return {"defects": len(defects), "found": found, "missed": missed}
