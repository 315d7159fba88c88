"""``newsdb db ...``: the database's life cycle and schema."""

from __future__ import annotations

import sys

import click
from sqlalchemy import text
from sqlalchemy.exc import OperationalError, ProgrammingError

from newsdb.cli import main
from newsdb.cli.context import AppContext, pass_app
from newsdb.db.connection import describe_connect_error, masked
from newsdb.db.embedded import DATABASE, SUPERUSER, EmbeddedServer, EmbeddedServerError
from newsdb.db.migrate import SchemaError, check_current, current_revision, downgrade, head_revision, upgrade
from newsdb.db.reporting import recount_reporting
from newsdb.db.roles import RoleError, check_name, grant_reader, list_readers, revoke_reader


@main.group()
def db() -> None:
    """Manage the database: the embedded server and the schema.

    \b
    Example:
        newsdb db status
        newsdb db upgrade
    """


def _embedded_only(app: AppContext, command: str) -> EmbeddedServer:
    target = app.target(start=False)
    if target.server is None:
        raise click.ClickException(
            f"`newsdb db {command}` manages the embedded server, but the database is set by "
            f"{'--database-url' if target.origin == 'option' else 'NEWSDB_DATABASE_URL'} ({target.masked})"
        )
    return target.server


@db.command()
@pass_app
def start(app: AppContext) -> None:
    """Start the embedded PostgreSQL server (initialising it on first use).

    It keeps running after newsdb exits, so BI tools can connect, until
    `newsdb db stop`.

    \b
    Example:
        newsdb db start
    """
    server = _embedded_only(app, "start")
    try:
        server.start()
    except EmbeddedServerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"started the embedded server on 127.0.0.1:{server.port()} (data {server.pgdata})")


@db.command()
@pass_app
def stop(app: AppContext) -> None:
    """Stop the embedded PostgreSQL server.

    \b
    Example:
        newsdb db stop
    """
    server = _embedded_only(app, "stop")
    try:
        server.stop()
    except EmbeddedServerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("stopped the embedded server")


@db.command()
@pass_app
def status(app: AppContext) -> None:
    """Show where the database is, whether it runs, and its schema revision.

    Starts nothing: on a fresh machine it reports that no server runs yet.

    \b
    Example:
        newsdb db status
    """
    target = app.target(start=False)
    lines: list[tuple[str, str]] = []
    if target.server is not None:
        st = target.server.status()
        lines.append(("server", "embedded PostgreSQL"))
        lines.append(("running", f"yes (pid {st.pid})" if st.running else "no"))
        lines.append(("data dir", str(target.server.pgdata)))
        if not st.initialised:
            lines.append(("initialised", "no (created on first use)"))
        else:
            lines.append(("size", _human_bytes(target.server.size_bytes())))
        if st.running:
            lines.append(("url", masked(target.server.tcp_url())))
            lines.append(("schema", _schema_line(app)))
        else:
            lines.append(("schema", "unknown (server not running; `newsdb db start`)"))
    else:
        lines.append(("server", f"external ({target.origin})"))
        lines.append(("url", target.masked))
        lines.append(("schema", _schema_line(app)))
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        click.echo(f"{key.ljust(width)}  {value}")


def _schema_line(app: AppContext) -> str:
    try:
        engine = app.engine(check_schema=False)
        current = current_revision(engine)
        check_current(engine)
    except click.ClickException as exc:
        return f"unreachable: {exc.message}"
    except SchemaError as exc:
        return f"{current or 'empty'}: {exc}"
    return f"{current} (up to date)"


