"""A small store filled by hand (through Store.save and save_corpus_tables) for the report, web and
export tests: three articles about North Korean troops in Russia, one duplicate input, one skipped
input, corpus tables, and one hostile article whose text carries script and markup."""
from __future__ import annotations

import hashlib
from pathlib import Path

from saksi.model import Analysis, Article, Claim, Event, Line, Mention, Paragraph
from saksi.store.db import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_NAME = "evil_<b>x</b>"


def _find(text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    return i, i + len(quote)


def _lines(text: str, kinds: dict[int, str]) -> list[Line]:
    out, pos = [], 0
    for i, ln in enumerate(text.split("\n")):
        out.append(Line(pos, pos + len(ln), ln, kinds.get(i, "content")))
        pos += len(ln) + 1
    return out


def _article(name, text, *, title, outlet, published, language="en", author=None, dateline=None, url=None,
             kinds=None, captions=(), cited=()) -> Article:
    lines = _lines(text, kinds or {})
    kept = [ln for ln in lines if ln.kind == "content"]
    return Article(name=name, key=hashlib.sha256(text.encode()).hexdigest()[:32], path=f"/in/{name}.txt", fmt="txt",
                   text=text, language=language, title=title, outlet=outlet, author=author, dateline=dateline,
                   published=published, url=url, body="\n".join(ln.text for ln in kept), captions=list(captions),
                   cited_sources=list(cited), lines=lines,
                   paragraphs=[Paragraph(ln.start, ln.end, ln.text, language) for ln in kept])


def _mentions(text: str, names: dict[str, tuple[str, str]]) -> list[Mention]:
    out = []
    for surface, (canonical, typ) in names.items():
        start = 0
        while (i := text.find(surface, start)) >= 0:
            out.append(Mention(i, i + len(surface), surface, canonical, typ))
            start = i + len(surface)
    return out


ENT = {"Korea Utara": ("North Korea", "GPE"), "North Korea": ("North Korea", "GPE"), "Rusia": ("Russia", "GPE"),
       "Russia": ("Russia", "GPE"), "Kim Jong Un": ("Kim Jong Un", "PERSON"), "NIS": ("National Intelligence Service", "ORG"),
       "Kursk": ("Kursk", "LOC"), "Yonhap": ("Yonhap", "MEDIA")}


def analyses() -> list[Analysis]:
    out = []
    # 1: Indonesian page with boilerplate lines
    t1 = ("Tribunnews\nBaca Juga: Harga emas hari ini\n"
          "JAKARTA - Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia, kata NIS.\n"
          "Pasukan itu tiba di Kursk pada Oktober 2024.\n"
          "Foto: pasukan Korea Utara (AFP)\n© 2024 Tribunnews")
    a1 = _article("001_tribun", t1, title="Korea Utara kirim 12.000 tentara", outlet="Tribunnews",
                  published="2024-11-02", language="id", dateline="Jakarta", author="Budi",
                  kinds={0: "outlet", 1: "read_also", 4: "caption", 5: "copyright"},
                  captions=["Foto: pasukan Korea Utara (AFP)"], cited=["NIS"], url="https://example.org/a1")
    q1 = "Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia"
    s, e = _find(t1, q1)
    c1 = Claim("001_tribun", q1, s, e, "troops_deployed", "soldiers", actor="North Korea", recipient="Russia",
               value=12000, qualifier="approx", period_start="2024-10", attributed_to=["NIS"], stance="reported")
    q1e = "Pasukan itu tiba di Kursk pada Oktober 2024."
    s, e = _find(t1, q1e)
    ev1 = Event("001_tribun", "2024-10", "deployment", "North Korean troops arrive in Kursk",
                ["North Korea", "Russia"], "Kursk", q1e, s, e)
    out.append(Analysis(a1, [c1], [ev1], _mentions(t1, ENT)))

    # 2: English, a different number for the same thing
    t2 = ("Seoul, Nov 5 (Yonhap) - North Korea has sent 11,000 troops to Russia, according to Yonhap.\n"
          "Kim Jong Un met Russian officials on 2024-11-04.")
    a2 = _article("002_yonhap", t2, title="N. Korea sent 11,000 troops", outlet="Yonhap", published="2024-11-05",
                  dateline="Seoul", cited=["Yonhap"])
    q2 = "North Korea has sent 11,000 troops to Russia"
    s, e = _find(t2, q2)
    c2 = Claim("002_yonhap", q2, s, e, "troops_deployed", "troops", actor="North Korea", recipient="Russia",
               value=11000, attributed_to=["Yonhap"], stance="reported")
    q2e = "Kim Jong Un met Russian officials on 2024-11-04."
    s, e = _find(t2, q2e)
    ev2 = Event("002_yonhap", "2024-11-04", "meeting", "Kim Jong Un meets Russian officials",
                ["Kim Jong Un", "Russia"], None, q2e, s, e)
    out.append(Analysis(a2, [c2], [ev2], _mentions(t2, ENT)))

    # 3: a denial
    t3 = "Russia denied that any North Korean soldiers were in Kursk.\nThe Kremlin called it a fabrication."
    a3 = _article("003_denial", t3, title="Moscow denies", outlet="TASS", published="2024-11-06")
    q3 = "Russia denied that any North Korean soldiers were in Kursk."
    s, e = _find(t3, q3)
    c3 = Claim("003_denial", q3, s, e, "troops_deployed", "soldiers", actor="North Korea", recipient="Russia",
               value=None, qualifier="vague", stance="denied", attributed_to=["Russia"])
    out.append(Analysis(a3, [c3], [], _mentions(t3, ENT)))

    # 4: hostile text: script, an img with onerror, markup in title, name, outlet, URL and entity names
    t4 = (f"Breaking {XSS_SCRIPT} news\n"
          f"North Korea supplied 5,000 shells {XSS_IMG} to Russia.\n"
          "A \"quoted\" & 'odd' line </mark></div><a href=\"javascript:alert(2)\">click</a>")
    a4 = _article(XSS_NAME, t4, title=f"Hostile {XSS_SCRIPT}", outlet=f"Evil{XSS_IMG}", published="2024-11-07",
                  url="javascript:alert(3)", author=XSS_IMG, kinds={2: "widget"})
    q4 = f"North Korea supplied 5,000 shells {XSS_IMG} to Russia"
    s, e = _find(t4, q4)
    c4 = Claim(XSS_NAME, q4, s, e, "munitions_supplied", f"shells {XSS_SCRIPT}", actor="North Korea",
               recipient="Russia", value=5000, stance="asserted", attributed_to=[XSS_IMG])
    ms = _mentions(t4, ENT)
    i = t4.index("<img")
    ms.append(Mention(i, i + len(XSS_IMG), XSS_IMG, f"Evil {XSS_SCRIPT}", "ORG"))
    out.append(Analysis(a4, [c4], [], ms))
    return out


def corpus_tables() -> dict[str, list[dict]]:
    """Corpus tables in the shape saksi.corpus.build_corpus gives them (claim ids filled in by build)."""
    return {
        "groups": [
            {"group": "g00001", "actor": "North Korea", "action": "troops_deployed", "recipient": "Russia",
             "object_class": "troops", "objects": ["soldiers", "troops"], "period_start": "2024-10", "period_end": None,
             "claims": ["@001_tribun", "@002_yonhap", "@003_denial"],
             "values": [{"claim": "@001_tribun", "article": "001_tribun", "root": "NIS", "value": 12000},
                        {"claim": "@002_yonhap", "article": "002_yonhap", "root": "Yonhap", "value": 11000},
                        {"claim": "@003_denial", "article": "003_denial", "root": "Russia", "value": None}],
             "value_min": 11000, "value_max": 12000, "articles": ["001_tribun", "002_yonhap", "003_denial"],
             "outlets": ["Tribunnews", "Yonhap", "TASS"], "roots": ["NIS", "Yonhap", "Russia"],
             "independent_sources": 3},
            {"group": "g00002", "actor": "North Korea", "action": "munitions_supplied", "recipient": "Russia",
             "object_class": "munitions", "objects": [f"shells {XSS_SCRIPT}"], "period_start": None, "period_end": None,
             "claims": [f"@{XSS_NAME}"], "values": [], "value_min": 5000, "value_max": 5000,
             "articles": [XSS_NAME], "outlets": [f"Evil{XSS_IMG}"], "roots": [XSS_IMG], "independent_sources": 1},
        ],
        "group_claims": [{"group": "g00001", "claim": "@001_tribun", "article": "001_tribun", "root": "NIS"},
                         {"group": "g00001", "claim": "@002_yonhap", "article": "002_yonhap", "root": "Yonhap"},
                         {"group": "g00001", "claim": "@003_denial", "article": "003_denial", "root": "Russia"},
                         {"group": "g00002", "claim": f"@{XSS_NAME}", "article": XSS_NAME, "root": XSS_IMG}],
        "contradictions": [
            {"group": "g00001", "kind": "contradiction", "claims": ["@001_tribun", "@002_yonhap"],
             "explanation": "for the same scope, about 12,000 cannot be true together with 11,000"},
            {"group": "g00001", "kind": "denial", "claims": ["@003_denial", "@001_tribun", "@002_yonhap"],
             "explanation": f"Russia denies it while 2 claims assert it {XSS_SCRIPT}"},
        ],
        "stories": [{"story": "s00001", "label": "North Korea, Russia, Kursk", "articles": 3,
                     "first_date": "2024-11-02", "last_date": "2024-11-06"},
                    {"story": "s00002", "label": f"Hostile {XSS_SCRIPT}", "articles": 1,
                     "first_date": "2024-11-07", "last_date": "2024-11-07"}],
        "story_articles": [{"story": "s00001", "article": "001_tribun"}, {"story": "s00001", "article": "002_yonhap"},
                           {"story": "s00001", "article": "003_denial"}, {"story": "s00002", "article": XSS_NAME}],
        "copies": [{"article": "003_denial", "copy_of": "002_yonhap", "kind": "shared_origin", "score": 0.5,
                    "evidence": "same numbers credited to the same source"}],
        "timeline": [
            {"date": "2024-10", "type": "deployment", "summary": "North Korean troops arrive in Kursk",
             "participants": ["North Korea", "Russia"], "place": "Kursk", "articles": ["001_tribun"],
             "outlets": ["Tribunnews"], "event_ids": ["@e:001_tribun"]},
            {"date": "2024-11-04", "type": "meeting", "summary": "Kim Jong Un meets Russian officials",
             "participants": ["Kim Jong Un", "Russia"], "place": None, "articles": ["002_yonhap"],
             "outlets": ["Yonhap"], "event_ids": ["@e:002_yonhap"]},
        ],
    }


def _fill_ids(x, ids: dict[str, str]):
    if isinstance(x, str) and x.startswith("@"):
        return ids.get(x[1:], x)
    if isinstance(x, list):
        return [_fill_ids(v, ids) for v in x]
    if isinstance(x, dict):
        return {k: _fill_ids(v, ids) for k, v in x.items()}
    return x


def build(out_dir: Path, corpus: bool = True) -> Path:
    """Fill OUT/saksi.db (with corpus tables unless corpus=False); returns out_dir."""
    out_dir = Path(out_dir)
    store = Store.open(out_dir)
    try:
        for an in analyses():
            a = an.article
            store.save(an, hashlib.sha256(a.text.encode()).hexdigest(), a.name, a.path)
        # the same text as 002 under another input name: a duplicate
        dup = analyses()[1]
        dup.article.name = "002_copy"
        store.save(dup, "rawdup", "002_copy", "/in/002_copy.txt")

        class E:
            def __init__(self, path, reason):
                self.path, self.reason = path, reason

        store.add_errors([E("/in/broken.bin", "binary file, not text"), E(f"/in/{XSS_SCRIPT}.txt", f"bad {XSS_IMG}")])
        ids = {c["article"]: c["id"] for c in store.claims()}
        ids.update({f"e:{e['article']}": e["id"] for e in store.events()})
        tables = _fill_ids(corpus_tables(), ids) if corpus else {}
        if tables:
            store.save_corpus_tables(tables)
    finally:
        store.close()
    return out_dir


def claim_id(out_dir: Path, article: str) -> str:
    store = Store.open(out_dir)
    try:
        return next(c["id"] for c in store.claims() if c["article"] == article)
    finally:
        store.close()


def active_content(page: str) -> list[str]:
    """What in an HTML page could run or load: script, img, iframe, object, embed, svg-foreign,
    event-handler attributes, javascript: or data: URLs. Parsed, not grepped, so escaped text inside
    attribute values does not count."""
    from html.parser import HTMLParser

    found: list[str] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("img", "iframe", "object", "embed", "foreignobject", "base", "meta", "link", "form", "image"):
                if not (tag == "meta" and {k for k, _ in attrs} <= {"charset", "name", "content", "http-equiv"}) \
                        and not (tag == "link" and dict(attrs).get("href", "").startswith("/static/")) \
                        and not (tag == "form" and dict(attrs).get("action") == "/"):
                    found.append(f"<{tag}>")
            if tag == "script":
                found.append(f"<script src={dict(attrs).get('src')}>")
            for k, v in attrs:
                if k.startswith("on"):
                    found.append(f"{tag}[{k}]")
                if k in ("href", "src", "action", "formaction", "xlink:href") and v and \
                        v.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                    found.append(f"{tag}[{k}={v}]")

    P().feed(page)
    return found


def many_analyses(n: int) -> list[Analysis]:
    """n small articles, each with boilerplate lines, one claim, one event and one mention."""
    out = []
    for i in range(n):
        text = (f"Site {i}\nRead also: something else\nCountry {i % 37} sent {1000 + i} troops to Country "
                f"{(i + 1) % 37} on 2024-{i % 12 + 1:02d}-01, officials said.\n" + "Some more context. " * 40)
        lines, pos = [], 0
        for k, ln in enumerate(text.split("\n")):
            lines.append(Line(pos, pos + len(ln), ln, ("outlet", "read_also", "content", "content")[k]))
            pos += len(ln) + 1
        q0 = text.index("Country")
        q1 = text.index(" on 2024")
        a = Article(name=f"a{i:05d}", key=f"k{i:06d}", path=f"/x/{i}", fmt="txt", text=text, language="en",
                    title=f"Title {i}", outlet=f"Outlet {i % 50}", published=f"2024-{i % 12 + 1:02d}-02",
                    body=text[lines[2].start:], lines=lines)
        c = Claim(a.name, text[q0:q1], q0, q1, "troops_deployed", "troops", actor=f"Country {i % 37}",
                  recipient=f"Country {(i + 1) % 37}", value=1000 + i, stance="reported", attributed_to=["officials"])
        e = Event(a.name, f"2024-{i % 12 + 1:02d}-01", "deployment", "troops sent", [f"Country {i % 37}"], None,
                  text[q0:q1 + 15], q0, q1 + 15)
        ms = [Mention(q0, q0 + 7 + len(str(i % 37)) + 1, text[q0:q0 + 8 + len(str(i % 37))], f"Country {i % 37}", "GPE")]
        out.append(Analysis(a, [c], [e], ms))
    return out


def build_with_report(out_dir: Path) -> Path:
    """The synthetic store with its dossier written, as after a run."""
    from saksi.report.dossier import write_report

    d = build(out_dir)
    store = Store.open(d)
    try:
        write_report(store, d)
    finally:
        store.close()
    return d
