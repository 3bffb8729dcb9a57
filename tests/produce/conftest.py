from __future__ import annotations

import pytest

from tests.render.conftest import EXAMPLES, load_example

__all__ = ["EXAMPLES", "load_example"]


@pytest.fixture(scope="session")
def example():
    return load_example()
