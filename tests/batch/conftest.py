from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.corpus import write_corpus


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """Nine clean fictional disclosures (three departments × 2023–2025) in one folder."""
    out = tmp_path_factory.mktemp("batch-corpus")
    write_corpus(out, 9, seed=11)
    return out


@pytest.fixture
def mixed_dir(tmp_path, corpus_dir) -> Path:
    """Four good files, one text that is no disclosure, one broken PDF, one ignored suffix."""
    out = tmp_path / "mixed"
    (out / "sub").mkdir(parents=True)
    for i, f in enumerate(sorted(corpus_dir.iterdir())[:4]):
        (out / ("sub" if i % 2 else "") / f.name).write_bytes(f.read_bytes())
    (out / "购物清单.txt").write_text("牛奶\n面包\n鸡蛋\n", encoding="utf-8")
    (out / "损坏.pdf").write_bytes(b"%PDF-1.7\n garbage \x00\x01\x02")
    (out / "说明.json").write_text("{}", encoding="utf-8")
    return out
