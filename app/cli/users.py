"""`coach users`: the accounts of an app server shared by an organisation.

Passwords are typed at a hidden prompt (or piped on stdin), never given as arguments, so they
do not end up in the shell history or the process list.
"""

from __future__ import annotations

import time
from typing import Any

import click

from app.adapters.accounts import ROLES, Accounts

RESET_WARNING = (
    "A reset makes a new key: everything {name} stored so far can no longer be opened, by "
    "anyone. Only a password change by {name} keeps the data."
)


def _accounts(ctx: Any) -> Accounts:
    return Accounts(ctx.settings.home / "accounts.db")


def _password(prompt: str) -> str:
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=True))


@click.group()
def users() -> None:
    """Accounts for an app server shared by several people."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="employee", show_default=True)
@click.pass_obj
def users_add(ctx: Any, name: str, role: str) -> None:
    user = _accounts(ctx).add(name, _password("Password"), role)
    click.echo(f"Added {user.name} ({user.role}).")


@users.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Confirm removing the account.")
@click.pass_obj
def users_remove(ctx: Any, name: str, yes: bool) -> None:
    if not yes:
        raise click.UsageError(f"This removes {name}'s account. Add --yes to confirm.")
    _accounts(ctx).remove(name)
    click.echo(f"Removed {name}.")


@users.command("passwd")
@click.argument("name")
@click.option("--reset", is_flag=True, help="As administrator: set a new password (data lost).")
@click.pass_obj
def users_passwd(ctx: Any, name: str, reset: bool) -> None:
    accounts = _accounts(ctx)
    if reset:
        click.echo(RESET_WARNING.format(name=name), err=True)
        click.confirm("Reset anyway?", abort=True)
        accounts.reset_password(name, _password("New password"))
        click.echo(f"Password of {name} reset.")
        return
    old = str(click.prompt("Current password", hide_input=True))
    accounts.change_password(name, old, _password("New password"))
    click.echo(f"Password of {name} changed; the data stays readable.")


@users.command("list")
@click.pass_obj
def users_list(ctx: Any) -> None:
    """Each account with its role and how much it holds: counts only, never any text."""
    from app.services import Coach

    click.echo(f"{'name':20s} {'role':10s} {'since':10s} conversations turns documents meetings")
    for row in Coach(ctx.settings).account_counts():
        when = time.strftime("%Y-%m-%d", time.localtime(row["since"]))
        click.echo(
            f"{row['name']:20s} {row['role']:10s} {when:10s} {row['conversations']:13d} "
            f"{row['turns']:5d} {row['documents']:9d} {row['meetings']:8d}"
        )
