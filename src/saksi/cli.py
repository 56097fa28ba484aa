"""The `saksi` command."""
from __future__ import annotations

import os
import sys

# One BLAS thread a process, set before numpy loads: saksi runs in parallel over articles (--workers),
# and the NER's small matrix products gain nothing from a second thread, which only takes a core from
# the other worker (measured: 14 % less CPU for the same NER output). A user's own setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="saksi: turn raw news articles into a corroborated, source-attributed evidence base.")
err = Console(stderr=True, soft_wrap=True)


class _Bar:
    """Adapts a rich progress bar to the pipeline's start/advance calls."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task = None

    def start(self, total: int | None) -> None:  # None: a stream of unknown length
        self.task = self.progress.add_task("analysing", total=total, name="")

    def advance(self, name: str) -> None:
        self.progress.update(self.task, advance=1, name=name[:40])


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs: .txt, .html/.htm, .jsonl")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (database, JSONL files, report)")],
    languages: Annotated[str, typer.Option(help="Language packs to read claims with, comma-separated ISO 639-1 codes (default: all)")] = "",
    kb: Annotated[list[Path], typer.Option("--kb", help="Extra knowledge-base YAML files (repeatable)")] = [],  # noqa: B006
    max_mb: Annotated[float, typer.Option(help="Skip input files larger than this many MB")] = 10.0,
    workers: Annotated[int, typer.Option(help="Processes analysing articles in parallel")] = 1,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Skip the statistical NER models (knowledge base only)")] = False,
    no_embed: Annotated[bool, typer.Option("--no-embed", help="Find copies and stories without multilingual embeddings")] = False,
    embedder: Annotated[str, typer.Option(help="Lead embeddings for rewrites and stories: static (fast, distilled from e5) or e5")] = "static",
    engine: Annotated[str, typer.Option(help="Where articles are analysed: local (processes on this machine) or ray")] = "local",
    ray_address: Annotated[str, typer.Option(help="With --engine ray: a Ray cluster to join (auto, host:6379, ray://host:10001); default: start a local Ray")] = "",
) -> None:
    """Read, clean and analyse articles; write OUT/saksi.db, the JSONL files and report.html."""
    from saksi.pipeline import Resources
    from saksi.pipeline import run as run_pipeline

    from saksi.pipeline import Interrupted
    from saksi.store.db import StoreError

    for p in kb:
        if not p.is_file():
            _fail(f"{p}: knowledge-base file not found")
    if out.exists() and not out.is_dir():
        _fail(f"{out}: --out must be a folder, and this is a file")
    if max_mb <= 0:
        _fail(f"--max-mb {max_mb:g}: give a size above 0")
    from saksi.lang import available_languages

    codes = tuple(c.strip().lower() for c in languages.split(",") if c.strip()) or available_languages()
    unknown = [c for c in codes if c not in available_languages()]
    if unknown:
        _fail(f"--languages: no language pack for {', '.join(unknown)} (packs: {', '.join(available_languages())})")
    if workers < 1:
        _fail(f"--workers {workers}: give a number of processes, 1 or more")
    if engine not in ("local", "ray"):
        _fail(f"--engine {engine}: use local or ray")
    if ray_address and engine != "ray":
        _fail("--ray-address needs --engine ray")
    if embedder not in ("static", "e5"):
        _fail(f"--embedder {embedder}: use static or e5")
    res = Resources(languages=codes, kb_extra=tuple(str(p) for p in kb), use_ner=not no_ner,
                    embed=not no_embed, embedder=embedder, default_language=codes[0] if len(codes) == 1 else "en")
    if kb:
        _check_kb(res)
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[name]}"), console=err, transient=True) as progress:
        try:
            from saksi.engine import make_engine

            summary = run_pipeline(inputs, out, res, max_bytes=int(max_mb * 1024 * 1024),
                                   engine=make_engine(engine, workers=workers, ray_address=ray_address or None),
                                   progress=_Bar(progress))
        except StoreError as e:  # busy, a file, unwritable, or newer than this saksi
            _fail(str(e))
        except Interrupted as e:
            progress.stop()
            err.print(f"{e}; run again to finish", markup=False, highlight=False)
            raise typer.Exit(130) from None
        except KeyboardInterrupt:
            progress.stop()
            err.print("interrupted: 0 articles stored so far are kept; run again to finish", markup=False, highlight=False)
            raise typer.Exit(130) from None
        except ValueError as e:  # a bad knowledge-base file and the like: the user's to fix
            _fail(str(e))
        except RuntimeError as e:  # the ray engine: Ray missing, or its cluster out of reach
            _fail(str(e))
    _print_summary(summary, out)
    if summary.new + summary.unchanged + len(summary.duplicates) == 0:
        raise typer.Exit(2)


def _check_kb(res) -> None:
    """Load the knowledge base with the --kb files now, so a bad file is one line, not every article failing."""
    try:
        res.kb  # noqa: B018
    except Exception as e:  # YAML syntax, a wrong shape, an unreadable file: the user's to fix
        first = " ".join(str(e).split("\n")[0].split()) or type(e).__name__
        files = ", ".join(str(p) for p in res.kb_extra)
        where = "" if any(str(p) in first for p in res.kb_extra) else f"{files}: "
        _fail(f"{where}not a usable knowledge-base file ({first})")


def _print_summary(s, out: Path) -> None:
    langs = ", ".join(f"{k} {v}" for k, v in sorted(s.languages.items())) or "none"
    from saksi.lang import available_languages

    packs = set(available_languages())
    outside = {k: v for k, v in s.unread_languages.items() if k in packs}  # a pack, left out by --languages
    no_pack = {k: v for k, v in s.unread_languages.items() if k not in packs}
    notes = []
    if no_pack:
        notes.append(f"no language pack, so no claims: {', '.join(f'{k} {v}' for k, v in sorted(no_pack.items()))}")
    if outside:
        notes.append(f"not in --languages {','.join(s.read_with)}, so no claims: "
                     f"{', '.join(f'{k} {v}' for k, v in sorted(outside.items()))}")
    if notes:
        langs += f" ({'; '.join(notes)})"
    dups = len(s.duplicates)
    failed = f", {s.failed} not stored (see below)" if s.failed else ""
    if s.reanalysed:
        failed = f", {s.reanalysed} analysed again (saksi, its data or settings changed)" + failed
    err.print(f"[bold]{s.read}[/] {'article' if s.read == 1 else 'articles'} read: {s.new} new, {s.unchanged} already stored, "
              f"{dups} {'duplicate' if dups == 1 else 'duplicates'}{failed}; languages: {langs}")
    for name, first in s.duplicates:
        err.print(f"  duplicate: {name} = {first}", markup=False, highlight=False)
    for path, name, new, first in s.renamed:
        err.print(f"  renamed: {path} is stored as {new} ({name} is {first})", markup=False, highlight=False)
    if s.errors:
        err.print(f"[yellow]{len(s.errors)} skipped:[/]")
        for e in s.errors:
            err.print(f"  {e.path}: {e.reason}", markup=False, highlight=False)
    same = " (unchanged: nothing new to add)" if s.outputs_current else ""
    err.print(f"output: {out}/saksi.db, articles.jsonl, claims.jsonl, events.jsonl, report.html{same}", highlight=False)


def _fail(message: str) -> None:
    err.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(2)


# ---------------------------------------------------------------- browsing and exporting a store
def _store_dir(out: Path) -> Path:
    if not (out / "saksi.db").is_file():
        _fail(f"{out}: no saksi.db here (run `saksi run INPUT... --out {out}` first)")
    return out


@app.command()
def entities(
    out: Annotated[Path, typer.Argument(help="Output folder of `saksi run`")],
    type_: Annotated[str, typer.Option("--type", help="Only this type (PERSON, ORG, GPE, LOC, MEDIA, ...)")] = "",
    limit: Annotated[int, typer.Option(help="Show at most this many (0: all)")] = 0,
    sort: Annotated[str, typer.Option(help="mentions | articles | name")] = "mentions",
) -> None:
    """The entity index: each canonical name with its type, mentions, articles and the aliases seen."""
    from rich.table import Table
    from rich.text import Text

    from saksi.report.dossier import entity_index
    from saksi.store.db import Store

    store = Store.open(_store_dir(out))
    try:
        rows = entity_index(store.conn, article_cap=0)
    finally:
        store.close()
    if type_:
        rows = [r for r in rows if (r["type"] or "").casefold() == type_.casefold()]
    key = {"mentions": lambda r: (-r["mentions"], r["canonical"].casefold()),
           "articles": lambda r: (-r["article_count"], r["canonical"].casefold()),
           "name": lambda r: r["canonical"].casefold()}.get(sort)
    if key is None:
        _fail(f"--sort {sort}: use mentions, articles or name")
    rows.sort(key=key)
    total = len(rows)
    if limit > 0:
        rows = rows[:limit]
    table = Table(title=f"{total} entities in {out}", title_justify="left", header_style="bold")
    table.add_column("canonical", style="bold")
    table.add_column("type")
    table.add_column("mentions", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("aliases seen", overflow="fold")
    for r in rows:  # Text(): names come from articles, so no console markup is interpreted in them
        table.add_row(Text(r["canonical"]), Text(r["type"] or ""), str(r["mentions"]), str(r["article_count"]),
                      Text(" · ".join(r["aliases"])))
    Console().print(table)
    if limit and total > limit:
        err.print(f"{total - limit} more (use --limit 0 for all)")


@app.command()
def serve(
    out: Annotated[Path, typer.Argument(help="Output folder of `saksi run`")],
    host: Annotated[str, typer.Option(help="Interface to listen on (default: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8765,
    workers: Annotated[int, typer.Option(help="Server processes (each keeps its own page cache)")] = 1,
) -> None:
    """Browse OUT in a local, read-only web UI: search, claims with their evidence, articles, entities."""
    import os

    import uvicorn

    from saksi.web import create_app

    local = host in ("127.0.0.1", "localhost", "::1")
    if not local:
        err.print(f"warning: listening on {host}: anyone who can reach this machine can read the evidence base",
                  markup=False, highlight=False)
    if workers < 1:
        _fail(f"--workers {workers}: give a number of processes, 1 or more")
    n = workers
    store = _store_dir(out)
    app_ = create_app(store, allowed_hosts=None if local else ["*"])  # checks the store before listening
    shown = f"[{host}]" if ":" in host else host
    err.print(f"saksi: serving {out} at http://{shown}:{port}/  (Ctrl-C to stop)", markup=False, highlight=False)
    if n == 1:
        uvicorn.run(app_, host=host, port=port, log_level="warning")
        return
    os.environ["SAKSI_SERVE_OUT"] = str(Path(store).resolve())
    os.environ["SAKSI_SERVE_ANY_HOST"] = "" if local else "1"
    uvicorn.run("saksi.web.app:app_from_env", factory=True, host=host, port=port, workers=n, log_level="warning")


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output folder of `saksi run`")],
    format_: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet | ftm (FollowTheMoney)")] = "jsonl",
    dest: Annotated[Path | None, typer.Option(help="Folder to write into (default: OUT/export)")] = None,
) -> None:
    """Export the store's tables as table_<table>.<format> (articles, claims, event_reports, timeline,
    entities, mentions, claim_groups, verdicts, copies, stories) or FtM entities (ftm_entities.jsonl)."""
    from saksi.export import FORMATS
    from saksi.export import export as run_export

    if format_ not in FORMATS:
        _fail(f"--format {format_}: use one of {', '.join(FORMATS)}")
    written = run_export(_store_dir(out), format_, dest)
    for path, n in written:
        err.print(f"  {path}  ({n} {'entities' if format_ == 'ftm' else 'rows'})", markup=False, highlight=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted", markup=False, highlight=False)
        sys.exit(130)
