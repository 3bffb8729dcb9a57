"""Comparisons across the library: a department across years, departments side by side.

Modules:
    table   — ``Comparison``: figures (rows) × documents (columns), with the cross-year findings
    build   — ``department_series`` (one department, its years) and ``year_side_by_side``
              (the departments of one year); figures come from the stored headline figures
    export  — a comparison to CSV (as shown), XLSX (as shown + tidy + findings) or Parquet (tidy)

The CLI (``cnbudget compare``) and the web pages are thin adapters over ``build`` and ``export``;
both emit ``Comparison.to_json()``.
"""

from __future__ import annotations
