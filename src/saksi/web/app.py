"""`saksi serve`: a read-only web UI over OUT/saksi.db (FastAPI + Jinja templates, assets bundled).

Pages: search (FTS5, and number search for claims) over claims, entities, stories, articles and
events, each kind a table as datasette shows one (`table`, `views`): sortable by every column,
facets with counts, date and value ranges, CSV and JSON downloads of exactly its rows under
/download/KIND.csv|json with the same query string; one claim (its evidence highlighted in the
original text, its attributes and its group); one claim group (its values over time by source,
`charts`); one article; one entity; one story; the ledger; the timeline. JSON under /api/.

Every value shown comes from untrusted articles: templates autoescape, highlighted text is built by
`dossier.highlight` (escapes every segment), and every response carries a strict
Content-Security-Policy (scripts and styles only from /static), errors included. Only GET and HEAD
are served, only to localhost Host headers unless `saksi serve` binds another interface.

Rendered pages are cached in memory (`Guard`), keyed by the URL and the store's state (the mtime and
size of saksi.db and its WAL): a run writing to the store makes every cached page stale at once."""
from __future__ import annotations

import math
import os
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup
from starlette.middleware.trustedhost import TrustedHostMiddleware

from saksi.report import dossier
from saksi.web import charts
from saksi.web.search import Reader
from saksi.web.table import BadRequest, page_of, parse_query, select, to_csv, to_json
from saksi.web.views import SEARCHED, STANCE_MARKS, VIEWS, base_rows, number_values

LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]", "testserver"]
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
PAGE = 50
PREVIEW = 10  # rows of each kind on the search page that lists every kind
MAX_PAGE = 100_000
ERRORS_SHOWN = 50  # skipped inputs listed on the landing page; the rest on /skipped
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
_SECURITY_NAMES = {k for k, _ in SECURITY_HEADERS}


def page_number(value) -> int:
    """A `page` query value as a page number: anything not a positive integer is page 1, and huge
    numbers stop at MAX_PAGE (a browser never gets a 422 for a hand-edited URL)."""
    s = str(value or "").strip()
    if not (s.isascii() and s.isdigit()):
        return 1
    return MAX_PAGE if len(s) > 7 else min(max(int(s), 1), MAX_PAGE)


class Guard:
    """The outermost ASGI layer, around everything (errors and the host check included): answers only
    GET and HEAD (HEAD as GET, without the body), puts the security headers on every response, and
    keeps rendered pages in an LRU cache keyed by (host, path, query) and the store's state."""

    CACHEABLE = (200, 404)

    def __init__(self, app, stamp, *, max_entries: int = 2000, max_bytes: int = 64 << 20,
                 max_item: int = 4 << 20):
        self.app, self.stamp = app, stamp
        self.max_entries, self.max_bytes, self.max_item = max_entries, max_bytes, max_item
        self.cache: OrderedDict = OrderedDict()
        self.bytes = 0
        self.cache_stamp = None
        self.hits = self.misses = 0

    @staticmethod
    def _headers(headers) -> list:
        return [(k, v) for k, v in headers if k.lower() not in _SECURITY_NAMES] + SECURITY_HEADERS

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            body = b'{"error":"read-only"}'
            await send({"type": "http.response.start", "status": 405, "headers": self._headers([
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                (b"allow", b"GET, HEAD")])})
            await send({"type": "http.response.body", "body": body})
            return
        head = method == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        path = scope["path"]
        key = None
        if not path.startswith("/static/"):
            host = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"")
            key = (host, scope.get("root_path", ""), path, scope.get("query_string", b""))
            stamp = self.stamp()
            if stamp != self.cache_stamp:
                self.cache.clear()
                self.bytes, self.cache_stamp = 0, stamp
            hit = self.cache.get(key)
            if hit is not None:
                self.cache.move_to_end(key)
                self.hits += 1
                status, headers, body = hit
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": b"" if head else body})
                return
            self.misses += 1
        start: dict = {}
        chunks: list[bytes] = []
        size = 0

        async def wrapped(message):
            nonlocal size
            if message["type"] == "http.response.start":
                message = {**message, "headers": self._headers(message.get("headers", []))}
                start.update(message)
            elif message["type"] == "http.response.body":
                if key is not None and start.get("status") in self.CACHEABLE and size <= self.max_item:
                    chunks.append(message.get("body", b""))
                    size += len(chunks[-1])
                    if not message.get("more_body", False) and size <= self.max_item:
                        self._store(key, stamp, start, b"".join(chunks))
                if head:
                    message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, wrapped)

    def _store(self, key, stamp, start, body: bytes) -> None:
        if stamp != self.cache_stamp:  # the store changed while this page was rendered
            return
        old = self.cache.pop(key, None)
        if old is not None:
            self.bytes -= len(old[2])
        self.cache[key] = (start["status"], start["headers"], body)
        self.bytes += len(body)
        while self.cache and (len(self.cache) > self.max_entries or self.bytes > self.max_bytes):
            _, (_, _, b) = self.cache.popitem(last=False)
            self.bytes -= len(b)


