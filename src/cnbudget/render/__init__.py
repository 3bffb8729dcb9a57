"""Renderers: disclosures and findings for people.

Modules:
    console — rich tables of a Disclosure for ``cnbudget parse --format text``
    disclosure — the renderers of a produced disclosure by ``OutputFormat`` (``cnbudget render``)
    layout  — a model Table as a printed grid (merged header cells, body strings)
    text    — tab-separated text in the seeds' layout
    markdown — headings, paragraphs and pipe tables
    html    — one self-contained page (Jinja2, CSS inline)
    docx    — Word (python-docx), merged header cells
    xlsx    — Excel (openpyxl): 公开说明 sheet + one sheet per table
    pdf     — the HTML printed by headless Chromium (also screenshots for tests)
    findings_text — ``cnbudget check`` findings for the terminal: summary table, then by severity and table
    findings_html — ``cnbudget check --format html``: one self-contained page (CSS-only severity filter, page crops)
    findings_sheet — ``cnbudget check --format xlsx|csv`` and ``cnbudget findings``: one row per finding
    page_crop — a finding's place on its PDF page: a crop with the cell boxed (PNG, data URI)
"""
