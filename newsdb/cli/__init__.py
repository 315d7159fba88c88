"""The ``newsdb`` command line: one click group, verbs as commands."""

from __future__ import annotations

import importlib

import click

from newsdb import __version__
from newsdb.cli.context import AppContext

# Command modules register themselves on `main`; each owns one area.
_COMMAND_MODULES = ("db", "load", "report")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


for _name in _COMMAND_MODULES:
    importlib.import_module(f"newsdb.cli.{_name}")
