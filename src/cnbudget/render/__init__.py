"""Renderers: disclosures and findings for people.

Modules:
    console — rich tables of a Disclosure for ``cnbudget parse --format text``
"""
