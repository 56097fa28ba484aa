"""The `saksi` command."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="saksi: turn raw news articles into a corroborated, source-attributed evidence base.")
err = Console(stderr=True)


class _Bar:
    """Adapts a rich progress bar to the pipeline's start/advance calls."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task = None

    def start(self, total: int) -> None:
        self.task = self.progress.add_task("analysing", total=total, name="")

    def advance(self, name: str) -> None:
        self.progress.update(self.task, advance=1, name=name[:40])


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs: .txt, .html/.htm, .jsonl")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (database, JSONL files, report)")],
    languages: Annotated[str, typer.Option(help="Languages to consider, comma-separated ISO 639-1 codes")] = "id,en",
    kb: Annotated[list[Path], typer.Option("--kb", help="Extra knowledge-base YAML files (repeatable)")] = [],  # noqa: B006
    max_mb: Annotated[float, typer.Option(help="Skip input files larger than this many MB")] = 10.0,
    workers: Annotated[int, typer.Option(help="Processes analysing articles in parallel")] = 1,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Skip the statistical NER models (knowledge base only)")] = False,
) -> None:
    """Read, clean and analyse articles; write OUT/saksi.db, the JSONL files and report.html."""
    from saksi.pipeline import Resources
    from saksi.pipeline import run as run_pipeline

    for p in kb:
        if not p.is_file():
            _fail(f"{p}: knowledge-base file not found")
    codes = tuple(c.strip() for c in languages.split(",") if c.strip())
    res = Resources(languages=codes, kb_extra=tuple(str(p) for p in kb), use_ner=not no_ner,
                    default_language=codes[0] if codes else "en")
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[name]}"), console=err, transient=True) as progress:
        try:
            summary = run_pipeline(inputs, out, res, max_bytes=int(max_mb * 1024 * 1024), workers=workers,
                                   progress=_Bar(progress))
        except ValueError as e:  # a bad knowledge-base file and the like: the user's to fix
            _fail(str(e))
    _print_summary(summary, out)
    if summary.read == 0:
        raise typer.Exit(2)


def _print_summary(s, out: Path) -> None:
    langs = ", ".join(f"{k} {v}" for k, v in sorted(s.languages.items())) or "none"
    err.print(f"[bold]{s.read}[/] articles read: {s.new} new, {s.unchanged} already stored, "
              f"{len(s.duplicates)} duplicates; languages: {langs}")
    for name, first in s.duplicates:
        err.print(f"  duplicate: {name} = {first}", markup=False, highlight=False)
    if s.errors:
        err.print(f"[yellow]{len(s.errors)} skipped:[/]")
        for e in s.errors:
            err.print(f"  {e.path}: {e.reason}", markup=False, highlight=False)
    err.print(f"output: {out}/saksi.db, articles.jsonl, claims.jsonl, events.jsonl, report.html", highlight=False)


def _fail(message: str) -> None:
    err.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(2)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted: articles stored so far are kept; run again to finish")
        sys.exit(130)
