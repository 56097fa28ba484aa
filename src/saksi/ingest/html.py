"""HTML page → main article text (one paragraph per line) and the metadata the page states.

``extract_html`` wraps trafilatura (main-text extraction, metadata) and htmldate (publication date),
with settings chosen by measurement on the Zyte/Scrapinghub article-extraction benchmark and the
trafilatura evaluation set (see ``benchmarks/extraction.py``):

- default precision/recall balance, with trafilatura's fallback extractors (``fast=False``): the
  fallbacks recover articles the main heuristics miss, which lifts F1 more than they cost in speed;
- comments are dropped, tables kept (their cells become lines), no in-document deduplication;
- the date is the original publication date and only one the page (or its URL) states: htmldate
  with ``original_date=True`` and without the extensive free-text search, so a copyright year or
  a comment date is not taken for the publication date; never the download date.

The text keeps in-article subheadings, list items (``- item``), quotes and possibly photo captions,
one per line, with no blank lines: saksi's line cleaner classifies them afterwards. Bytes decoding
is the caller's job (``ingest.readers.decode``).

Bad input never ends in a traceback: a page that is not HTML (empty, binary, no markup, unparsable)
raises ``ValueError`` with a short reason; a valid page without article text returns ``None``. A page
nested deeper than libxml2 builds (255) is unwrapped below ``MAX_DEPTH`` first (``flatten_deep``) and a
bare fragment wrapped in ``<html><body>``, so that their text is not lost.
"""
from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass

from trafilatura import bare_extraction
from trafilatura.settings import DEFAULT_CONFIG

from saksi.clean.cues import load_cues
from saksi.lang import available_languages

__all__ = ["HtmlExtract", "extract_html"]