class _App(FastAPI):
    """FastAPI with `Guard` around the whole middleware stack (so error answers carry the headers too)."""

    guard: Guard | None = None

    def build_middleware_stack(self):
        self.guard = Guard(super().build_middleware_stack(), self.state.reader._current_stamp)
        return self.guard


def _static_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("saksi") / "static"))


def link(kind: str, name) -> str:
    """The URL of a page about one thing (names are percent-encoded as one path segment)."""
    base = {"entity": "/entity/", "article": "/article/", "claim": "/claim/", "story": "/story/",
            "group": "/group/"}[kind]
    return base + dossier.urlq(name)


def create_app(out_dir, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app for one output folder. `allowed_hosts`: Host headers to answer (default: localhost)."""
    reader = Reader(Path(out_dir))
    @asynccontextmanager
    async def warm(_app):  # the corpus tables and the overview, built before the first request waits on them
        with reader.connect() as conn:
            reader.corpus(conn)
            reader.overview(conn)
        yield

    app = _App(title="saksi", docs_url=None, redoc_url=None, openapi_url=None, lifespan=warm)
    app.state.reader = reader
    env = dossier.environment()
    env.globals["stance_marks"] = STANCE_MARKS
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)

    app.mount("/static", StaticFiles(directory=_static_dir()), name="static")

    def render(name: str, status: int = 200, **ctx) -> HTMLResponse:
        html = env.get_template(f"web/{name}.html.j2").render(link=link, out_name=reader.out_dir.name, **ctx)
        return HTMLResponse(html, status_code=status)

    def not_found(what: str, name: str) -> HTMLResponse:
        return render("error", status=404, title=f"No such {what}", message=f"No {what} named “{name}” in this store.")

    # ------------------------------------------------------------------ tables: search, downloads
    def table(conn, kind: str, items, *, fixed=(), size=None, scope=None, prefix="") -> dict:
        """One view's rows for a request: the page shown, its facets and how many rows in all.
        `scope`: what the page is about (its path), in place of any scope in the query string;
        `prefix`: this table's keys in the query string when the page has more than one table."""
        view = VIEWS[kind]
        query = parse_query(items, view, number_values, prefix)
        query.fixed, query.page = tuple(fixed), page_number(dict(items).get(prefix + "page"))
        if scope is not None:
            query.scope = scope
        if size:
            query.size = size
        base, how = base_rows(reader, conn, kind, query.q, query.scope)
        rows, facets = select(base, view, query)
        shown, query.page, pages = page_of(rows, query)
        _decorate(reader, conn, kind, shown, query.q)
        return {"view": view, "query": query, "rows": shown, "all_rows": rows, "total": len(rows), "pages": pages,
                "facets": facets, "how": how}

    def search_kind(items) -> str:
        d = dict(items)
        kind = d.get("kind", "all")
        kind = kind if kind in SEARCHED else "all"
        if kind == "all" and any(d.get(k) for k in (*CLAIM_FILTERS, *VIEWS["claims"].facets)):
            kind = "claims"  # claim filters without a kind: the claims table
        return kind

    def results(conn, items) -> tuple[str, dict]:
        kind = search_kind(items)
        if kind != "all":
            return kind, {kind: table(conn, kind, items, fixed=[("kind", kind)])}
        q = [(k, v) for k, v in items if k == "q"]
        return kind, {k: table(conn, k, q, fixed=[("kind", k)], size=PREVIEW) for k in SEARCHED}

    @app.get("/", response_class=HTMLResponse)
    def search_page(request: Request):
        items = list(request.query_params.multi_items())
        with reader.connect() as conn:
            corpus = reader.corpus(conn)
            kind, res = results(conn, items)
            q = dict(items).get("q", "")
            ov = reader.overview(conn) if not q and kind == "all" else None
            flagged = [g for g in corpus["groups"] if g["verdict"] in ("contradiction", "denial")][:12] if ov else []
            return render("search", q=q, kind=kind, kinds=SEARCHED, results=res, ov=ov, flagged=flagged,
                          group_of=corpus["group_of"], errors_shown=ERRORS_SHOWN)

    @app.get("/api/search")
    def api_search(request: Request):
        with reader.connect() as conn:
            _, res = results(conn, list(request.query_params.multi_items()))
        return {k: {"total": t["total"], "items": [_jsonable(_public(x)) for x in t["rows"]]} for k, t in res.items()}

    @app.get("/download/{name}")
    def download(name: str, request: Request):
        kind, _, fmt = name.rpartition(".")
        if kind not in VIEWS or fmt not in ("csv", "json"):
            raise HTTPException(404, "no such download (KIND.csv or KIND.json)")
        with reader.connect() as conn:
            t = table(conn, kind, list(request.query_params.multi_items()))
            rows = t["all_rows"]
            _decorate(reader, conn, kind, rows, "")
        if fmt == "json":
            return JSONResponse(_jsonable(to_json(t["view"], rows, t["query"])))
        return Response(to_csv(t["view"], rows), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="saksi-{kind}.csv"'})

    # ------------------------------------------------------------------ one claim
    def claim_context(conn, cid: str):
        c = reader.claim(conn, cid)
        if c is None:
            return None
        a = reader.article(conn, c["article"])
        corpus = reader.corpus(conn)
        g = corpus["group_of"].get(cid)
        return c, a, g, corpus["articles"], corpus

    @app.get("/claim/{cid:path}", response_class=HTMLResponse)
    def claim_page(cid: str):
        with reader.connect() as conn:
            ctx = claim_context(conn, cid)
            if ctx is None:
                return not_found("claim", cid)
            c, a, g, arts, corpus = ctx
            spans = dossier.article_spans(a, a["claims"], a["events"], a["lines"], focus=cid)
            evidence = dossier.highlight(a["text"], spans)
            window = _context(a["text"], c["start"], c["end"])
            near = dossier.highlight(window[0], [dossier.Span(c["start"] - window[1], c["end"] - window[1],
                                                              "hl hl-claim focus", ref=cid)])
            chart = group_chart(conn, g) if g else None
            return render("claim", c=c, a=a, g=g, arts=arts, evidence=evidence, near=near, chart=chart,
                          anchor=dossier.slug(cid, "ev-"), story=corpus["story_of"].get(a["article"]))

    def group_chart(conn, g: dict):
        rows, _ = base_rows(reader, conn, "claims", "", {"group": g["id"]})
        return charts.values_chart(charts.points(rows, href=lambda r: link("claim", r["id"])),
                                   label=f"Values of claim group {g['id']} over time, by source")

    # ------------------------------------------------------------------ one claim group
    @app.get("/group/{gid:path}", response_class=HTMLResponse)
    def group_page(gid: str, request: Request):
        with reader.connect() as conn:
            g = reader.corpus(conn)["group_by_id"].get(gid)
            if g is None:
                return not_found("claim group", gid)
            t = table(conn, "claims", list(request.query_params.multi_items()), scope={"group": gid})
            return render("group", g=g, t=t, chart=group_chart(conn, g), group_of=reader.corpus(conn)["group_of"])

    @app.get("/api/claim/{cid:path}")
    def api_claim(cid: str):
        with reader.connect() as conn:
            ctx = claim_context(conn, cid)
            if ctx is None:
                raise HTTPException(404, "no such claim")
            c, a, g, _, _ = ctx
            return {"claim": c, "article": {k: a[k] for k in ("article", "title", "outlet", "published", "url")},
                    "group": _group_json(g)}

    # ------------------------------------------------------------------ one article
    @app.get("/article/{name:path}", response_class=HTMLResponse)
    def article_page(name: str, request: Request):
        with reader.connect() as conn:
            a = reader.article(conn, name)
            if a is None:
                return not_found("article", name)
            corpus = reader.corpus(conn)
            spans = dossier.article_spans(a, a["claims"], a["events"], a["lines"])
            copies = [cp for cp in corpus["copies"] if a["article"] in (cp.get("article"), cp.get("copy_of"))
                      or cp.get("article") in a["duplicates"]]
            label = (corpus["articles"].get(a["article"]) or {}).get("label")
            t = table(conn, "claims", list(request.query_params.multi_items()), scope={"file": a["article"]}, size=MAX_ROWS)
            return render("article", a=a, text=dossier.highlight(a["text"], spans), group_of=corpus["group_of"], label=label,
                          story=corpus["story_of"].get(a["article"]), copies=copies, t=t)

    @app.get("/api/article/{name:path}")
    def api_article(name: str):
        with reader.connect() as conn:
            a = reader.article(conn, name)
            if a is None:
                raise HTTPException(404, "no such article")
            return {k: v for k, v in a.items() if k not in ("lines",)}

    # ------------------------------------------------------------------ one entity
    @app.get("/entity/{name:path}", response_class=HTMLResponse)
    def entity_page(name: str, request: Request):
        with reader.connect() as conn:
            e = reader.entity(conn, name)
            if e is None:
                return not_found("entity", name)
            corpus = reader.corpus(conn)
            items, scope = list(request.query_params.multi_items()), {"entity": e["canonical"]}
            ct = table(conn, "claims", items, scope=scope)
            et = table(conn, "events", items, scope=scope, prefix=EVENTS_PREFIX)
            _keep_each_other(ct, et)
            return render("entity", e=e, group_of=corpus["group_of"], arts=corpus["articles"], ct=ct, et=et)

    @app.get("/api/entity/{name:path}")
    def api_entity(name: str):
        with reader.connect() as conn:
            e = reader.entity(conn, name)
            if e is None:
                raise HTTPException(404, "no such entity")
            return {k: v for k, v in e.items() if k not in ("articles_shown", "article_rows")}

    # ------------------------------------------------------------------ stories, ledger, timeline
    @app.get("/story/{sid:path}", response_class=HTMLResponse)
    def story_page(sid: str, request: Request):
        with reader.connect() as conn:
            corpus = reader.corpus(conn)
            s = corpus["story_by_id"].get(sid)
            if s is None:
                return not_found("story", sid)
            arts = corpus["articles"]
            groups = [g for g in corpus["groups"] if set(g["articles"]) & set(s["members"])]
            t = table(conn, "articles", list(request.query_params.multi_items()), scope={"story": sid}, size=MAX_ROWS)
            return render("story", s=s, arts=arts, groups=groups, t=t)

    @app.get("/ledger", response_class=HTMLResponse)
    def ledger_page(request: Request):
        with reader.connect() as conn:
            corpus = reader.corpus(conn)
            items = list(request.query_params.multi_items())
            t = table(conn, "ledger", items, scope={}, size=MAX_ROWS)
            by_group: dict[str, list] = {}
            for r in t["all_rows"]:  # the rows come group after group (the view's block)
                by_group.setdefault(r["group"], []).append(r)
            groups = [(corpus["group_by_id"][gid], rows) for gid, rows in by_group.items()]
            pages = max(1, math.ceil(len(groups) / PAGE))
            page = min(page_number(dict(items).get("page")), pages)
            return render("ledger", groups=groups[(page - 1) * PAGE: page * PAGE], total=len(groups), page=page,
                          pages=pages, t=t, has_corpus=bool(corpus["tables"]), arts=corpus["articles"])

    @app.get("/api/ledger")
    def api_ledger(verdict: str = ""):
        with reader.connect() as conn:
            corpus = reader.corpus(conn)
            return [_group_json(g) for g in corpus["groups"] if not verdict or (g["verdict"] or "none") == verdict]

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline_page(request: Request):
        with reader.connect() as conn:
            corpus = reader.corpus(conn)
            t = table(conn, "timeline", list(request.query_params.multi_items()))
            rows = t["all_rows"]
            svg = dossier.timeline_svg(rows, href=lambda r: (link("article", r["articles"][0]) + "#"
                                                              + dossier.slug(r["evidence"][0]["id"], "ev-"))
                                       if r["evidence"] else None)
            return render("timeline", t=t, svg=svg, legend=charts.timeline_legend(rows), arts=corpus["articles"],
                          all_count=len(corpus["timeline"]))

    @app.get("/api/timeline")
    def api_timeline():
        with reader.connect() as conn:
            return [{k: v for k, v in r.items() if k != "evidence"} for r in reader.corpus(conn)["timeline"]]

    @app.get("/api/overview")
    def api_overview():
        with reader.connect() as conn:
            return reader.overview(conn)

    @app.get("/favicon.ico")
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    @app.get("/skipped", response_class=HTMLResponse)
    def skipped_page(request: Request):
        with reader.connect() as conn:
            return render("skipped", t=table(conn, "skipped", list(request.query_params.multi_items()), scope={}))

    @app.exception_handler(404)
    async def nf(request: Request, exc):
        if request.url.path.startswith(("/api/", "/download/")):
            return JSONResponse({"error": getattr(exc, "detail", "not found")}, status_code=404)
        return render("error", status=404, title="Not found", message="There is no page here.")

    @app.exception_handler(BadRequest)
    async def bad_value(request: Request, exc: BadRequest):
        if not request.url.path.startswith(("/api/", "/download/")):
            return render("error", status=400, title="Bad request", message=str(exc))
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "bad request"}, status_code=400)
        return render("error", status=400, title="Bad request", message="This address asks for something that cannot be shown.")

    @app.exception_handler(Exception)
    async def failure(request: Request, exc):  # a bug: a plain answer, never a traceback
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "internal error"}, status_code=500)
        return render("error", status=500, title="Something went wrong",
                      message="saksi could not show this page (a bug: please report it with the address).")

    return app


