from __future__ import annotations

import pytest

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from tests.batch.corpus import tamper, write_corpus


@pytest.fixture(scope="session")
def web_files(tmp_path_factory):
    """Three years of one department in the library, and two files to upload: a clean one of
    another department and one whose 三公 total is off by 1.00 (an error finding)."""
    lib_dir = tmp_path_factory.mktemp("web-library")
    write_corpus(lib_dir, 3, seed=21)
    uploads = tmp_path_factory.mktemp("web-uploads")
    clean, bad = write_corpus(uploads, 2, years=(2025,), seed=22, first_department=5)
    tamper(bad)
    db = tmp_path_factory.mktemp("web-db") / "lib.db"
    with Library.open(str(db)) as lib:
        assert ingest([lib_dir], lib, workers=1).added == 3
    return {"db": db, "library": lib_dir, "clean": clean, "bad": bad}


@pytest.fixture
def web_db(web_files, tmp_path):
    """A fresh copy of the library for one test (uploads change it)."""
    import shutil

    db = tmp_path / "lib.db"
    shutil.copy(web_files["db"], db)
    return str(db)


@pytest.fixture
def client(web_db):
    from fastapi.testclient import TestClient

    from cnbudget.web.app import WebSettings, create_app

    app = create_app(web_db, WebSettings())
    with TestClient(app) as c:
        yield c
