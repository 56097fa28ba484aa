"""Classify each line of a scraped page and lift the article's metadata out of it.

A page is read as three zones: the header (everything before the first real paragraph: site
name, kicker, title, byline, standfirst, photo and credit), the body, and the footer (what follows
the last real paragraph). Line rules (cue words from data) apply everywhere; position decides
the rest. All offsets here are into the normalised text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from saksi.clean.cues import Cues
from saksi.clean.names import credited_name, person_names
from saksi.model import Line

# What a line can be. Only KEPT kinds make the body.
KEPT = {"content", "subheading", "standfirst"}
KINDS = KEPT | {"title", "title_repeat", "outlet", "byline", "credit", "date", "section", "caption",
                "photo_credit", "read_also", "widget", "source_line", "copyright", "footer"}

_CAPTCHA = re.compile(r"^\S{1,8}\s*[×x*+\-−]\s*\S{1,8}\s*=\s*\S{0,4}$")
_BREADCRUMB_SPLIT = re.compile(r"\s*[/⁄›»>|]\s*")
_PAREN_CREDIT = re.compile(r"^\(\s*(?:(?P<outlet>[\w.\-]+(?:\s[\w.\-]+)?)\s*/\s*)?(?P<name>[^()/]{1,60}?)\s*\)$")
_LEAD = re.compile(r"^(?P<pre>[^\s\-–—][^\n–—]{0,70}?)\s+(?:-{1,2}|–|—)\s+(?=\S)")
_ALLCAPS_KICKER = re.compile(r"^[A-Z0-9][A-Z0-9 '’.,&/:]{3,80}\s[-–—]\s(?P<rest>.+)$")
_DOMAIN = re.compile(r"\.(?:com|co\.id|or\.id|go\.id|web\.id|my\.id|id|net|org|co\.uk|co|news|tv|info|asia)$", re.I)
_WORD = re.compile(r"\w+", re.U)
_SPACE = re.compile(r"\s+")
# "Rizky Maulana - detikNews": a name, then the site (a domain or a name like "detikNews")
_SITE_BYLINE = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+[-–—|]\s+"
                          r"(?P<site>[a-z]+[A-Z]\w*|[\w-]+\.(?:com|co\.id|id|net|org|co\.uk|co|news))$")
_END_MARKERS = {"credit", "source_line", "copyright", "widget", "read_also", "footer"}


@dataclass
class Page:
    lines: list[Line]
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: str | None = None
    timezone: str | None = None  # the zone the first date line names ("WIB", "EDT", "UTC+7")
    lead_skip: dict[int, int] = field(default_factory=dict)  # line index → chars of outlet/dateline prefix


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=4096)
def _words(s: str) -> int:
    """Words of a line; scripts written without spaces count about one word per two characters."""
    n = len(_WORD.findall(s))
    if n and (cjk := len(_CJK.findall(s))):
        n += cjk // 2
    return n


_CLOSERS = "\"'”’»)]」』"  # what may follow a sentence's last mark
_STOPS = ".!?…:;。！？"
_CLOSE_QUOTES = "\"'”’»)」』"  # a line ending in one of these reads as a sentence too


def _ends_sentence(s: str) -> bool:
    """A line ending in a sentence mark (then perhaps closing quotes or brackets), or in a closing
    quote. Read from the end with string methods: a regular expression anchored at the end is tried
    at every position of the line, and every line of a page is asked this several times."""
    s = s.rstrip()
    if not s:
        return False
    if s[-1] in _CLOSE_QUOTES:
        return True
    s = s.rstrip(_CLOSERS)
    return bool(s) and s[-1] in _STOPS


def _is_paragraph(s: str) -> bool:
    """A line that reads as running text, not a heading or a link."""
    n = _words(s)
    return (n >= 8 and _ends_sentence(s)) or n >= 30


def outlet_name(raw: str) -> str:
    """How an outlet names itself, without its domain: 'TRIBUNNEWS.COM' → 'Tribunnews'."""
    name = _DOMAIN.sub("", raw.strip().strip("()[]").strip())
    if name.isupper() and len(name) > 4:
        name = name.title()
    return name


def classify_page(text: str, cues: Cues, places: frozenset[str],
                  date_line: Callable[[str], str | None]) -> Page:
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, ""))
        pos += len(raw) + 1
    page = Page(lines)
    _line_rules(page, cues, date_line)
    first = next((i for i, ln in enumerate(lines)
                  if not ln.kind and (_is_paragraph(ln.text) or _lead(ln.text, places, dashless=False))), len(lines))
    _header(page, first, cues)
    _body(page, first, cues)
    _lead_prefix(page, places, date_line)
    return page


def _line_rules(page: Page, cues: Cues, date_line) -> None:
    lines = page.lines
    follow = 0  # lines after a header-only "read also" cue that are its link titles
    for i, ln in enumerate(lines):
        t = ln.text
        low = _SPACE.sub(" ", t.lower()).strip(" :|•·-–—")
        if follow and _words(t) <= 25 and (follow == -1 or not _is_paragraph(t)):
            ln.kind = "read_also"
            follow = 0 if follow == -1 else follow - 1
            continue
        follow = 0
        if m := cues.read_also.match(t):
            ln.kind = "read_also"
            if not (m.group("rest") or "").strip(" \"'“”‘’"):
                # "Baca Juga:" announces one link on the next line; a bare "Related Articles" a list of them
                follow = -1 if re.search(r"\w\s*[:|»>\-–—]\s*$", t) else 8
        elif low in cues.widget_line or cues.widget_prefix.match(t) or _CAPTCHA.match(t):
            ln.kind = "widget"
        elif is_menu(t, cues):
            ln.kind = "section"
        elif m := _credit(t, cues.author_label, cues.author_label_bare):
            ln.kind, ln.detail = "credit", _name_or_next(m.group("rest"), lines, i, cues)
            if ln.detail and not page.author:
                page.author = ln.detail
        elif m := _credit(t, cues.editor_label, cues.editor_label_bare):
            ln.kind, ln.detail = "credit", _name_or_next(m.group("rest"), lines, i, cues)
        elif (m := cues.byline.match(t)) and _words(m.group("rest")) <= 6 and not _ends_sentence(t):
            ln.kind, ln.detail = "byline", person_names(m.group("rest"), cues)
            page.author = page.author or ln.detail
        elif m := _SITE_BYLINE.match(t):
            ln.kind, ln.detail = "byline", person_names(m.group("name"), cues)
            page.author = page.author or ln.detail
        elif found := _dated_byline(t, cues, date_line):
            ln.kind, ln.detail = "byline", found[1]
            page.author = page.author or ln.detail
            page.published = page.published or found[0]
        elif (m := _PAREN_CREDIT.match(t)) and _words(t) <= 6:
            ln.kind = "credit"
            if m.group("outlet") and not _initials(m.group("name")):
                ln.detail = person_names(m.group("name").strip(), cues)
                page.author = page.author or ln.detail
        elif cues.source_label.match(t) and _words(t) <= 12:
            ln.kind = "source_line"
        # the cheap tests first: only a line short enough to be a copyright notice, or one that is no
        # sentence (a footer), is searched for their cues
        elif _words(t) <= 40 and (t.lstrip().startswith(("©", "(c)", "(C)")) or not _is_paragraph(t) or _words(t) <= 20) \
                and cues.copyright.search(t):
            ln.kind = "copyright"
        elif not _ends_sentence(t) and len(cues.footer_cue.findall(t)) >= 2:
            ln.kind = "footer"
        elif _words(t) <= 12 and (d := date_line(t) or _site_date(t, date_line)):
            ln.kind, ln.detail = "date", d  # before breadcrumbs: "03/11/2024" splits at its slashes
            if not page.timezone and (z := cues.timezone.search(t)):
                page.timezone = z["zone"]
        elif _breadcrumb(t, cues):
            ln.kind = "section"
        elif cues.caption_prefix.match(t) or ((m := _ALLCAPS_KICKER.match(t)) and cues.caption_cue.search(m.group("rest"))):
            ln.kind = "caption"
    # the name under a header-only credit label ("Penulis :" / "Kaorie Zeto Hapki")
    for i, ln in enumerate(lines):
        if ln.kind == "credit" and ln.detail and i + 1 < len(lines) and lines[i + 1].text == ln.detail and not lines[i + 1].kind:
            lines[i + 1].kind = "credit"


def _credit(t: str, label: re.Pattern, bare: re.Pattern) -> re.Match | None:
    """A credit line: its label with a colon, or without one on a short line that is no sentence
    ("Penulis Dian Pratiwi | Editor Budi Santoso", "Reporting by Ana Ribeiro; Editing by Tom Hale")."""
    if m := label.match(t):
        return m
    if _words(t) <= 24 and not _ends_sentence(t) and (m := bare.match(t)) and t[:1].isupper():
        rest = re.split(r"\s*[|;/]\s*", m.group("rest"))[0]
        if _words(rest) <= 8:
            return m
    return None


def is_menu(t: str, cues: Cues) -> bool:
    """A navigation menu on one line ("World U.S. Politics Sports Business Science"): at least four
    section names, which make most of its letters (three, which make all of them), and no sentence."""
    if _words(t) < 3 or _ends_sentence(t):
        return False
    found = cues.menu_word.findall(t)
    if len(found) < 3:
        return False
    letters = sum(c.isalpha() for c in t)
    share = sum(c.isalpha() for w in found for c in w) / max(letters, 1)
    return share >= 0.6 if len(found) >= 4 else share == 1.0  # three only when nothing else is there


def _initials(name: str) -> bool:
    """Editors' initials closing a page ("(rzm/ahy)"): short lower-case letter groups, no name."""
    return all(p.isalpha() and p.islower() and len(p) <= 5 for p in re.split(r"[\s/,]+", name.strip()) if p)


