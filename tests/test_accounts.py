"""Accounts and the per-user vault: passwords, roles, slowing down guessing, data keys."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.adapters import vault
from app.adapters.accounts import AccountError, Accounts, Kdf, LoginFailed

FAST = Kdf(n=2**10)  # the real cost is 2**15; the logic is the same
PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(tmp_path: Path) -> Accounts:
    return Accounts(tmp_path / "accounts.db", kdf=FAST)


def test_a_user_logs_in_with_their_password_only(accounts: Accounts) -> None:
    accounts.add("Anna", PASSWORD, "supervisor")
    session = accounts.login("anna", PASSWORD)
    assert session.user.name == "anna" and session.user.role == "supervisor"
    assert len(session.data_key) == 32
    with pytest.raises(LoginFailed) as wrong:
        accounts.login("anna", PASSWORD + "!")
    with pytest.raises(LoginFailed) as unknown:
        accounts.login("nobody", PASSWORD)
    assert str(wrong.value) == str(unknown.value)  # no hint which of the two was wrong


def test_names_roles_and_passwords_are_checked(accounts: Accounts) -> None:
    with pytest.raises(AccountError):
        accounts.add("anna", "short", "employee")
    with pytest.raises(AccountError):
        accounts.add("anna", PASSWORD, "owner")
    with pytest.raises(AccountError):
        accounts.add("../etc", PASSWORD)
    accounts.add("anna", PASSWORD)
    with pytest.raises(AccountError):
        accounts.add("ANNA", PASSWORD)
    assert [u.name for u in accounts.users()] == ["anna"]


def test_guessing_slows_down_and_a_right_password_resets_the_count(accounts: Accounts) -> None:
    accounts.add("anna", PASSWORD)
    now = 1000.0
    waits = []
    for _ in range(7):
        with pytest.raises(LoginFailed) as failed:
            accounts.login("anna", "wrong password", now=now)
        waits.append(failed.value.wait)
        now += failed.value.wait + 0.5  # each guess after the wait is over
    assert waits[:4] == [0, 0, 0, 0] and waits[4] > 0 and waits[6] > waits[5] > waits[4]
    now -= 1.0  # inside the last wait: even the right password waits its turn
    with pytest.raises(LoginFailed) as waiting:
        accounts.login("anna", PASSWORD, now=now)
    assert 0 < waiting.value.wait <= 1.0
    later = now + 2
    assert accounts.login("anna", PASSWORD, now=later).user.name == "anna"
    with pytest.raises(LoginFailed) as again:
        accounts.login("anna", "wrong password", now=later)
    assert again.value.wait == 0


def test_a_password_change_keeps_the_data_and_a_reset_loses_it(accounts: Accounts) -> None:
    accounts.add("anna", PASSWORD)
    key = accounts.login("anna", PASSWORD).data_key
    sealed = vault.seal_text(key, "mijn reflectie", "anna/1")
    accounts.change_password("anna", PASSWORD, "a brand new passphrase")
    with pytest.raises(LoginFailed):
        accounts.login("anna", PASSWORD)
    kept = accounts.login("anna", "a brand new passphrase").data_key
    assert vault.open_text(kept, sealed, "anna/1") == "mijn reflectie"
    accounts.reset_password("anna", "reset by the admin")
    fresh = accounts.login("anna", "reset by the admin").data_key
    with pytest.raises(vault.SealBroken):
        vault.open_text(fresh, sealed, "anna/1")


def test_the_file_is_private_and_holds_no_password_or_key(accounts: Accounts) -> None:
    accounts.add("anna", PASSWORD)
    key = accounts.login("anna", PASSWORD).data_key
    assert stat.S_IMODE(accounts.path.stat().st_mode) == 0o600
    raw = accounts.path.read_bytes()
    assert PASSWORD.encode() not in raw and key not in raw


def test_a_sealed_value_opens_only_with_its_key_and_in_its_place() -> None:
    key, other = b"k" * 32, b"o" * 32
    sealed = vault.seal_text(key, "geheim", "anna/conversation/1")
    assert b"geheim" not in sealed
    assert vault.open_text(key, sealed, "anna/conversation/1") == "geheim"
    for wrong_key, place in ((other, "anna/conversation/1"), (key, "bob/conversation/1")):
        with pytest.raises(vault.SealBroken):
            vault.open_text(wrong_key, sealed, place)
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(vault.SealBroken):
        vault.open_text(key, tampered, "anna/conversation/1")
    assert vault.seal_text(key, "geheim") != vault.seal_text(key, "geheim")  # fresh nonces


def test_the_users_command_adds_lists_changes_and_resets(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from app.cli.main import cli

    home = ["--home", str(tmp_path)]
    run = CliRunner().invoke
    added = run(
        cli, [*home, "users", "add", "anna", "--role", "supervisor"], input=f"{PASSWORD}\n" * 2
    )
    assert added.exit_code == 0 and "anna (supervisor)" in added.output
    listed = run(cli, [*home, "users", "list"])
    assert (
        "anna" in listed.output and "supervisor" in listed.output and PASSWORD not in listed.output
    )
    short = run(cli, [*home, "users", "add", "bob"], input="short\nshort\n")
    assert short.exit_code != 0
    changed = run(
        cli, [*home, "users", "passwd", "anna"], input=f"{PASSWORD}\n" + "another long one\n" * 2
    )
    assert changed.exit_code == 0 and "stays readable" in changed.output
    refused = run(cli, [*home, "users", "passwd", "anna", "--reset"], input="n\n")
    assert refused.exit_code != 0 and "can no longer be opened" in refused.output
    Accounts(tmp_path / "accounts.db").login("anna", "another long one")
    removed = run(cli, [*home, "users", "remove", "anna", "--yes"])
    assert removed.exit_code == 0 and Accounts(tmp_path / "accounts.db").users() == []


def test_the_app_runs_without_the_organisation_extra_and_says_what_to_install(
    tmp_path: Path,
) -> None:
    # A Python where the cryptography package cannot be imported: the CLI still starts, and
    # adding an account ends in a clear message instead of a traceback.
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['cryptography'] = None\n"
        "from app.cli.main import main\n"
        "sys.argv = ['coach', 'users', 'add', 'anna']\n"
        "main()\n"
    )
    env = {"COACH_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="geheim-wachtwoord-1\ngeheim-wachtwoord-1\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode != 0
    assert "pip install -e '.[org]'" in done.stdout + done.stderr
