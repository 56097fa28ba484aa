"""HTML page → main article text (one paragraph per line) and the metadata the page states.

``extract_html`` wraps trafilatura (main-text extraction, metadata) and htmldate (publication date),
with settings chosen by measurement on the Zyte/Scrapinghub article-extraction benchmark and the
trafilatura evaluation set (see ``benchmarks/extraction.py``):

- the page is parsed once (trafilatura's own parser, ``load_html``) and that tree serves the depth
  check, the text extraction and the metadata; nothing parses the page a second time;
- trafilatura's main heuristics without its external fallback extractors (``fast=True``): on the Zyte
  set this scores as well as the fallbacks (readability, jusText) at twice the speed; trafilatura's
  own cheap rescues stay (the baseline extractor when the text is short, the recall retry when it
  covers little of the page);
- comments are dropped, tables kept (their cells become lines), no in-document deduplication;
- metadata: trafilatura's meta tags, JSON-LD, title, canonical URL, site name and author heuristics,
  without the categories, tags and licence saksi does not read; ``skip`` leaves out the date and
  author searches when the caller already has them. A <title> that is the site's menu gives way to
  the headline; an author the metadata does not name (or names as the site) is looked for in the
  bylines, then after a credit label ("Penulis", "Reporting by"); names in capitals come out in title
  case; the publication time's UTC offset is read from the meta tags or JSON-LD;
- the date is the original publication date and only one the page (or its URL) states: htmldate
  with ``original_date=True`` and without the extensive free-text search, so a copyright year or
  a comment date is not taken for the publication date; never the download date.

The text keeps in-article subheadings, list items (``- item``), quotes and possibly photo captions,
one per line, with no blank lines: saksi's line cleaner classifies them afterwards. Bytes decoding
is the caller's job (``ingest.readers.decode``).

Bad input never ends in a traceback: a page that is not HTML (empty, binary, no markup, unparsable)
raises ``ValueError`` with a short reason; a valid page without article text returns ``None``. A page
whose tree reaches ``MAX_DEPTH`` (libxml2 stops building at 255 and loses what is deeper) is
unwrapped below ``MAX_DEPTH`` (``flatten_deep``) and parsed again, and a bare fragment is wrapped in
``<html><body>``, so that their text is not lost.
"""
from __future__ import annotations

import json
import logging
import re
from html import unescape
from collections.abc import Collection
from copy import copy, deepcopy
from dataclasses import dataclass

from courlan import extract_domain
from htmldate import find_date
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.json_metadata import (JSON_UNICODE_REPLACE, extract_json, extract_json_parse_error,
                                       normalize_authors)
from trafilatura.metadata import (JSON_MINIFY, META_URL, examine_meta, extract_metainfo, extract_sitename,
                                  extract_title, extract_url)
from trafilatura.settings import DEFAULT_CONFIG, Document, Extractor
from lxml.html import HtmlElement
from lxml.html import fromstring as lxml_fromstring
from trafilatura.utils import (DOCTYPE_TAG, FAULTY_HTML, HTML_STRIP_TAGS, is_dubious_html, line_processing,
                               repair_faulty_html, trim)
from trafilatura.xml import delete_element

from saksi.clean.cues import load_cues
from saksi.clean.names import credited_name, person_names
from saksi.clean.page import is_menu
from saksi.lang import available_languages
from saksi.timezones import timestamp_offset

__all__ = ["HtmlExtract", "extract_html"]

