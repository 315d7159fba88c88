"""The ``newsdb`` command line: one click group, verbs as commands."""

from __future__ import annotations

import importlib

import click

from newsdb import __version__
from newsdb.cli.context import AppContext

# Command modules register their commands on `main` when imported; each owns one area. A command's
# module is imported only when that command runs (or --help lists them all), so that `newsdb extract`
# never imports the database layer and `newsdb load` not the reports; tests/test_docs.py checks that
# this table names every command.
COMMAND_MODULES = {
    "db": "db",
    "extract": "load",
    "load": "load",
    "runs": "load",
    "report": "report",
    "search": "report",
    "show": "report",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"newsdb.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--database-url",
    envvar="NEWSDB_DATABASE_URL",
    metavar="URL",
    help="PostgreSQL URL or libpq DSN (env NEWSDB_DATABASE_URL). Default: the embedded server, started on first use.",
)
@click.version_option(__version__, prog_name="newsdb")
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """newsdb: a relational news archive in PostgreSQL.

    Load news articles, extract who said what and what happened, and query
    the archive from the shell, from SQL, or from BI tools.

    \b
    Example:
        newsdb load seeds/
        newsdb report statements --speaker Lavrov
        newsdb db status
    """
    app = AppContext(database_url=database_url)
    ctx.obj = app
    ctx.call_on_close(app.close)
