"""``newsdb report ...``, ``newsdb search`` and ``newsdb show``: questions answered from the shell."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import click

from newsdb.cli import main
from newsdb.cli.context import AppContext, pass_app
from newsdb.cli.output import RowSet, emit, output_options
from newsdb.reports import article as article_report
from newsdb.reports import cooccurrence as cooccurrence_report
from newsdb.reports import entity as entity_report
from newsdb.reports import timeline as timeline_report
from newsdb.reports.common import EntityRef, Filters, ReportError, resolve_entity, resolve_one
from newsdb.reports.entities import top_entities
from newsdb.reports.events import events as events_query
from newsdb.reports.overview import overview as overview_query
from newsdb.reports.result import Result
from newsdb.reports.search import search as search_query
from newsdb.reports.sources import sources as sources_query
from newsdb.reports.statements import statements as statements_query

F = TypeVar("F", bound=Callable[..., Any])
DATE = click.DateTime(formats=["%Y-%m-%d"])


def report_options(default_limit: int = 20) -> Callable[[F], F]:
    """--since/--until/--source/--limit and --format, handed to the command as ``filters``."""

    def decorate(fn: F) -> F:
        @click.option("--since", type=DATE, metavar="YYYY-MM-DD", help="Only articles published on or after this day.")
        @click.option("--until", type=DATE, metavar="YYYY-MM-DD", help="Only articles published on or before this day.")
        @click.option("--source", metavar="CODE", help="Only articles of this source, e.g. site-59.")
        @click.option(
            "--limit", type=int, default=default_limit, show_default=True, help="Most rows to show (at least 1)."
        )
        @output_options
        @functools.wraps(fn)
        def wrapper(
            *args: Any, since: datetime | None, until: datetime | None, source: str | None, limit: int, **kw: Any
        ) -> Any:
            if limit < 1:
                raise click.BadParameter(f"{limit} is not a positive number of rows", param_hint="--limit")
            if since and until and since > until:
                raise click.UsageError(f"--since {since.date()} is after --until {until.date()}: swap them")
            filters = Filters(
                since=since.date() if since else None, until=until.date() if until else None, source=source, limit=limit
            )
            try:
                return fn(*args, filters=filters, **kw)
            except ReportError as exc:
                raise click.ClickException(str(exc)) from exc

        return wrapper  # type: ignore[return-value]

    return decorate


def _emit(result: Result, filters: Filters, output_format: str, title: str, empty: str) -> None:
    emit(
        RowSet(
            result.columns,
            result.rows,
            title=title,
            empty_message=empty + filters.describe(),
            notes=result.note(filters.limit),
        ),
        output_format,
    )


def _entities(
    app: AppContext, names: tuple[str, ...] | list[str], option: str, kind: str | None = None
) -> list[EntityRef]:
    with app.engine().connect() as conn:
        found: list[EntityRef] = []
        for name in names:
            found.extend(resolve_entity(conn, name, kind=kind, option=option))
        return found


@main.group()
def report() -> None:
    """Answer questions about the archive: who said what, who is mentioned, what happened.

    Every report takes --since/--until, --source, --limit and
    --format table|csv|json|jsonl (a table on a terminal, CSV when piped).

    \b
    Example:
        newsdb report overview
        newsdb report statements --speaker Lavrov --format json
    """


@report.command()
@report_options()
@pass_app
def overview(app: AppContext, filters: Filters, output_format: str) -> None:
    """What the archive holds: articles, sources, dates, entities, statements, events.

    \b
    Example:
        newsdb report overview
        newsdb report overview --since 2024-01-01 --source site-59
    """
    with app.engine().connect() as conn:
        result = overview_query(conn, filters)
    _emit(result, filters, output_format, "The archive", "nothing in the archive")


@report.command()
@report_options()
@pass_app
def sources(app: AppContext, filters: Filters, output_format: str) -> None:
    """Articles per source, first and last publication, share with extracted statements.

    \b
    Example:
        newsdb report sources --format csv > sources.csv
    """
    with app.engine().connect() as conn:
        result = sources_query(conn, filters)
    _emit(result, filters, output_format, "Sources", "no articles with a source")


def _top(kind: str, plural: str) -> Callable[..., None]:
    @report_options()
    @click.option(
        "--min-mentions", type=click.IntRange(min=1), default=1, show_default=True, help="Leave out rarer ones."
    )
    @pass_app
    def command(app: AppContext, filters: Filters, output_format: str, min_mentions: int) -> None:
        with app.engine().connect() as conn:
            result = top_entities(conn, filters, kind, min_mentions)
        _emit(result, filters, output_format, f"Most mentioned {plural}", f"no {plural} mentioned")

    command.__doc__ = f"""The most mentioned {plural}, with mention and article counts and first/last seen.

    \b
    Example:
        newsdb report {plural} --limit 10
        newsdb report {plural} --since 2024-01-01 --min-mentions 5 --format json
    """
    return command


report.command("people")(_top("person", "people"))
report.command("organizations")(_top("organization", "organizations"))
report.command("places")(_top("place", "places"))


@report.command()
@click.argument("name")
@report_options(default_limit=10)
@pass_app
def entity(app: AppContext, name: str, filters: Filters, output_format: str) -> None:
    """Profile of one person, organization or place.

    NAME is any name the entity was seen under ("Lavrov", "Mr. Lavrov"),
    case- and accent-insensitive. When it fits several entities they are
    listed: pick one with NAME#ID. When none fits, close names are suggested.
    --format json gives one object with every section; jsonl one line per
    section row (with a "section" field); csv one table per section, each
    after a "# section" line.

    \b
    Example:
        newsdb report entity "Kim Jong-un"
        newsdb report entity "Kim#12" --format json
    """
    with app.engine().connect() as conn:
        ref = resolve_one(conn, name)
        data = entity_report.profile(conn, filters, ref)
    sections: dict[str, Result] = data.pop("sections")
    if output_format == "json":
        data["sections"] = {k: [dict(zip(r.columns, row, strict=True)) for row in r.rows] for k, r in sections.items()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        return
    if output_format == "jsonl":
        for section, result in sections.items():
            for row in result.rows:
                record = {"section": section, **dict(zip(result.columns, row, strict=True))}
                click.echo(json.dumps(record, ensure_ascii=False, default=_json_default))
        return
    header = (
        f"{data['name']} (#{data['entity_id']}, {data['kind']}): {_count(data['mentions'], 'mention')} in "
        f"{_count(data['articles_count'], 'article')}{filters.describe()}"
    )
    click.echo(header, err=output_format == "csv")
    click.echo(f"aliases: {', '.join(data['aliases'])}", err=output_format == "csv")
    for section, result in sections.items():
        if output_format == "csv":
            click.echo(f"# {section}")
        _emit(result, filters, output_format, section.capitalize(), f"no {section}")


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@report.command()
@click.option("--speaker", multiple=True, metavar="NAME", help="Only statements by this entity (repeatable).")
@click.option("--about", metavar="NAME", help="Only statements whose quoted text names this entity.")
@click.option(
    "--type",
    "statement_type",
    type=click.Choice(["direct", "partial", "indirect"]),
    help="Only this kind of statement.",
)
@click.option("--contains", metavar="TEXT", help="Only quotes containing TEXT (case-insensitive, literal).")
@report_options()
@pass_app
def statements(
    app: AppContext,
    speaker: tuple[str, ...],
    about: str | None,
    statement_type: str | None,
    contains: str | None,
    filters: Filters,
    output_format: str,
) -> None:
    """Who said what: quotes and reported speech with speaker, date and source.

    Each row also says how many articles carried the same statement.

    \b
    Example:
        newsdb report statements --speaker Lavrov
        newsdb report statements --about "North Korea" --type direct --since 2024-01-01
        newsdb report statements --contains "nuclear" --format csv
    """
    speakers = _entities(app, speaker, "--speaker") if speaker else None
    abouts = _entities(app, [about], "--about") if about else None
    with app.engine().connect() as conn:
        result = statements_query(
            conn, filters, speakers=speakers, about=abouts, statement_type=statement_type, contains=contains
        )
    asked = "".join(
        f" {flag} {value}"
        for flag, value in (
            ("--speaker", ", ".join(speaker)),
            ("--about", about),
            ("--type", statement_type),
            ("--contains", contains),
        )
        if value
    )
    _emit(result, filters, output_format, "Statements", f"no statements match{asked}")


@report.command()
@click.option("--type", "event_type", metavar="TYPE", help="PLOVER type, by code or label (CONSULT, Accuse...).")
@click.option("--participant", multiple=True, metavar="NAME", help="Only events this entity took part in.")
@click.option("--place", metavar="NAME", help="Only events at this place.")
@click.option(
    "--context",
    type=click.Choice(["occurred", "future", "hypothetical", "historical"]),
    help="occurred, future (planned), hypothetical or historical.",
)
@report_options()
@pass_app
def events(
    app: AppContext,
    event_type: str | None,
    participant: tuple[str, ...],
    place: str | None,
    context: str | None,
    filters: Filters,
    output_format: str,
) -> None:
    """What happened: PLOVER-typed events with date, place, participants and reporting articles.

    \b
    Example:
        newsdb report events --type CONSULT
        newsdb report events --participant "Kim Jong-un" --context future
    """
    participants = _entities(app, participant, "--participant") if participant else None
    places = _entities(app, [place], "--place", kind="place") if place else None
    with app.engine().connect() as conn:
        result = events_query(
            conn, filters, event_type=event_type, participants=participants, places=places, context=context
        )
    _emit(result, filters, output_format, "Events", "no events match")


@report.command()
@click.argument("names", nargs=-1, required=True, metavar="ENTITY...")
@click.option(
    "--by", type=click.Choice(timeline_report.MEASURES), default="mentions", show_default=True, help="What to count."
)
@click.option(
    "--interval", type=click.Choice(timeline_report.INTERVALS), default="month", show_default=True, help="Bucket size."
)
@click.option("--plot", "plot_path", metavar="FILE", help="Also draw the timeline to FILE (.png or .svg).")
@report_options()
@pass_app
def timeline(
    app: AppContext,
    names: tuple[str, ...],
    by: str,
    interval: str,
    plot_path: str | None,
    filters: Filters,
    output_format: str,
) -> None:
    """Mentions, statements or events of one or more entities per day, week or month.

    \b
    Example:
        newsdb report timeline "Sergei Lavrov" "Kim Jong-un" --interval week
        newsdb report timeline Lavrov --by statements --plot lavrov.png
    """
    if plot_path and not plot_path.lower().endswith((".png", ".svg")):
        raise click.BadParameter("the plot file must end in .png or .svg", param_hint="--plot")
    refs = [_one(app, n) for n in names]
    with app.engine().connect() as conn:
        result = timeline_report.timeline(conn, filters, refs, by, interval)
    if plot_path and result.rows:
        timeline_report.plot(result, plot_path, f"{by} per {interval}")
        click.echo(f"wrote {plot_path}", err=True)
    _emit(result, filters, output_format, f"{by.capitalize()} per {interval}", f"no dated {by} for {', '.join(names)}")


def _one(app: AppContext, name: str) -> EntityRef:
    with app.engine().connect() as conn:
        return resolve_one(conn, name)


@report.command()
@click.option("--entity", "entity_name", metavar="NAME", help="Only pairs that include this entity.")
@click.option("--plot", "plot_path", metavar="FILE", help="Also draw the pairs as a network to FILE (.png or .svg).")
@report_options()
@pass_app
def cooccurrence(
    app: AppContext, entity_name: str | None, plot_path: str | None, filters: Filters, output_format: str
) -> None:
    """Entity pairs named in the same articles most often.

    \b
    Example:
        newsdb report cooccurrence --limit 30
        newsdb report cooccurrence --entity "Kim Jong-un" --plot kim.png
    """
    if plot_path and not plot_path.lower().endswith((".png", ".svg")):
        raise click.BadParameter("the plot file must end in .png or .svg", param_hint="--plot")
    refs = _entities(app, [entity_name], "--entity") if entity_name else None
    with app.engine().connect() as conn:
        result = cooccurrence_report.cooccurrence(conn, filters, refs)
    if plot_path and result.rows:
        cooccurrence_report.plot(result, plot_path, "Entities named together")
        click.echo(f"wrote {plot_path}", err=True)
    _emit(result, filters, output_format, "Named together", "no entity pairs")


@main.command()
@click.argument("query")
@report_options()
@pass_app
def search(app: AppContext, query: str, filters: Filters, output_format: str) -> None:
    """Full-text search over titles and bodies, ranked, with highlighted snippets.

    QUERY uses web-search syntax: words, "quoted phrases", OR, -excluded.

    \b
    Example:
        newsdb search "nuclear submarine"
        newsdb search '"joint military exercises" -Japan' --since 2023-01-01 --format json
    """
    if not query.strip():
        raise click.BadParameter("the search query is empty", param_hint="QUERY")
    with app.engine().connect() as conn:
        result = search_query(conn, filters, query)
    _emit(result, filters, output_format, f"Articles matching {query!r}", f"no articles match {query!r}")


@main.group()
def show() -> None:
    """Show one stored item in full.

    \b
    Example:
        newsdb show article 1
    """


@show.command("article")
@click.argument("article_id", type=int, metavar="ID")
@output_options
@pass_app
def show_article(app: AppContext, article_id: int, output_format: str) -> None:
    """An article with its entities, statements and events.

    On a terminal the body is printed with the spans highlighted: entities
    in colour by kind, quotes underlined. --format json gives the structure.

    \b
    Example:
        newsdb show article 1
        newsdb show article 1 --format json | jq '.statements[].speaker'
    """
    with app.engine().connect() as conn:
        try:
            data = article_report.article_facts(conn, article_id)
        except ReportError as exc:
            raise click.ClickException(str(exc)) from exc
    if output_format in ("json", "jsonl"):
        indent = 2 if output_format == "json" else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=indent, default=_json_default))
        return
    if output_format == "csv":
        emit(
            RowSet(["kind", "start", "end", "text", "entity_or_speaker", "detail"], _fact_rows(data)),
            "csv",
        )
        return
    _print_article(data)


def _fact_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    body = data["body"]
    rows: list[tuple[Any, ...]] = []
    for m in data["mentions"]:
        rows.append(("mention", m["start"], m["end"], m["text"], m["name"], m["kind"]))
    for s in data["statements"]:
        rows.append(
            (
                "statement",
                s["start"],
                s["end"],
                body[s["start"] : s["end"]],
                s["speaker"],
                f"{s['type']} {s['cue'] or ''}".strip(),
            )
        )
    for e in data["events"]:
        rows.append(
            ("event", e["start"], e["end"], e["trigger"], e["type"], f"{e['mode'] or ''} {e['context']}".strip())
        )
    return sorted(rows, key=lambda r: (r[1], r[0]))


def _print_article(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=sys.stdout, highlight=False)
    colours = {"person": "bold cyan", "organization": "bold magenta", "place": "bold green"}
    meta = " · ".join(
        str(v)
        for v in (data["source_name"] or data["source_code"], data["section"], data["dateline"], data["published_at"])
        if v
    )
    console.print(Text(data["title"] or "(untitled)", style="bold"))
    if meta:
        console.print(Text(meta, style="dim"))
    body = Text(data["body"])
    for s in data["statements"]:
        body.stylize("underline", s["start"], s["end"])
    for m in data["mentions"]:
        body.stylize(colours.get(m["kind"], "bold"), m["start"], m["end"])
    for e in data["events"]:
        body.stylize("reverse", e["start"], e["end"])
    console.print()
    console.print(body)
    console.print()
    console.print(Text("Statements", style="bold"))
    for s in data["statements"]:
        console.print(f"  [{s['type']}] {s['speaker'] or '(unattributed)'}: {s['quote']}", markup=False)
    console.print(Text("Events", style="bold"))
    for e in data["events"]:
        console.print(f"  {e['type']} {e['mode'] or ''} ({e['context']}) “{e['trigger']}”", markup=False)


def _count(n: int, noun: str) -> str:
    """ "1 article", "2,041 articles"."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