def _dated_byline(t: str, cues: Cues, date_line) -> tuple[str, str] | None:
    """(date, author) of "Posted on October 2, 2024 by Dina Rahman" (a date, then a byline)."""
    if _words(t) > 16 or _ends_sentence(t):
        return None
    for m in _SPACE.finditer(t):
        rest = t[m.end():]
        b = cues.byline.match(rest)
        if b and _words(b.group("rest")) <= 6 and (d := date_line(t[:m.start()])):
            names = person_names(b.group("rest"), cues)
            return (d, names) if names else None
    return None


def _site_date(t: str, date_line) -> str | None:
    """The date of a line that names the site first ("Kompas.com - 03/11/2024, 14:20 WIB")."""
    m = _LEAD.match(t)
    if m and (_DOMAIN.search(m.group("pre")) or _words(m.group("pre")) <= 2):
        return date_line(t[m.end():])
    return None


def _unquoted(t: str) -> str:
    return t.strip(" \t\"'‘’“”«»„").lower()


def _name_or_next(rest: str, lines: list[Line], i: int, cues: Cues) -> str | None:
    rest = rest.strip()
    if rest:
        return credited_name(rest, cues)
    if i + 1 < len(lines) and _words(lines[i + 1].text) <= 6 and not _ends_sentence(lines[i + 1].text):
        return lines[i + 1].text
    return None


