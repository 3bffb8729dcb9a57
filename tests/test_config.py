"""The project file ``cnbudget.toml``: the command line's noise settings, written once."""

from __future__ import annotations

import pytest

from cnbudget.config import load_config, merged
from cnbudget.errors import CnbudgetError


def test_found_in_the_current_folder_and_merged_under_the_command_line(tmp_path):
    assert load_config(cwd=tmp_path).path is None
    (tmp_path / "cnbudget.toml").write_text(
        '[check]\nmin-severity = "警告"\nignore = ["code.*"]\nshow-info = true\n', encoding="utf-8")
    cfg = load_config(cwd=tmp_path)
    assert cfg.selection.min_severity == "warning" and cfg.selection.ignore == ("code.*",)
    s = merged(cfg, "error", ("sum.rows",), None)
    assert (s.min_severity, s.ignore, s.show_info) == ("error", ("code.*", "sum.rows"), True)


@pytest.mark.parametrize("text", ['[check]\nmin-severty = "error"\n', "[check\n", 'ignore = ["x"]\n',
                                  '[check]\nshow-info = "yes"\n'])
def test_a_bad_file_is_refused_in_one_line(tmp_path, text):
    p = tmp_path / "c.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(CnbudgetError) as e:
        load_config(p)
    assert "\n" not in str(e.value) and str(p) in str(e.value)


def test_a_named_file_must_exist(tmp_path):
    with pytest.raises(CnbudgetError):
        load_config(tmp_path / "missing.toml")