# trafilatura and htmldate log every page they cannot handle at WARNING/ERROR level; saksi reports
# unusable pages itself (one line per file), so their messages would only be noise on stderr.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_CONFIG = deepcopy(DEFAULT_CONFIG)
_CONFIG["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # no signal-based timeout: we may run in worker threads

# The extraction settings (see the module docstring for why).
OPTIONS = dict(fast=False, favor_precision=False, favor_recall=False, include_comments=False,
               include_tables=True, include_images=False, include_links=False, include_formatting=False,
               deduplicate=False)
DATE_PARAMS = dict(extensive_search=False, original_date=True, outputformat="%Y-%m-%d")

_TAG = re.compile(r"<\s*[a-zA-Z!/?][^>]{0,2000}>")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WS = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ZW = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass
class HtmlExtract:
    """What a page gives saksi: its article text and the metadata it states (None when it does not)."""

    text: str  # main article text, one paragraph (or subheading, list item, quote, caption) per line
    title: str | None = None
    author: str | None = None  # as the page gives it; several authors are joined with "; "
    date: str | None = None  # YYYY-MM-DD, the original publication date the page (or URL) states
    sitename: str | None = None
    url: str | None = None  # the URL given by the caller, else the page's canonical URL
    description: str | None = None
    language: str | None = None  # as declared by the page's metadata, e.g. "id", "en"


def extract_html(html: str, url: str | None = None) -> HtmlExtract | None:
    """Extract the main article text and metadata from one HTML page.

    Returns None when the page is HTML but holds no article text. Raises ValueError with a short
    reason when the input is not a usable HTML page (empty, binary, no markup, parser failure).
    """
    html = flatten_deep(_check(html))
    if not _DOCUMENT.search(html[:200_000]):  # a bare fragment: trafilatura reads whole documents only
        html = f"<html><body>{html}</body></html>"
    try:
        doc = bare_extraction(html, url=url or None, with_metadata=True, date_extraction_params=_date_params(url),
                              config=_CONFIG, **OPTIONS)
    except (RecursionError, MemoryError):
        raise ValueError("page too deeply nested or too large to parse") from None
    except Exception as e:  # trafilatura/lxml fail in many ways on broken pages; report, don't crash
        raise ValueError(f"HTML parser failed ({type(e).__name__})") from None
    if doc is None:
        return None
    lines = tidy_text(getattr(doc, "text", None) or "").split("\n")
    sitename = _meta(getattr(doc, "sitename", None))
    raw_title = _meta(getattr(doc, "title", None))
    title = clean_title(raw_title, sitename, _meta(getattr(doc, "hostname", None)) or url, lines[:3])
    # The headline is metadata, not body: drop it when trafilatura kept it as the first line.
    if lines and title and _key(lines[0]) in {_key(title), _key(raw_title)}:
        lines = lines[1:]
    text = "\n".join(lines)
    if sum(c.isalpha() for c in text[:64]) < 2:  # no word: a stray character is no article text
        return None
    if len(text) < 3000 and only_links(text, html, 0.95):  # a menu the fallback extractors took for text
        return None
    return HtmlExtract(
        text=text,
        title=title,
        author=_author(getattr(doc, "author", None), sitename, _meta(getattr(doc, "hostname", None))),
        date=_date(getattr(doc, "date", None)),
        sitename=sitename,
        url=url or _meta(getattr(doc, "url", None)),
        description=_meta(getattr(doc, "description", None)),
        language=declared_language(html),
    )


def tidy_text(text: str) -> str:
    """One paragraph per line: collapse runs of spaces, drop zero-width characters and empty lines."""
    lines = []
    for line in text.splitlines():
        line = _WS.sub(" ", _ZW.sub("", line)).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def clean_title(title: str | None, sitename: str | None, host: str | None, first_lines: list[str]) -> str | None:
    """Drop the site name a <title> often carries ("Headline - Site", "Site | Headline").

    A part is the site's name when it matches the page's site name or a label of its host name; when
    the page's first text lines repeat one part of the title, that part is the headline.
    """
    if not title:
        return title
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    lines = {_key(line) for line in first_lines}
    for part in parts:
        if _key(part) in lines and len(_key(part)) >= 8:
            return part
    site = _site_keys(sitename, host)
    kept = list(parts)
    while len(kept) > 1 and _is_site(kept[-1], site):
        kept.pop()
    while len(kept) > 1 and _is_site(kept[0], site):
        kept.pop(0)
    if len(kept) == len(parts):
        return title
    # keep the original separators between the remaining parts
    start = sum(len(p) for p in parts[:parts.index(kept[0])])
    start = title.find(kept[0], start)
    end = title.find(kept[-1], max(start, 0)) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


_TITLE_SEP = re.compile(r"\s+(?:[|·•›»~]|[-–—]{1,2}|::)\s+|\s*\|\s*")
_HOST_NOISE = {"www", "news", "blog", "home", "online", "com", "org", "net", "info"}


def _key(text: str | None) -> str:
    return "".join(c for c in (text or "").casefold() if c.isalnum())


def _site_keys(sitename: str | None, host: str | None) -> set[str]:
    keys = set()
    if sitename:
        keys.add(_key(sitename))
    if host:
        host = re.sub(r"^[a-z]+://", "", host.casefold()).split("/")[0].split(":")[0]
        keys.add(_key(host))
        keys.update(_key(label) for label in host.split(".") if len(label) >= 4 and label not in _HOST_NOISE)
    return {k for k in keys if len(k) >= 3}


def _is_site(part: str, site: set[str]) -> bool:
    k = _key(part)
    if not k or len(part.split()) > 6:
        return False
    return any(k == s or (len(s) >= 4 and (k.startswith(s) or s.startswith(k) and len(k) >= 4)) for s in site)


def _check(html: object) -> str:
    if isinstance(html, (bytes, bytearray)):
        raise ValueError("got bytes, expected decoded text")
    if not isinstance(html, str):
        raise ValueError(f"expected text, got {type(html).__name__}")
    if not html.strip():
        raise ValueError("empty page")
    sample = html[:8192]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    if bad > max(8, len(sample) // 50):
        raise ValueError("binary data, not HTML")
    if not _TAG.search(html[:200_000]):
        raise ValueError("no HTML markup found")
    if "\x00" in html:  # lxml refuses NUL characters; a few stray ones are not fatal
        html = html.replace("\x00", "")
    if _SURROGATE.search(html):  # lone surrogates (from a lenient decoder) make lxml drop the rest
        html = _SURROGATE.sub("\ufffd", html)
    return html


# libxml2 stops building the tree 255 elements deep, and what is deeper (the article text of a page
# nested 10,000 deep) is lost: tags deeper than this are dropped, their text kept.
MAX_DEPTH = 200
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)\b[^>]{0,2000}?(/?)>")
_DOCUMENT = re.compile(r"<(?:html|body|head)\b", re.I)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """`html` with every element nested deeper than `limit` unwrapped (its tags dropped, a space in
    their place, its text kept); a page nested less deep is returned as it is. Linear in the page."""
    depth = deepest = 0
    for m in _ANY_TAG.finditer(html):
        if m[2].lower() in _VOID or m[3]:
            continue
        depth = max(0, depth - 1) if m[1] else depth + 1
        deepest = max(deepest, depth)
    if deepest <= limit:
        return html
    out: list[str] = []
    dropped: dict[str, int] = {}  # open tags dropped, by name, whose closing tags go too
    depth = pos = 0
    for m in _ANY_TAG.finditer(html):
        name = m[2].lower()
        if name in _VOID or m[3]:
            continue
        if m[1]:
            if dropped.get(name):
                dropped[name] -= 1
                out.append(html[pos:m.start()] + " ")
                pos = m.end()
            else:
                depth = max(0, depth - 1)
        elif depth >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            out.append(html[pos:m.start()] + " ")
            pos = m.end()
        else:
            depth += 1
    out.append(html[pos:])
    return "".join(out)


_ANCHOR = re.compile(r"<a\b[^>]{0,2000}>([^<]{1,300})</a\s*>", re.I)
_ALNUM = re.compile(r"\w")


def only_links(text: str, html: str, share: float = 0.9) -> bool:
    """Whether `text` is (at least `share` of its letters and digits) the texts of the page's links:
    a navigation-only page, whose menu trafilatura's fallback extractors can return as its text."""
    if len(text) > 200_000:
        return False
    links = sorted({t.strip() for t in _ANCHOR.findall(html[:2_000_000]) if t.strip()}, key=len, reverse=True)
    if not links:
        return False
    total = len(_ALNUM.findall(text))
    rest = text
    for t in links[:5000]:
        if t in rest:
            rest = rest.replace(t, " ")
    return len(_ALNUM.findall(rest)) <= (1 - share) * total


def _date_params(url: str | None) -> dict:
    params = dict(DATE_PARAMS)
    params["url"] = url or None
    return params


def _meta(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if v)
    value = _WS.sub(" ", _ZW.sub("", str(value))).strip()
    return value or None


def _date(value: object) -> str | None:
    value = _meta(value)
    if value and _ISO_DATE.match(value[:10]):
        return value[:10]
    return None


def _author(value: object, sitename: str | None = None, hostname: str | None = None) -> str | None:
    """The authors as the page gives them ("; "-separated), each without a short leading label ("Penulis:
    X", "责任编辑：X") or byline words ("View all posts by X"); placeholders ("admin", "No author") go, and so
    does the site's own name when a person is named beside it ("FAZ GmbH; Benjamin Fischer")."""
    value = _meta(value)
    if not value:
        return None
    cues = load_cues(available_languages())  # metadata does not say which language its author is in
    names = []
    for part in value.split(";"):
        part = part.strip()
        m = _AUTHOR_LABEL.match(part)
        if m and not any(c.isdigit() for c in m.group(1)):
            part = m.group(2).strip()
        m = cues.byline.match(part)
        if m:
            part = m.group("rest").strip()
        if part and part.casefold() not in cues.author_placeholders and part not in names:
            names.append(part)
    site = _site_keys(sitename, hostname)
    people = [n for n in names if not _is_site(n, site)]
    return "; ".join(people or names) or None


_AUTHOR_LABEL = re.compile(r"^(\w+(?:[ .]\w+)?)\s*[:：]\s*(\S.*)$")


def declared_language(html: str) -> str | None:
    """The language the page declares (<html lang>, content-language, og:locale), as an ISO 639 code."""
    head = html[:65536]
    for pattern in _LANG_PATTERNS:
        m = pattern.search(head)
        if m:
            code = _lang_code(m.group(1))
            if code:
                return code
    return None


def _lang_code(value: str) -> str | None:
    code = value.strip().replace("_", "-").split("-")[0].split(",")[0].strip().lower()
    code = _OLD_CODES.get(code, code)
    return code if code.isalpha() and 2 <= len(code) <= 3 and code not in {"und", "mul", "zxx"} else None


_OLD_CODES = {"in": "id", "iw": "he", "ji": "yi"}  # Java-era codes still seen in locales ("in_ID")
_LANG_PATTERNS = [
    re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I),
    re.compile(r"<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?content\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I),
    re.compile(r"<meta\b[^>]*?content\s*=\s*[\"']?\s*([A-Za-z]{2,3})[^>]*?http-equiv\s*=\s*[\"']?content-language", re.I),
    re.compile(r"<meta\b[^>]*?property\s*=\s*[\"']?og:locale[\"']?[^>]*?content\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I),
    re.compile(r"<meta\b[^>]*?content\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?:[-_][A-Za-z]+)?[\"']?[^>]*?property\s*=\s*[\"']?og:locale[\"'\s/>]", re.I),
]