def _breadcrumb(t: str, cues: Cues) -> bool:
    if t.startswith("|") or "://" in t or t.startswith("www.") or _ends_sentence(t):  # a table row, a link, a sentence
        return False
    parts = [p for p in _BREADCRUMB_SPLIT.split(t) if p]
    if len(parts) < 2 or any(_words(p) > 4 for p in parts):
        return False
    return parts[0].lower() in cues.breadcrumb_home or len(parts) >= 3


def _photo_credit(t: str, cues: Cues) -> bool:
    return _words(t) <= 12 and not _ends_sentence(t) and ("/" in t or bool(cues.photo_credit_cue.search(t)))


def _header(page: Page, first: int, cues: Cues) -> None:
    head = [i for i in range(first) if not page.lines[i].kind]
    candidates = [i for i in head if 3 <= _words(page.lines[i].text) <= 30 and not _photo_credit(page.lines[i].text, cues)
                  and not cues.caption_cue.search(page.lines[i].text)]
    title_at = candidates[0] if candidates else None
    # a short kicker ("Konflik Rusia Vs Ukraina") stands above a longer headline
    if len(candidates) > 1 and _words(page.lines[candidates[0]].text) <= 5 \
            and _words(page.lines[candidates[0]].text) < _words(page.lines[candidates[1]].text) <= 30 \
            and not _ends_sentence(page.lines[candidates[1]].text):
        title_at = candidates[1]
    for i in head:
        ln = page.lines[i]
        if title_at is not None and i == title_at:
            ln.kind = "title"
            page.title = ln.text
        elif page.title and ln.text.lower() == page.title.lower():
            ln.kind = "title_repeat"
        elif _photo_credit(ln.text, cues):
            ln.kind = "photo_credit"
        elif cues.caption_cue.search(ln.text) and _words(ln.text) >= 6:
            ln.kind = "caption"
        elif (i == 0 and title_at is not None and i < title_at and _words(ln.text) <= 4 and not _ends_sentence(ln.text)
              and not cues.menu_word.fullmatch(ln.text.strip(" -–—|:"))):  # a section's name is no outlet
            ln.kind, ln.detail = "outlet", outlet_name(ln.text)
            page.outlet = ln.detail  # an outlet named in the lead ("Pantau -") overrides it later
        elif title_at is not None and i > title_at and _words(ln.text) >= 10:
            ln.kind = "standfirst"
        else:
            ln.kind = "section"


