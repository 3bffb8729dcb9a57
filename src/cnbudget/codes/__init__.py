"""The official classification catalogs (政府收支分类科目) and their lookup.

Modules:
    catalog — the three catalogs (支出功能分类, 部门预算支出经济分类, 政府预算支出经济分类)
              loaded lazily from ``data/*.csv``: ``function_code``, ``economic_code``,
              ``gov_economic_code``, ``name_matches``, ``suggest_function_code``,
              ``suggest_economic_code``, ``coverage``
    names   — normalising printed codes and names, tolerant name comparison
    classes — the 类 level of the expenditure function classification, by name (for the
              two-sided summary tables, which print class names without codes)

Data: ``data/function.csv``, ``data/economic_department.csv``,
``data/economic_government.csv``; their sources and exact coverage are in
``data/SOURCES.md``.
"""
