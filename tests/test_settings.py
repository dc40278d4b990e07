from pathlib import Path

import pytest

from app.errors import SettingsError
from app.settings import Settings, load


def test_defaults_then_toml_then_environment(tmp_path: Path) -> None:
    home = tmp_path / "h"
    home.mkdir()
    (home / "config.toml").write_text('n_ctx = 2048\nmodel = "tiny.gguf"\ntemperature = 0.5\n')
    s = load(env={"COACH_HOME": str(home), "COACH_N_CTX": "3072"})
    assert s.home == home
    assert s.n_ctx == 3072  # environment beats the file
    assert s.model == "tiny.gguf"  # file beats the default
    assert s.temperature == 0.5
    assert s.port == Settings().port
    assert s.sessions_db == home / "sessions.sqlite3"


def test_unknown_setting_in_toml_names_it_and_the_file(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("modle = 'x'\n")
    with pytest.raises(SettingsError, match=r"Unknown setting 'modle' in .*config.toml"):
        load(env={"COACH_HOME": str(tmp_path)})


def test_unknown_environment_variable_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="COACH_PORTT"):
        load(env={"COACH_HOME": str(tmp_path), "COACH_PORTT": "1"})


def test_bad_value_type_is_explained(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="'port' must be int"):
        load(env={"COACH_HOME": str(tmp_path), "COACH_PORT": "eighty"})


def test_invalid_toml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("n_ctx = = 3\n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load(env={"COACH_HOME": str(tmp_path)})


def test_auth_is_masked_when_shown(tmp_path: Path) -> None:
    s = load(env={"COACH_HOME": str(tmp_path), "COACH_AUTH": "anna:geheim"})
    assert s.as_dict()["auth"] == "anna:***"
