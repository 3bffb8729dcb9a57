"""Shared fixtures for the reader tests: the fictional disclosure built in every format."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fixture import build


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """The fictional disclosure written in each format whose writer is available."""
    return build.build(tmp_path_factory.mktemp("formats"))
