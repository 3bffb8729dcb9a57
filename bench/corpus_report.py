"""``bench/CORPUS.md``: the aggregates of a corpus run, written for people to compare runs."""

from __future__ import annotations

from collections import Counter, defaultdict


def _financial() -> frozenset[str]:
    """Every table kind whose figures the checks verify (the vocabulary less forms and 其他)."""
    from cnbudget.checks.engine import UNCHECKED_KINDS
    from cnbudget.tables.kinds import TABLE_KINDS

    return frozenset(TABLE_KINDS) - UNCHECKED_KINDS


FINANCIAL = _financial()
SCANNED = ("c133.pdf", "c135.pdf", "c137.pdf", "c168.pdf")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "n/a"


CHECK_LIMIT_S = 0.050  # issue 12: checking stays under 50 ms per document beyond parsing


def _spread(seconds: list[float]) -> str:
    """median / p90 / max in ms, and how many exceed the limit."""
    s = sorted(seconds)
    p90 = s[min(len(s) - 1, round(0.9 * (len(s) - 1)))]
    over = sum(1 for x in s if x > CHECK_LIMIT_S)
    return (f"median {1000 * s[len(s) // 2]:.1f} ms, p90 {1000 * p90:.1f} ms, max {1000 * s[-1]:.1f} ms; "
            f"over {1000 * CHECK_LIMIT_S:.0f} ms: {over} of {len(s)}")


def _check_speed(ok: list[dict]) -> list[str]:
    """Checking time beyond parsing per read document: wall clock and CPU time of the first
    check (right after the parse, the rules imported and the catalogs loaded before the first
    document), and the least CPU time of three checks (each check starts from nothing, so the
    three do the same work; the least is the one the other worker and OCR threads disturbed
    least)."""
    wall = [r["seconds"]["check"] for r in ok if isinstance(r.get("seconds"), dict)]
    cpu = [r["check_cpu_seconds"] for r in ok if r.get("check_cpu_seconds") is not None]
    least = [r["check_cpu_least_seconds"] for r in ok if r.get("check_cpu_least_seconds") is not None]
    if not wall:
        return ["| checking beyond parsing | n/a |"]
    slowest = max((r for r in ok if isinstance(r.get("seconds"), dict)), key=lambda r: r["seconds"]["check"])
    line = (f"| checking beyond parsing, per document: the first check (`check_disclosure` after the parse and a collection of its garbage) | "
            f"wall clock {_spread(wall)} (slowest {slowest['file']})")
    lines = [line + (f"; CPU time {_spread(cpu)} |" if cpu else " |")]
    if least:
        top = max((r for r in ok if r.get("check_cpu_least_seconds") is not None),
                  key=lambda r: r["check_cpu_least_seconds"])
        lines.append(f"| checking beyond parsing, per document: CPU time, least of three checks | "
                     f"{_spread(least)} (slowest {top['file']}) |")
    return lines


