"""Producing a disclosure from structured data: the inputs, the derived tables, the narrative.

Modules:
    inputs     — the primary figures a department types (function lines, economic lines,
                 projects, "三公" parts, procurement, facts not in the tables)
    money      — Decimal helpers: 2-decimal ROUND_HALF_UP, shares, growth rates
    layouts    — the standard tables as printed: titles, header trees, notes
    derive     — inputs → ``Disclosure`` with every total, subtotal and column sum computed
    figures    — the key figures of a ``Disclosure`` (for the narrative and year-on-year changes)
    narrative  — the 情况说明 generated from the figures (reasons left as placeholders)
    document   — ``Produced``: the whole disclosure in the standard order, ready to render
    consistency— the producer's own check of a ``Disclosure`` (totals against their parts)
    load_json  — the JSON of ``cnbudget parse`` back into a ``Disclosure``
    workbook   — the input workbook: ``write_template`` writes it, ``read_workbook`` reads it
    build      — ``produce(INPUT, last_year=…)``: input file → verified ``Produced``
"""