def _body(page: Page, first: int, cues: Cues) -> None:
    lines = page.lines
    for i in range(first, len(lines)):
        ln = lines[i]
        if ln.kind:
            continue
        near_caption = any(0 <= j < len(lines) and lines[j].kind == "caption" for j in (i - 1, i + 1))
        if near_caption and _photo_credit(ln.text, cues):
            ln.kind = "photo_credit"
        elif page.title and _unquoted(ln.text) == _unquoted(page.title):
            ln.kind = "title_repeat"  # the headline again, perhaps in quote marks
        else:
            listed = re.match(r"^(?:[-•*·▪–]|\d{1,2}[.)])\s", ln.text)
            ln.kind = "content" if listed or _is_paragraph(ln.text) or _ends_sentence(ln.text) else "subheading"
    # The footer starts at the first page furniture after the last real paragraph; what lies between
    # (a closing list, a tour schedule) is still the article's.
    last = max((i for i in range(first, len(lines)) if lines[i].kind == "content"
                and (_ends_sentence(lines[i].text) and _words(lines[i].text) >= 3 or _words(lines[i].text) >= 12)), default=None)
    end = next((i for i in range(first if last is None else last + 1, len(lines)) if lines[i].kind in _END_MARKERS), None)
    if end is not None:
        for i in range(end + 1, len(lines)):
            if lines[i].kind in KEPT:
                lines[i].kind = "footer"


def _lead(t: str, places: frozenset[str], dashless: bool = True) -> tuple[str | None, str | None, int] | None:
    """The dateline and outlet a lead paragraph opens with ('ACEH TIMUR, KOMPAS.com –', 'LONDON (Reuters) -',
    'Pantau -'). The outlet is the site's own token (a domain, an agency in parentheses, a lone name); the
    place is the dateline, never the outlet."""
    m = _LEAD.match(t)
    if m and _words(m.group("pre")) <= 6 and not re.search(r"[.!?:;]\s*$", m.group("pre")):
        found = _dateline_parts(m.group("pre"), places)
        if found:
            return found[0], found[1], m.end()
    if not dashless:
        return None
    # a dateline with no dash: 'Jakarta Korea Utara menegaskan ...'
    words = t.split(" ", 4)
    for k in (3, 2, 1):
        if len(words) > k:
            cand, nxt = " ".join(words[:k]).rstrip(","), words[k]
            if cand.lower() in places and nxt[:1].isupper() and (cand + " " + nxt).lower() not in places:
                return cand, None, len(" ".join(words[:k])) + 1
    return None


def _dateline_parts(pre: str, places: frozenset[str]) -> tuple[str | None, str | None] | None:
    """(place, outlet) of a dateline: its parts split at commas, an agency in parentheses apart."""
    agencies = [a.strip() for a in re.findall(r"\(([^()]{1,40})\)", pre)]
    parts = [p.strip() for p in re.sub(r"\([^()]*\)", ",", pre).split(",") if p.strip()]
    outlet = next((outlet_name(a) for a in agencies if not re.search(r"\d", a)), None)
    dateline = None
    for k, p in enumerate(parts):
        if re.search(r"\d", p) and not re.search(r"[A-Za-z]{3,}\d|\d[A-Za-z]{3,}", p):
            continue  # a date inside the dateline
        if _DOMAIN.search(p):
            outlet = outlet or outlet_name(p)
        elif p.lower() in places:
            dateline = dateline or p
        elif dateline is None and (k == 0 or outlet) and p.isupper() and (len(parts) > 1 or agencies or _words(p) <= 3):
            dateline = p  # a place in capitals first ("RIVERTON, Ore. (AP)", "CIANJUR -")
        elif len(parts) == 1 and not agencies and _words(p) <= 2:
            outlet = outlet_name(p)  # a lone name: the site's ("Pantau -")
    return (dateline, outlet) if dateline or outlet else None


def _lead_prefix(page: Page, places: frozenset[str], date_line) -> None:
    i = next((i for i, ln in enumerate(page.lines) if ln.kind == "content"), None)
    if i is None:
        return
    found = _lead(page.lines[i].text, places)
    if not found:
        return
    dateline, outlet, skip = found
    if dateline:
        page.dateline = dateline.title() if dateline.isupper() else dateline
    if outlet:
        page.outlet = outlet
    page.lead_skip[i] = skip
