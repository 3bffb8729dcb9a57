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

Final accounts (决算) have their own modules beside these:
    final_inputs    — the primary figures of a final account (年初结转, 本年收入, spending by kind)
    final_layouts   — the nine 公开表 as printed (form numbers, 栏次/行次, 06's three groups)
    final_derive    — final-account inputs → ``Disclosure``
    final_figures   — its key figures (完成率, shares, changes)
    final_narrative — the final-account 情况说明
    final_document  — the whole final-account disclosure in the standard order
    final_workbook  — the final-account input workbook
"""
