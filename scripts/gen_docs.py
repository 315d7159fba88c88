"""Regenerate the reference docs that are derived from code.

.venv/bin/python scripts/gen_docs.py          # rewrite docs/cli.md and docs/schema.md
.venv/bin/python scripts/gen_docs.py --check  # exit 1 if they are stale (the tests do this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsdb.cli import main
from newsdb.db import models

DOCS = Path(__file__).resolve().parent.parent / "docs"


def cli_markdown() -> str:
    out = [
        "# Command line reference",
        "",
        "Generated from `--help` by `scripts/gen_docs.py`; do not edit by hand.",
        "",
    ]

    def walk(cmd: click.Command, path: list[str], parent: click.Context | None) -> None:
        ctx = click.Context(cmd, info_name=path[-1], parent=parent, terminal_width=100, max_content_width=100)
        out.extend([f"{'#' * min(len(path) + 1, 4)} `{' '.join(path)}`", "", "```", cmd.get_help(ctx), "```", ""])
        if isinstance(cmd, click.Group):
            for name in sorted(cmd.list_commands(ctx)):
                sub = cmd.get_command(ctx, name)
                if sub is not None and not sub.hidden:
                    walk(sub, [*path, name], ctx)

    walk(main, ["newsdb"], None)
    return "\n".join(out).rstrip() + "\n"


def schema_markdown() -> str:
    out = [
        "# Schema reference (base tables)",
        "",
        "Generated from the SQLAlchemy models by `scripts/gen_docs.py`; do not edit by hand.",
        "SQL users and BI tools should read the `reporting` views instead (docs/bi.md):",
        "the base tables may change between versions.",
        "",
        "| table | what it holds |",
        "|---|---|",
    ]
    tables = sorted(models.Base.metadata.tables.values(), key=lambda t: t.name)
    for table in tables:
        out.append(f"| `{table.name}` | {table.comment or ''} |")
    for table in tables:
        out.extend(
            [
                "",
                f"## `{table.name}`",
                "",
                table.comment or "",
                "",
                "| column | type | null | notes |",
                "|---|---|---|---|",
            ]
        )
        for col in table.columns:
            notes = []
            if col.primary_key:
                notes.append("primary key")
            for fk in col.foreign_keys:
                notes.append(f"→ `{fk.target_fullname}` (on delete {fk.ondelete or 'no action'})")
            if col.comment:
                notes.append(col.comment)
            null = "yes" if col.nullable else "no"
            out.append(f"| `{col.name}` | {col.type.compile()} | {null} | {'; '.join(notes)} |")
        checks = sorted(c.name for c in table.constraints if c.__class__.__name__ == "CheckConstraint" and c.name)
        uniques = sorted(c.name for c in table.constraints if c.__class__.__name__ == "UniqueConstraint" and c.name)
        if checks:
            out.extend(["", "Checks: " + ", ".join(f"`{n}`" for n in checks)])
        if uniques:
            out.extend(["", "Unique: " + ", ".join(f"`{n}`" for n in uniques)])
    return "\n".join(out).rstrip() + "\n"


def reporting_views() -> list[tuple[str, str, str, dict[str, str]]]:
    """The views and comments as migration 0002 creates them (tests/bi checks the database agrees)."""
    import importlib.util

    path = DOCS.parent / "migrations" / "versions" / "0002_reporting_views.py"
    spec = importlib.util.spec_from_file_location("m0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.VIEWS)


BI_START = "<!-- generated views: start -->"
BI_END = "<!-- generated views: end -->"


def bi_markdown() -> str:
    """docs/bi.md with its view reference regenerated between the markers."""
    current = (DOCS / "bi.md").read_text()
    head, _, rest = current.partition(BI_START)
    _, _, tail = rest.partition(BI_END)
    out = [BI_START, ""]
    for name, comment, _sql, columns in reporting_views():
        out.extend([f"### `reporting.{name}`", "", comment, "", "| column | description |", "|---|---|"])
        out.extend(f"| `{col}` | {text} |" for col, text in columns.items())
        out.append("")
    out.append(BI_END)
    return head + "\n".join(out) + tail


GENERATED = {"cli.md": cli_markdown, "schema.md": schema_markdown, "bi.md": bi_markdown}


def main_(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, fn in GENERATED.items():
        path = DOCS / name
        text = fn()
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
    if stale:
        print(f"stale docs: {', '.join(stale)}; run .venv/bin/python scripts/gen_docs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main_(sys.argv[1:]))
