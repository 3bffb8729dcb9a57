"""The official classification catalogs (政府收支分类科目) and their lookup.

Modules:
    classes — the 类 level of the expenditure function classification, by name (for the
              two-sided summary tables, which print class names without codes)
"""