def app_from_env() -> FastAPI:
    """The app of one `saksi serve --workers N` process (uvicorn imports it in each worker)."""
    return create_app(os.environ["SAKSI_SERVE_OUT"],
                      allowed_hosts=["*"] if os.environ.get("SAKSI_SERVE_ANY_HOST") else None)


EVENTS_PREFIX = "ev_"  # the entity page's events table, beside its claims table
MAX_ROWS = 1000  # one page of a table inside another page (an article's claims, a story's articles)


def _keep_each_other(*tables: dict) -> None:
    """Tables of one page: each one's links keep the others' sort, filters and page."""
    own = [t["query"].params(page=t["query"].page) for t in tables]
    for i, t in enumerate(tables):
        t["query"].fixed = tuple(p for j, ps in enumerate(own) if j != i for p in ps if p[0] not in t["query"].scope)


CLAIM_FILTERS = ("actor", "article", "from", "to", "min", "max", "group")  # besides the claims' facets
_PRIVATE = ("article_haystack", "haystack", "lead")  # kept for filtering, never shown


def _decorate(reader: Reader, conn, kind: str, rows: list[dict], q: str) -> None:
    """What only the rows shown need: marked matches in claims' quotes, entities' aliases."""
    if kind == "claims":
        marked = reader.snippets(conn, q, [r["id"] for r in rows])
        for i, r in enumerate(rows):
            if r["id"] in marked:
                rows[i] = {**r, "snippet": marked[r["id"]]}
    elif kind == "entities":
        reader.aliases(conn, rows)


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in _PRIVATE}


def _context(text: str, start: int, end: int, pad: int = 300) -> tuple[str, int]:
    """The paragraph around a span (cut to about `pad` characters each side): (text, its offset)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo = max(lo, start - pad)
    hi = min(hi, end + pad)
    return text[lo:hi], lo


def _jsonable(x):
    if isinstance(x, Markup):
        return str(x)
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    return x


def _group_json(g: dict | None):
    if g is None:
        return None
    return {**{k: v for k, v in g.items() if k not in ("claims", "anchor")},
            "claims": [c.get("id") for c in g["claims"]]}