# trafilatura and htmldate log every page they cannot handle at WARNING/ERROR level; saksi reports
# unusable pages itself (one line per file), so their messages would only be noise on stderr.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_CONFIG = deepcopy(DEFAULT_CONFIG)
_CONFIG["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # no signal-based timeout: we may run in worker threads

# The extraction settings (see the module docstring for why).
OPTIONS = dict(fast=True, favor_precision=False, favor_recall=False, include_comments=False,
               include_tables=True, include_images=False, include_links=False, include_formatting=False,
               deduplicate=False)
DATE_PARAMS = dict(extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
# The metadata fields ``skip`` may name (what a caller may already have from its input).
SKIPPABLE = frozenset({"author", "date"})


def _extractor() -> Extractor:
    """trafilatura's options for OPTIONS, built once (reading the config each page costs) and copied."""
    o = OPTIONS
    return Extractor(config=_CONFIG, output_format="python", fast=o["fast"], precision=o["favor_precision"],
                     recall=o["favor_recall"], comments=o["include_comments"], formatting=o["include_formatting"],
                     links=o["include_links"], images=o["include_images"], tables=o["include_tables"],
                     dedup=o["deduplicate"], with_metadata=False)


_EXTRACTOR = _extractor()

_TAG = re.compile(r"<\s*[a-zA-Z!/?][^>]{0,2000}>")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WS = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])  # as INVALID_XML_CHARS
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")  # control characters but \t \n \f \r; U+FFFD
_ZW = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass
class HtmlExtract:
    """What a page gives saksi: its article text and the metadata it states (None when it does not)."""

    text: str  # main article text, one paragraph (or subheading, list item, quote, caption) per line
    title: str | None = None
    author: str | None = None  # the people the page names, ", "-separated, capitals in title case
    date: str | None = None  # YYYY-MM-DD, the original publication date the page (or URL) states
    sitename: str | None = None
    url: str | None = None  # the URL given by the caller, else the page's canonical URL
    description: str | None = None
    language: str | None = None  # as declared by the page's metadata, e.g. "id", "en"
    timezone: str | None = None  # UTC offset of the publication time the page states, e.g. "+07:00"


def extract_html(html: str, url: str | None = None, *, skip: Collection[str] = ()) -> HtmlExtract | None:
    """Extract the main article text and metadata from one HTML page.

    Returns None when the page is HTML but holds no article text. Raises ValueError with a short
    reason when the input is not a usable HTML page (empty, binary, no markup, parser failure).
    ``skip`` names metadata the caller already has (``"author"``, ``"date"``): those searches are not
    run and the fields are None. The title is always read (the text's first line is dropped when it
    repeats it).
    """
    html, invalid_chars = _check(html)
    if not _DOCUMENT.search(html, 0, 200_000):  # a bare fragment: trafilatura reads whole documents only
        html = f"<html><body>{html}</body></html>"
    try:
        tree = _parse(html, invalid_chars)
        if tree is None:
            return None
        skip = frozenset(skip)
        meta = _metadata(tree, url or None, skip)
        _drop_dead_weight(tree)
        stashed = _stash(tree)
        options = copy(_EXTRACTOR)
        options.url = options.source = url or None
        doc = bare_extraction(tree, options=options)  # works on its own copy of the tree
        if doc is None:
            return None
        _unstash(stashed)
        sitename, hostname = _meta(meta.sitename), _meta(meta.hostname)
        author = _author(meta.author, sitename, hostname)
        if "author" not in skip and (not author or _is_site(author, _site_keys(sitename, hostname))):
            # a person's name from the bylines (last: the search prunes the tree) or after a credit label,
            # else the site's own name as its metadata gives it
            author = _author(_search_author(tree), sitename, hostname) or _labelled_author(html) or author
    except (RecursionError, MemoryError):
        raise ValueError("page too deeply nested or too large to parse") from None
    except Exception as e:  # trafilatura/lxml fail in many ways on broken pages; report, don't crash
        raise ValueError(f"HTML parser failed ({type(e).__name__})") from None
    lines = tidy_text(getattr(doc, "text", None) or "").split("\n")
    raw_title = _meta(meta.title)
    title = clean_title(raw_title, sitename, hostname or url, lines[:3])
    if title and is_menu(_TITLE_SEP.sub(" ", title), _cues()):  # a <title> that is the site's menu
        title = lines[0] if lines and 3 <= len(lines[0].split()) <= 30 and lines[0][-1:] not in ".!?" else None
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
        author=author,
        date=_date(meta.date),
        sitename=sitename,
        url=url or _meta(meta.url),
        description=_meta(meta.description),
        language=declared_language(html),
        timezone=published_offset(html) if "date" not in skip else None,
    )


