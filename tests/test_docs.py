"""The docs stay true to the code: every command documented, generated references current."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click
import pytest

from newsdb.cli import COMMAND_MODULES, main
from tests.conftest import REPO


def all_commands() -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []

    def walk(cmd: click.Command, path: str) -> None:
        out.append((path, cmd))
        if isinstance(cmd, click.Group):
            ctx = click.Context(cmd)
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)
                assert sub is not None, f"{path} lists {name} but has no such command"
                walk(sub, f"{path} {name}")

    walk(main, "newsdb")
    return out


def test_the_lazy_command_table_names_every_command() -> None:
    """A command missing from COMMAND_MODULES would vanish whenever its module was not imported yet."""
    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"newsdb.cli.{module}")
    assert sorted(main.commands) == sorted(COMMAND_MODULES)


@pytest.mark.parametrize(("path", "command"), all_commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help_with_an_example(path: str, command: click.Command) -> None:
    assert command.help, f"{path} has no help text"
    assert "Example:" in command.help, f"{path}'s help has no Example block"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name not in {"help", "version"}:
            assert param.help, f"{path} {param.opts[0]} has no help text"


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_python_dash_m_works_like_the_command() -> None:
    result = subprocess.run([sys.executable, "-m", "newsdb", "--version"], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "newsdb, version 0.1.0\n")