def write_report(records, key, audit, *, wall_s, workers, when, machine, partial) -> str:
    L: list[str] = []
    add = L.append
    add("# The corpus run (`make corpus`)")
    add("")
    add(f"{when}, {machine.get('cpu', '?')}, {machine.get('nproc', '?')} cores, Python {machine.get('python', '?')}; "
        f"{workers} worker processes." + (" **Partial run** (`--only`)." if partial else ""))
    add("Per-document JSON: `bench/out/corpus/`. Regenerate: `make corpus` (reads `../shared/corpus/` in place).")
    add("")
    status = Counter(r["status"] for r in records)
    ok = [r for r in records if r["status"] == "ok"]
    pages = sum(r.get("pages") or 0 for r in ok)
    cpu = sum(sum(r["seconds"].values()) for r in ok if isinstance(r.get("seconds"), dict))
    add("## Summary")
    add("")
    add("| what | figure |")
    add("|---|---|")
    add(f"| documents | {len(records)}: read {len(ok)} (exit 0: {sum(1 for r in ok if r['exit'] == 0)}, "
        f"exit 1: {sum(1 for r in ok if r['exit'] == 1)}), refused with a clear line (exit 2) "
        f"{status.get('refused', 0)}, crashed {status.get('crash', 0)} |")
    add(f"| pages read | {pages} |")
    if wall_s:
        add(f"| wall time | {wall_s:.0f} s → {pages / wall_s:.1f} pages/s on the whole run |")
    add(f"| CPU time in workers | {cpu:.0f} s → {pages / cpu if cpu else 0:.1f} pages/s per worker |")
    L.extend(_check_speed(ok))
    fin_rows = sum(t["data_rows"] for r in ok for t in r["tables"] if t["kind"] in FINANCIAL)
    fin_bad = sum(t["failing_rows"] for r in ok for t in r["tables"] if t["kind"] in FINANCIAL)
    add(f"| rows of recognised financial tables with no failing in-table identity | "
        f"{fin_rows - fin_bad} / {fin_rows} = {_pct(fin_rows - fin_bad, fin_rows)} |")
    tv = sum(r.get("coverage", {}).get("tables_verified", 0) for r in ok)
    tt = sum(r.get("coverage", {}).get("tables", 0) for r in ok)
    add(f"| financial tables read reliably (not `verify.unreliable_table`) | {tv} / {tt} = {_pct(tv, tt)} |")
    split = [(r["file"], t) for r in ok for t in r["tables"] if t["split_suspect"]]
    add(f"| tables that look split at a page break (same kind, next page, no new title) | {len(split)} |")
    listed = [(r["file"], x) for r in ok for x in r.get("listed", [])]
    listed_std = [(f, x) for f, x in listed if x["kind"]]
    add(f"| tables listed in a 目录 (standard kinds) found | "
        f"{sum(1 for _, x in listed_std if x['found'])} / {len(listed_std)}; of the rest, never printed after "
        f"the 目录: {sum(1 for _, x in listed_std if not x['found'] and x.get('printed') is False)} |")
    sev = Counter(f["severity"] for r in ok for f in r["findings"])
    add(f"| findings | error {sev['error']}, warning {sev['warning']}, info {sev['info']} "
        f"(per read document: {sev['error'] / max(1, len(ok)):.2f} / {sev['warning'] / max(1, len(ok)):.2f} / "
        f"{sev['info'] / max(1, len(ok)):.2f}) |")
    if key["documents"]:
        add(f"| key ({key['documents']} documents, {len(key['cities'])} cities): standard tables with the right "
            f"kind and page span | {key['kind_and_span']} / {key['tables']} = {_pct(key['kind_and_span'], key['tables'])}"
            f" (right kind, other span: {key['kind_only']}) |")
        add(f"| key: files that are no disclosure, refused (exit 2) | {key['non_disclosures_refused']} / "
            f"{key['non_disclosures']} (read: {', '.join(key['non_disclosures_read']) or 'none'}) |")
        add(f"| key cells read exactly | {key['cells_ok']} / {key['cells']} = {_pct(key['cells_ok'], key['cells'])} |")
        keyed = [r for r in ok if r["file"].rsplit(".", 1)[0] in key.get("per_doc", {}) and r.get("claims")]
        n = sum(r["claims"]["amounts"] for r in keyed)
        tied = sum(r["claims"]["tied"] for r in keyed)
        cell = sum(r["claims"]["to_cell"] for r in keyed)
        add(f"| key documents' narrative amounts tied to a quantity (a table cell, or the stated figure they "
            f"are part of) | {tied} / {n} = {_pct(tied, n)} (to a table cell: {cell} = {_pct(cell, n)}) |")
    if audit["entries"]:
        for s in ("error", "warning"):
            c = audit["per_severity"].get(s, Counter())
            judged = c["true"] + c["false"]
            add(f"| audit ({audit['documents']} documents): {s} findings true | {c['true']} / {judged} = "
                f"{_pct(c['true'], judged)}; not yet judged: {c['unjudged']} |")
        n_docs = audit["documents"]
        add(f"| audited documents with a false error | {len(audit['docs_false_error'])} / {n_docs} = "
            f"{_pct(len(audit['docs_false_error']), n_docs)} |")
    add("")

    add("## Tables recognised, per kind")
    add("")
    per_kind = Counter(t["kind"] for r in ok for t in r["tables"])
    docs_kind = Counter(k for r in ok for k in {t["kind"] for t in r["tables"]})
    add("| kind | tables | documents with one | rows failing an identity / data rows |")
    add("|---|---|---|---|")
    for k, n in per_kind.most_common():
        rows = sum(t["data_rows"] for r in ok for t in r["tables"] if t["kind"] == k)
        bad = sum(t["failing_rows"] for r in ok for t in r["tables"] if t["kind"] == k)
        add(f"| {k} | {n} | {docs_kind[k]} | {bad} / {rows} |")
    add("")

    add("## Findings by rule")
    add("")
    by_rule: dict[str, Counter] = defaultdict(Counter)
    for r in ok:
        for f in r["findings"]:
            by_rule[f["rule"]][f["severity"]] += 1
    add("| rule | error | warning | info | documents |")
    add("|---|---|---|---|---|")
    docs_rule = Counter(rule for r in ok for rule in {f["rule"] for f in r["findings"]})
    for rule, c in sorted(by_rule.items(), key=lambda kv: (-kv[1]["error"], -kv[1]["warning"], kv[0])):
        add(f"| `{rule}` | {c['error']} | {c['warning']} | {c['info']} | {docs_rule[rule]} |")
    add("")

    if audit["entries"]:
        add("## Audit: precision per rule (judged on the rendered pages)")
        add("")
        add("| rule | true | false |")
        add("|---|---|---|")
        for rule, c in sorted(audit["per_rule"].items()):
            add(f"| `{rule}` | {c['true']} | {c['false']} |")
        add("")
        add("Causes of the false findings in the audit file: " + ", ".join(
            f"{k} {v}" for k, v in audit["causes"].most_common()))
        add("")
        nd = audit.get("narrative")
        if nd and nd["defects"]:
            add("## Narrative defects noticed while auditing: found by the run")
            add("")
            add(f"{len(nd['found'])} / {nd['defects']} found = {_pct(len(nd['found']), nd['defects'])} "
                "(a finding of the narrative rules on that page, sharing a figure where the defect is about figures, "
                "quoting its words where it is not).")
            add("")
            add("| document | page | kind | text | found by |")
            add("|---|---|---|---|---|")
            for file, page, kind, text, rule in sorted(nd["found"] + nd["missed"]):
                add(f"| {file} | {page} | {kind} | {text.replace('|', '/')} | {('`' + rule + '`') if rule else '—'} |")
            add("")

    add("## Tables with failing in-table identities")
    add("")
    add("Each is a real error of the document or a misread of ours (the audit says which).")
    add("")
    add("| document | kind | pages | failing rows / data rows |")
    add("|---|---|---|---|")
    bad_tables = [(r["file"], t) for r in ok for t in r["tables"] if t["failing_rows"]]
    for f, t in sorted(bad_tables, key=lambda x: -x[1]["failing_rows"])[:60]:
        add(f"| {f} | {t['kind']} | {t['first_page']}–{t['last_page']} | {t['failing_rows']} / {t['data_rows']} |")
    if len(bad_tables) > 60:
        add(f"| … | {len(bad_tables) - 60} more | | |")
    add("")

    add("## Listed in the 目录 but not recognised")
    add("")
    missing = [(f, x) for f, x in listed_std if not x["found"]]
    unprinted = [(f, x) for f, x in missing if x.get("printed") is False]
    ours = [(f, x) for f, x in missing if x.get("printed") is not False]
    add(f"Listed but never printed after the 目录 (the document announces a table it does not hold): "
        f"{len(unprinted)} entries in {len({f for f, _ in unprinted})} documents "
        f"({', '.join(sorted({f for f, _ in unprinted})[:30])}).")
    add("")
    add(f"Printed but not recognised (ours to read): {len(ours)}.")
    add("")
    for f, x in ours[:60]:
        add(f"- {f}: “{x['title']}” ({x['kind']})")
    if not ours:
        add("- none")
    add("")
    add(f"Listed entries whose title names no known kind: {len(listed) - len(listed_std)}.")
    add("")

    add("## Tables that look split at a page break")
    add("")
    for f, t in split[:40]:
        add(f"- {f}: {t['kind']} p.{t['first_page']}–{t['last_page']} “{t['title']}”")
    if not split:
        add("- none")
    add("")

    if key["documents"]:
        add("## Key misses")
        add("")
        add("Tables (document, kind, key pages, what was wrong):")
        add("")
        for m in key["missed_tables"][:80]:
            add(f"- {m[0]} {m[1]} p.{m[2]}–{m[3]}: {'other page span' if m[4] == 'span' else 'not recognised as this kind'}")
        add("")
        add("Cells (document, table, page, row, column: key → read):")
        add("")
        for stem, cell, read in key["cell_misses"][:80]:
            what = read.get("value") if read.get("row") else ("row not found" if read.get("table") else "table not found")
            add(f"- {stem} {cell.get('table')} p.{cell.get('page')} {cell.get('side') or ''} {cell.get('row')} "
                f"{cell.get('column')}: {cell.get('value')} → {what}")
        add("")

    add("## Documents not read")
    add("")
    for r in records:
        if r["status"] != "ok":
            add(f"- {r['file']} ({r['status']}): {r.get('message', '')[:160]}")
    add("")
    scanned = [r for r in records if r["file"] in SCANNED]
    if scanned:
        add("## Scanned documents (OCR)")
        add("")
        add("All four are read through OCR; what they are is decided after reading (none of them is a "
            "disclosure: performance-evaluation results and notices, refused with exit 2).")
        add("")
        add("| document | status | pages | seconds per page | tables | rows with no failing identity |")
        add("|---|---|---|---|---|---|")
        pages_of = {"c133.pdf": 7, "c135.pdf": 6, "c137.pdf": 2, "c168.pdf": 19}
        for r in scanned:
            secs = sum(r["seconds"].values()) if isinstance(r.get("seconds"), dict) else (r.get("seconds") or 0)
            n = r.get("pages") or pages_of.get(r["file"], 1)
            rows = sum(t["data_rows"] for t in r.get("tables", []) if t["kind"] in FINANCIAL)
            bad = sum(t["failing_rows"] for t in r.get("tables", []) if t["kind"] in FINANCIAL)
            add(f"| {r['file']} | {r['status']} | {n} | {secs / max(1, n):.2f} | {len(r.get('tables', []))} | "
                f"{rows - bad} / {rows} |")
        add("")
    return "\n".join(L) + "\n"