def _human_bytes(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


@db.command()
@click.option("--reveal", is_flag=True, help="Print the password instead of ***.")
@click.option("--role", metavar="NAME", help="A URL for this reader login (its password is not stored: shown as ***).")
@pass_app
def url(app: AppContext, reveal: bool, role: str | None) -> None:
    """Print the database URL (password masked unless --reveal).

    For the embedded server this is the TCP URL a BI tool on this machine uses.

    \b
    Example:
        newsdb db url
        newsdb db url --role metabase
        psql "$(newsdb db url --reveal | sed 's/+psycopg//')"
    """
    if role is not None:
        try:
            check_name(role)
        except RoleError as exc:
            raise click.BadParameter(str(exc), param_hint="--role") from exc
        if reveal:
            raise click.UsageError("newsdb does not store reader passwords; --reveal works for the owner's URL only")
        _check_reader(app, role)
        click.echo(_role_url(app, role))
        return
    target = app.target()
    if target.server is not None:
        try:
            value = target.server.tcp_url()
        except EmbeddedServerError as exc:
            raise click.ClickException(str(exc)) from exc
    else:
        value = target.url.render_as_string(hide_password=False)
    click.echo(value if reveal else masked(value))


@db.command("upgrade")
@click.argument("revision", default="head")
@pass_app
def upgrade_cmd(app: AppContext, revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest).

    Same as `alembic upgrade head`.

    \b
    Example:
        newsdb db upgrade
    """
    engine = app.engine(check_schema=False)
    try:
        upgrade(engine, revision)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"schema at revision {current_revision(engine)}")


@db.command("downgrade")
@click.argument("revision")
@pass_app
def downgrade_cmd(app: AppContext, revision: str) -> None:
    """Downgrade the schema to REVISION ('base' removes it all).

    \b
    Example:
        newsdb db downgrade base
    """
    engine = app.engine(check_schema=False)
    try:
        downgrade(engine, revision)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"schema at revision {current_revision(engine) or 'base (empty)'}")


@db.command()
@pass_app
def current(app: AppContext) -> None:
    """Print the schema revision of the database.

    \b
    Example:
        newsdb db current
    """
    engine = app.engine(check_schema=False)
    rev = current_revision(engine)
    head = head_revision()
    click.echo(f"{rev or 'base (empty)'}{' (head)' if rev == head else f' (head is {head})'}")


@db.command()
@click.option("--yes", is_flag=True, help="Confirm: every article and fact in the database is deleted.")
@pass_app
def reset(app: AppContext, yes: bool) -> None:
    """Delete everything and recreate an empty schema at the newest revision.

    \b
    Example:
        newsdb db reset --yes
    """
    if not yes:
        raise click.UsageError("reset deletes the whole archive; pass --yes to confirm")
    engine = app.engine(check_schema=False)
    target = app.target()
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS reporting CASCADE"))
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except (OperationalError, ProgrammingError) as exc:
        raise click.ClickException(describe_connect_error(exc, target)) from exc
    try:
        upgrade(engine, "head")
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"reset: empty schema at revision {current_revision(engine)}")


@db.command()
@pass_app
def recount(app: AppContext) -> None:
    """Recompute the archive-wide counts (mentions, articles, co-occurrence) from scratch.

    Each load keeps the counts current by itself; this is for after rows were
    deleted or edited by hand in SQL. Dashboards keep reading the old counts
    until the new ones are ready; loads go on meanwhile, and what they add is
    counted at their end.

    \b
    Example:
        newsdb db recount
    """
    engine = app.engine()
    recount_reporting(engine)
    click.echo("recounted mentions, statement and event reports and co-occurrence from the base tables")


def _connection_parts(app: AppContext) -> tuple[str, int, str, str]:
    """(host, port, database, owner user) as a BI tool on this machine should use them."""
    target = app.target()
    if target.server is not None:
        port = target.server.port()
        assert port is not None
        return "127.0.0.1", port, DATABASE, SUPERUSER
    url = target.url
    host = url.host or str(url.query.get("host") or "localhost")
    return host, url.port or 5432, url.database or "", url.username or ""


def _check_reader(app: AppContext, role: str) -> None:
    """``role`` is a reader login newsdb made; else a one-line error saying how to make one."""
    if role not in list_readers(app.engine()):
        raise click.ClickException(
            f"there is no newsdb reader named {role!r}; create it with `newsdb db grant-reader {role}`"
        )


def _role_url(app: AppContext, role: str) -> str:
    host, port, database, _owner = _connection_parts(app)
    return f"postgresql://{role}:***@{host}:{port}/{database}"


@db.command("grant-reader")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (first line).")
@click.option(
    "--statement-timeout",
    default="30s",
    show_default=True,
    metavar="DURATION",
    help="Longest query the reader may run (e.g. 30s, 2min), so a runaway dashboard cannot hold the server.",
)
@pass_app
def grant_reader_cmd(app: AppContext, name: str, password_stdin: bool, statement_timeout: str) -> None:
    """Create or update a read-only login for SQL users and BI tools.

    The role NAME may SELECT from the views of the `reporting` schema and
    nothing else: no base tables, no writes, no DDL. Its sessions are
    read-only, start in `reporting`, and stop queries after --statement-timeout.
    The password is read from standard input (--password-stdin) or asked for
    on the terminal; newsdb does not store or print it.

    \b
    Example:
        newsdb db grant-reader metabase            # asks for the password
        echo "$PW" | newsdb db grant-reader superset --password-stdin
    """
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = click.prompt("password for the reader", hide_input=True, confirmation_prompt=True)
    else:
        raise click.UsageError("standard input is not a terminal: pass the password with --password-stdin")
    engine = app.engine()
    try:
        created = grant_reader(engine, name, password, statement_timeout=statement_timeout)
    except RoleError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{'created' if created else 'updated'} reader {name}: SELECT on reporting.* only")
    click.echo(f"connect with {_role_url(app, name)}  (`newsdb db bi-info --role {name}` for BI tools)")


@db.command("revoke-reader")
@click.argument("name")
@pass_app
def revoke_reader_cmd(app: AppContext, name: str) -> None:
    """Remove a read-only login made by `newsdb db grant-reader`.

    Roles not made by newsdb are refused, never dropped.

    \b
    Example:
        newsdb db revoke-reader metabase
    """
    engine = app.engine()
    try:
        revoke_reader(engine, name)
    except RoleError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"removed reader {name}")


@db.command("bi-info")
@click.option("--role", metavar="NAME", help="The reader login the BI tool will use (default: the owner).")
@pass_app
def bi_info(app: AppContext, role: str | None) -> None:
    """Print what Metabase, Superset and other BI tools ask for to connect.

    Host, port, database, user, the JDBC URL (Metabase, Tableau, DBeaver) and
    the SQLAlchemy URI (Superset). Passwords are shown as ***.

    \b
    Example:
        newsdb db grant-reader metabase
        newsdb db bi-info --role metabase
    """
    if role is not None:
        try:
            check_name(role)
        except RoleError as exc:
            raise click.BadParameter(str(exc), param_hint="--role") from exc
        _check_reader(app, role)
    host, port, database, owner = _connection_parts(app)
    user = role or owner
    rows = [
        ("host", host),
        ("port", str(port)),
        ("database", database),
        ("user", user),
        ("password", "*** (the one given to grant-reader)" if role else "*** (`newsdb db url --reveal`)"),
        ("schema", "reporting"),
        ("jdbc url", f"jdbc:postgresql://{host}:{port}/{database}"),
        ("sqlalchemy uri", f"postgresql://{user}:***@{host}:{port}/{database}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        click.echo(f"{key.ljust(width)}  {value}")
