from pathlib import Path

import pytest

from app.errors import SettingsError
from app.settings import Settings, api_key, load


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


KEY = "sk-test-Zq8mW2vX9pL4"


def test_api_key_comes_from_the_environment_and_is_never_shown(tmp_path: Path) -> None:
    s = load(env={"COACH_HOME": str(tmp_path), "COACH_API_KEY": KEY, "COACH_BACKEND": "openai"})
    assert api_key(s) == KEY
    assert s.as_dict()["api_key"] == "***"
    assert KEY not in repr(s) and KEY not in str(s.as_dict())


def test_api_key_is_refused_in_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(f'backend = "openai"\napi_key = "{KEY}"\n')
    with pytest.raises(SettingsError) as exc:
        load(env={"COACH_HOME": str(tmp_path)})
    assert "never read from" in str(exc.value) and "COACH_API_KEY" in str(exc.value)
    assert KEY not in str(exc.value)


def test_api_key_file_must_be_private(tmp_path: Path) -> None:
    path = tmp_path / "coach.key"
    path.write_text(KEY + "\n")
    (tmp_path / "config.toml").write_text(f'backend = "openai"\napi_key_file = "{path}"\n')
    settings = load(env={"COACH_HOME": str(tmp_path)})
    for mode in (0o644, 0o640, 0o604):
        path.chmod(mode)
        with pytest.raises(SettingsError) as exc:
            api_key(settings)
        message = str(exc.value)
        assert f"The API key file {path} is not private (mode {mode:o}" in message
        assert f"chmod 600 {path}" in message and KEY not in message
    path.chmod(0o600)
    assert api_key(settings) == KEY  # one line, the newline dropped
    assert api_key(settings.replace(api_key="from-env")) == "from-env"  # the variable wins


@pytest.mark.parametrize(
    ("content", "problem"), [("", "holds nothing"), ("a\nb\n", "holds several lines")]
)
def test_api_key_file_holds_one_key(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "coach.key"
    path.write_text(content)
    path.chmod(0o600)
    with pytest.raises(SettingsError, match=problem):
        api_key(Settings(home=tmp_path, api_key_file=str(path)))
    with pytest.raises(SettingsError, match="Cannot read the API key file .*No such file"):
        api_key(Settings(home=tmp_path, api_key_file=str(tmp_path / "missing.key")))


def test_backend_and_constraints_take_known_values(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match='\'backend\': expected "local", "openai"'):
        load(env={"COACH_HOME": str(tmp_path), "COACH_BACKEND": "vllm"})
    with pytest.raises(SettingsError, match="'constraints': expected"):
        load(env={"COACH_HOME": str(tmp_path), "COACH_CONSTRAINTS": "guided"})
    s = load(env={"COACH_HOME": str(tmp_path), "COACH_SERVER_TIMEOUT": "5"})
    assert (s.backend, s.constraints, s.server_timeout) == ("local", "llama.cpp", 5.0)
