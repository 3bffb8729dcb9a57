"""Helpers for the narrative tests: a document from a few inline lines of a fictional department."""

from __future__ import annotations

import pytest

from cnbudget.document import Document
from cnbudget.readers.text import parse_text


@pytest.fixture
def doc_of():
    def make(text: str) -> Document:
        return parse_text("示例.txt", text)

    return make
