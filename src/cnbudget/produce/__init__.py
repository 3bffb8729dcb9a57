"""Producing a disclosure from structured data: the inputs, the derived tables, the narrative.

One pipeline for every kind of document; what differs between a budget (部门预算) and a final
account (部门决算) — tables, their numbers, titles and columns, the parts and the narrative
sections — is a layout file in ``layouts/`` (``budget.toml``, ``final.toml``).  A new kind
(a 单位预算, another province's numbering) is a new layout file.

Modules:
    layout           — a layout file read into ``DocumentLayout`` / ``TableLayout`` (header trees)
    inputs           — the primary figures a department types (``BudgetInput`` / ``FinalInput``),
                       ``Facts`` not in the tables, ``Previous`` (last year's figures)
    money            — Decimal helpers: 2-decimal ROUND_HALF_UP, shares, growth rates
    recipe           — the table-recipe registry and what recipes share (titles, notes, rows)
    recipes_function — recipes of the function-classified tables (类/款/项 hierarchies)
    recipes_summary  — recipes of the summary tables (two-sided 收支总表, 收入表)
    recipes_listing  — recipes of the economic, "三公", project and procurement tables
    derive           — inputs → ``Disclosure``: each table of the layout by its recipe; ``validate``
    figures          — the key figures of a ``Disclosure`` (for the narrative and last year's changes)
    narrative        — the 情况说明, its sections and headings from the layout
    document         — ``Produced``: the whole disclosure in the layout's order, ready to render
    consistency      — the producer's own check of a ``Disclosure`` (totals against their parts)
    load_json        — the JSON of ``cnbudget parse`` back into a ``Disclosure``
    known_codes      — is a typed code in the catalog, and which code of that level was meant
    workbook_cells   — the cells of an input workbook (styles, sheets, typed amounts, 基本信息)
    workbook_read    — a filled-in input workbook read into primary figures
    workbook         — the input workbook of a layout: ``write_template``, ``read_workbook``,
                       ``write_input``
    build            — ``produce(INPUT, last_year=…)``: input file → verified ``Produced``
"""