def _parse(html: str, invalid_chars: bool = True) -> HtmlElement | None:
    """The page's tree, parsed as ``trafilatura.utils.load_html`` parses a string (same repairs, same
    parser settings, same fallbacks; None when lxml makes no tree of it), with a C-level element class
    lookup: lxml.html's Python-level lookup runs for every element object created, and trafilatura
    creates ~2,000 per page. All elements are plain ``HtmlElement`` (lxml.html makes form controls
    ``FormElement``, ``InputElement`` etc., whose extra methods trafilatura does not use).

    libxml2 stops building the tree 255 elements deep and drops what is deeper: a tree that reaches
    ``MAX_DEPTH`` is parsed again from the page with its deepest elements unwrapped (``flatten_deep``).
    """
    tree = _load(html, invalid_chars)
    if tree is not None and _TOO_DEEP(tree):
        flat = flatten_deep(html)
        if flat is not html:
            tree = _load(flat, invalid_chars)
    return tree


_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                           remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))


def _load(html: str, invalid_chars: bool = True) -> HtmlElement | None:
    """``trafilatura.utils.load_html`` for a string, with our parser; ``invalid_chars=False`` says the
    page holds no INVALID_XML_CHARS, so that repair_faulty_html's pass over the page to drop them is
    skipped."""
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning) if invalid_chars else _repair_markup(html, beginning)
    tree, as_bytes = None, False
    try:
        tree = lxml_fromstring(html, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, as_bytes = _load_bytes(html), True
    except Exception:
        pass
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _load_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _repair_markup(html: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` but its removal of INVALID_XML_CHARS."""
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def _load_bytes(html: str) -> HtmlElement | None:
    try:
        return lxml_fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:
        return None


# trafilatura's author search (``trafilatura.xpaths.AUTHOR_XPATHS``, ``AUTHOR_DISCARD_XPATHS``, as of
# trafilatura 2.3.1) in one pass over the elements instead of five XPaths (~3 ms a page each: libxml2
# evaluates a long predicate slowly, and ``re:test`` calls into Python for every element). The
# patterns are alternations of literal words, an anchored word or a character class, so substring
# tests say exactly the same; tests/test_html.py checks both select the same elements.
_A0_TAGS = frozenset("a address div link p span strong".split())
_A1_TAGS = frozenset("a div h3 h4 p span".split())
_D0_TAGS = frozenset("a div section span".split())


def _words(*words: str):
    return re.compile("|".join(map(re.escape, words))).search


_A0_CLASS = _words("author-name", "authorname", "AuthorName", "authorName")
_A1_CLASS_EQ = frozenset({"byline", "username", "byl", "BBL"})
_A1_ID = _words("author", "zuozhe", "bianji", "xiaobian")
_A1_CLASS = _words("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by",
                   "journalist-name")
_A2_ID = _words("Author", "author")
_A2_CLASS = _words("Author", "author", "screenname", "writer", "Byline", "byline")
_D0_CLASS_EQ = frozenset({"comments", "title", "date"})
_D0_ID = _words("commentlist", "comment-list", "ProductReviews")
_D0_CLASS = _words("commentlist", "comments-list", "sidebar", "is-hidden", "quote", "embedly-instagram",
                   "article-share", "article-support", "print", "category", "meta-date", "meta-reviewer")
_TIME_FIGURE = etree.XPath("//time|//figure")


def _author_discarded(tree: HtmlElement) -> list[HtmlElement]:
    """AUTHOR_DISCARD_XPATHS[0], ``.//*[self::a or self::div or self::section or self::span][...]``."""
    out = []
    for el in tree.iterdescendants(_D0_TAGS):
        cls, id_, comp = el.get("class"), el.get("id"), el.get("data-component")
        if cls is None and id_ is None and comp is None:
            continue
        if (id_ is not None and (id_ == "comments" or id_.startswith("comments") or _D0_ID(id_))
                or cls is not None and (cls in _D0_CLASS_EQ or cls.startswith(("Comments", "comments")) or _D0_CLASS(cls))
                or comp is not None and "Figure" in comp):
            out.append(el)
    return out


def _author_candidates(tree: HtmlElement) -> tuple[list, list, list]:
    """The elements AUTHOR_XPATHS[0], [1] and [2] select, each in document order."""
    a0, a1, a2 = [], [], []
    root = tree.getroottree().getroot()
    rel_me = root.find(".//rel") is not None  # ``rel='me'``: a child element <rel> whose text is "me"
    for el in root.iter(etree.Element):
        tag = el.tag
        cls, id_, itemprop, comp = el.get("class"), el.get("id"), el.get("itemprop"), el.get("data-component")
        if tag in _A0_TAGS:
            if (cls is not None and (cls == "author" or _A0_CLASS(cls)) or id_ == "author"
                    or itemprop == "author name" or el.get("rel") == "author"
                    or el.get("data-testid") in ("AuthorCard", "AuthorURL")
                    or rel_me and any(child.text_content() == "me" for child in el.iterchildren("rel"))):
                a0.append(el)
        elif tag == "author":
            a0.append(el)
        if cls is None and id_ is None and itemprop is None and comp is None:
            continue
        author_prop = itemprop is not None and "author" in itemprop
        if tag in _A1_TAGS and (author_prop or id_ is not None and _A1_ID(id_)
                                or cls is not None and (cls in _A1_CLASS_EQ or _A1_CLASS(cls))):
            a1.append(el)
        if (author_prop or comp is not None and "Byline" in comp or id_ is not None and _A2_ID(id_)
                or cls is not None and _A2_CLASS(cls)):
            a2.append(el)
    return a0, a1, a2


def _drop_dead_weight(tree: HtmlElement) -> None:
    """Delete, as trafilatura would (tail text kept), what every one of its extractors deletes before
    reading anything: scripts (but JSON-LD, which its baseline extractor and forum check read), styles,
    SVG drawings, and the <head>'s meta, link, title and base elements. Every XPath trafilatura runs
    over the page (some call a Python regex for each element) then visits ~20% fewer elements."""
    root = tree.getroottree().getroot()
    dead = [el for el in root.iter("script", "style", "svg")
            if el.tag != "script" or el.get("type") != "application/ld+json"]
    head = root.find("head")
    if head is not None:
        dead.extend(el for el in head.iterchildren("meta", "link", "title", "base"))
    for el in dead:
        delete_element(el)


_STASH = ("aside", "footer")
_STASH_GUARD = True


def _stash(tree: HtmlElement) -> list[tuple[HtmlElement, HtmlElement]]:
    root = tree.getroottree().getroot()
    out, chosen = [], set()
    for el in root.iter(*_STASH):
        if chosen and any(a in chosen for a in el.iterancestors(*_STASH)):
            continue  # inside one stashed already
        if _STASH_GUARD and (el.find(".//h1") is not None or el.find(".//script") is not None
                             or el.find(".//div[@id='data-preloaded']") is not None):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        stand_in = tree.makeelement(el.tag)
        stand_in.tail = el.tail
        out.append((el, stand_in))
        chosen.add(el)
    for el, stand_in in out:
        el.getparent().replace(el, stand_in)
    return out


def _unstash(stashed: list[tuple[HtmlElement, HtmlElement]]) -> None:
    for el, stand_in in reversed(stashed):
        parent = stand_in.getparent()
        if parent is not None:
            parent.replace(stand_in, el)


def _metadata(tree, url: str | None, skip: frozenset[str]) -> Document:
    """The page's metadata, as ``trafilatura.metadata.extract_metadata`` finds it (same steps, same
    order of preference), without the categories, tags and licence, and without the searches in
    ``skip``; the author only when the meta tags or JSON-LD name one (``_search_author`` reads the
    page's byline elements afterwards)."""
    md = examine_meta(tree)
    if md.author and " " not in md.author:  # as trafilatura: a one-word meta author is no name
        md.author = None
    try:
        md = _meta_json(tree, md)
    except Exception:  # bugs in trafilatura's JSON-LD reader
        pass
    if not md.title:
        md.title = extract_title(tree)
    if not md.url:
        md.url = extract_url(tree, url)
    if md.url:
        md.hostname = extract_domain(md.url, fast=True)
    if "date" in skip:
        md.date = None
    else:
        params = dict(DATE_PARAMS)
        params["url"] = md.url
        md.date = find_date(tree, **params)  # copies the tree before pruning it
    if not md.sitename:
        md.sitename = extract_sitename(tree)
    if md.sitename:
        md.sitename = md.sitename.lstrip("@")
        if md.sitename and "." not in md.sitename and not md.sitename[0].isupper():
            md.sitename = md.sitename.title()
    elif md.url:
        m = META_URL.match(md.url)
        if m:
            md.sitename = m[1]
    if "author" in skip:
        md.author = None
    md.clean_and_trim()
    return md


def _meta_json(tree: HtmlElement, md: Document) -> Document:
    """``trafilatura.metadata.extract_meta_json`` with the same result in a third of the time: its
    whitespace removal expands a regex template for every match and its surrogate removal runs a
    Python generator over every character of the JSON; here a function and a regex do the same."""
    for elem in _JSON_SCRIPTS(tree):
        if not elem.text:
            continue
        text = _normalize_json(JSON_MINIFY.sub(_group1, elem.text))
        try:
            schema = json.loads(text, strict=False)
            md = extract_json(schema, md)
        except json.JSONDecodeError:
            md = extract_json_parse_error(text, md)
    return md


def _group1(m: re.Match) -> str:
    return m.group(1) or ""  # what the template r"\1" gives, an empty string when group 1 did not match


def _normalize_json(string: str) -> str:
    """``trafilatura.json_metadata.normalize_json``."""
    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = unescape(_SURROGATE.sub("", string))
    return trim(HTML_STRIP_TAGS.sub("", string))


_JSON_SCRIPTS = etree.XPath('.//script[@type="application/ld+json" or @type="application/settings+json"]')


def _search_author(tree: HtmlElement) -> str | None:
    """trafilatura's ``extract_author`` (the page's byline elements, once comments, sidebars, dates and
    figures are pruned), pruning ``tree`` itself rather than a copy of it."""
    for el in _author_discarded(tree):
        delete_element(el)
    for el in _TIME_FIGURE(tree):
        delete_element(el)
    found = _author_candidates(tree)
    author = extract_metainfo(tree, [lambda _tree, els=els: els for els in found], len_limit=120)
    if author:
        author = normalize_authors(None, author)
    return line_processing(unescape(author)) if author else None  # as Document.clean_and_trim


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
    return _NOT_ALNUM.sub("", (text or "").casefold())


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() and "_"


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


def _check(html: object) -> tuple[str, bool]:
    """The page with stray NULs dropped and lone surrogates replaced, and whether it holds characters
    XML forbids (``trafilatura.utils.INVALID_XML_CHARS``: control characters, U+FFFE, U+FFFF), which
    the parser's input must lose; ValueError when it is no HTML page."""
    if isinstance(html, (bytes, bytearray)):
        raise ValueError("got bytes, expected decoded text")
    if not isinstance(html, str):
        raise ValueError(f"expected text, got {type(html).__name__}")
    if not html.strip():
        raise ValueError("empty page")
    sample = html[:8192]
    bad = len(_BAD_CHAR.findall(sample))
    if bad > max(8, len(sample) // 50):
        raise ValueError("binary data, not HTML")
    if not _TAG.search(html, 0, 200_000):
        raise ValueError("no HTML markup found")
    # Not with regular expressions: a character class is searched ~10 times slower over the ~200 KB
    # of a page than str.encode (which fails on a surrogate), bytes.translate and `in` run.
    try:
        raw = html.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (from a lenient decoder) make lxml drop the rest
        html = _SURROGATE.sub("\ufffd", html)
        raw = html.encode("utf-8")
    control = len(raw.translate(None, _CONTROL_BYTES)) < len(raw)
    if control and "\x00" in html:  # lxml refuses NUL characters; a few stray ones are not fatal
        html = html.replace("\x00", "")
    return html, control or "\ufffe" in html or "\uffff" in html


# libxml2 stops building the tree 255 elements deep, and what is deeper (the article text of a page
# nested 10,000 deep) is lost: tags deeper than this are dropped, their text kept.
MAX_DEPTH = 200
# whether a tree has an element MAX_DEPTH levels below <html> (one location step per level: linear)
_TOO_DEEP = etree.XPath("boolean(/*" + "/*" * MAX_DEPTH + ")")
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
    does the site's own name when a person is named beside it ("FAZ GmbH; Benjamin Fischer"). Several
    people are joined with ", ", a name in capitals written in title case ("JANE DOE" → "Jane Doe")."""
    value = _meta(value)
    if not value:
        return None
    cues = _cues()
    names: list[str] = []
    for part in value.split(";"):
        part = part.strip()
        m = _AUTHOR_LABEL.match(part)
        if m and not any(c.isdigit() for c in m.group(1)):
            part = m.group(2).strip()
        m = cues.byline.match(part)
        if m:
            part = m.group("rest").strip()
        if part and part.casefold() not in cues.author_placeholders:
            names += [n for n in (person_names(part, cues) or "").split(", ") if n and n not in names]
    site = _site_keys(sitename, hostname)
    people = [n for n in names if not _is_site(n, site)]
    return ", ".join(people or names) or None


def _cues():
    return load_cues(available_languages())  # metadata does not say which language its author is in


def _labelled_author(html: str) -> str | None:
    """The name after a credit label in the page's markup ("<h6>Penulis</h6> Dian Pratiwi",
    "Penulis: <a>Namira Putri</a>"), for pages whose byline elements trafilatura does not know."""
    cues = _cues()
    # from the headline on (credits stand below it), else from the <body>: not the head's scripts and
    # styles nor the menus above the headline, and half the cost of a search of the whole page
    start = html.find("<h1")
    start = start if start >= 0 else max(html.find("<body"), 0)
    for m in cues.author_label_markup.finditer(html, start, start + 1_000_000):
        name = credited_name(unescape(m.group("rest")), cues)
        if name and name[0].isupper() and len(name.split()) <= 8:
            return name
    return None


_AUTHOR_LABEL = re.compile(r"^(\w+(?:[ .]\w+)?)\s*[:：]\s*(\S.*)$")


def published_offset(html: str) -> str | None:
    """The UTC offset of the publication time in the page's meta tags or JSON-LD ("...T14:20:00+07:00"
    → "+07:00", "...Z" → "+00:00"); None when the page gives no time with a zone."""
    for key in _PUBLISHED_KEYS:  # str.find, not one regex of alternatives: ~20 times faster on a page
        pos = html.find(key, 0, 1_000_000)
        m = _PUBLISHED_TIME.match(html, pos + len(key)) if pos >= 0 else None
        if m:
            return timestamp_offset(m.group("stamp"))
    return None


_PUBLISHED_KEYS = ("article:published_time", "datePublished", "DC.date.issued")
_PUBLISHED_TIME = re.compile(r"[\"']?\s*(?:content\s*=|:)\s*[\"'](?P<stamp>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"
                             r"(?::\d{2}(?:\.\d+)?)?(?:Z|z|[+-]\d{2}:?\d{2}))[\"']")


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
