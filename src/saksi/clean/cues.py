"""The cleaning cues of all configured languages, compiled once.

Boilerplate cues apply whatever the article's language: an English cookie banner sits on
Indonesian pages and the other way round.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from saksi import lang as langdata
from saksi.text.regexes import compiled


def _alt(words) -> str:
    # longest first; ties in a fixed order, so the pattern (and its on-disk cache key) is the same in every process
    words = sorted({w.strip().lower() for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!x)x"


@dataclass(frozen=True)
class Cues:
    read_also: re.Pattern
    widget_line: frozenset
    widget_prefix: re.Pattern
    author_label: re.Pattern
    editor_label: re.Pattern
    byline: re.Pattern
    author_placeholders: frozenset  # author values of page metadata that name nobody ("admin")
    source_label: re.Pattern
    caption_prefix: re.Pattern
    caption_cue: re.Pattern
    photo_credit_cue: re.Pattern
    copyright: re.Pattern
    footer_cue: re.Pattern
    breadcrumb_home: frozenset
    # a credit label without a colon ("Penulis Dian Pratiwi", "Reporting by Ana Ribeiro"): taken only on a
    # short line that is no sentence
    author_label_bare: re.Pattern
    editor_label_bare: re.Pattern
    author_label_word: re.Pattern  # a text that starts with an author label ("Kontributor Aceh Timur")
    # an author label as an element's text in a page's markup and, past any tags, the text after it
    # ("<h6>Penulis</h6> Dian Pratiwi", "Penulis: <a>Namira Putri</a>")
    author_label_markup: re.Pattern
    menu_word: re.Pattern  # the section names of a navigation menu ("World", "Politik", "Home")
    name_split: re.Pattern  # between the names of several people ("and", "dan", commas)
    name_particles: frozenset  # lower-case words inside a name ("van", "bin", "de")
    credit_place: re.Pattern  # where a credit's place follows its name ("Ana Ribeiro in Port Verran")
    timezone: re.Pattern  # a time zone a date line names ("14:20 WIB", "2:20 PM EDT", "UTC+7")


def _label_in_markup(labels: list[str]) -> re.Pattern:
    # The lookahead on the labels' first letters lets the search leave most of a page's ">" at once:
    # without it, every alternative is tried after every tag (~10 ms for a 200 KB page, with it <1 ms).
    first = "".join(sorted({c for w in labels if w.strip() for c in (w.strip()[0].lower(), w.strip()[0].upper())}))
    return compiled(rf">\s*(?=[{re.escape(first) or 'x'}])(?:{_alt(labels)})\s*[:：]?\s*"
                    r"(?:<[a-zA-Z/][^<>]{0,200}>\s*){0,4}(?P<rest>[^<>\s][^<>]{1,100}?)\s*<", re.I)


def _timezone(langs: tuple[str, ...]) -> re.Pattern:
    # case-sensitive: zone names are capitals ("WIB", "EDT"), and "Lisboa" a name
    names = sorted({str(z) for z in langdata.merged_list("dates", "timezones", langs)}, key=lambda z: (-len(z), z))
    offset = r"(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?"
    return compiled(rf"(?<!\w)(?P<zone>{offset}|{'|'.join(map(re.escape, names)) or '(?!x)x'})(?!\w)")


@lru_cache(maxsize=8)
def load_cues(langs: tuple[str, ...]) -> Cues:
    def gather(key):
        return langdata.merged_list("cleaning", key, langs)

    def labels(kind):
        out = []
        for code in langs:
            out += (langdata.load(code, "cleaning").get("credit_labels") or {}).get(kind) or []
        return out

    quote = "[\"'“”‘’«»]?"
    return Cues(
        # a cue alone on its line, or followed by ':' '|' '-' '»' and the linked title
        read_also=compiled(rf"^{quote}\s*(?:{_alt(gather('read_also'))})\s*(?:$|[:|»>\-–—]\s*(?P<rest>.*)$)", re.I),
        widget_line=frozenset(w.lower() for w in gather("widget_lines")),
        widget_prefix=compiled(rf"^{quote}\s*(?:{_alt(gather('widget_prefixes'))})", re.I),
        author_label=compiled(rf"^(?:{_alt(labels('author'))})\s*[:：|]\s*(?P<rest>.*)$", re.I),
        editor_label=compiled(rf"^(?:{_alt(labels('editor'))})\s*[:：|]\s*(?P<rest>.*)$", re.I),
        byline=compiled(rf"^(?:{_alt(gather('byline_prefixes'))})\s*:?\s+(?P<rest>\S.*)$", re.I),
        author_placeholders=frozenset(str(w).casefold() for w in gather("author_placeholders")),
        source_label=compiled(rf"^(?:{_alt(gather('source_labels'))})\s*[:：]\s*(?P<rest>.+)$", re.I),
        caption_prefix=compiled(rf"^[(\[]?(?:{_alt(gather('caption_prefixes'))})\s*[:：|]\s*\S", re.I),
        caption_cue=compiled(rf"(?:^|\W)(?:{_alt(gather('caption_cues'))})(?:\W|$)", re.I),
        photo_credit_cue=compiled(rf"(?:{_alt(gather('photo_credit_cues'))})", re.I),
        copyright=compiled(rf"(?:^\s*©|\(c\)\s*\d{{4}}|{_alt(gather('copyright_cues'))})", re.I),
        footer_cue=compiled(rf"(?:^|\W)(?:{_alt(gather('footer_cues'))})(?=\W|$)", re.I),
        breadcrumb_home=frozenset(w.lower() for w in gather("breadcrumb_home")),
        author_label_bare=compiled(rf"^(?:{_alt(labels('author'))})\s+(?P<rest>\S.*)$", re.I),
        editor_label_bare=compiled(rf"^(?:{_alt(labels('editor'))})\s+(?P<rest>\S.*)$", re.I),
        author_label_word=compiled(rf"^(?:{_alt(labels('author'))})(?:\W|$)", re.I),
        author_label_markup=_label_in_markup(labels('author')),
        menu_word=compiled(rf"(?<!\w)(?:{_alt(gather('menu_words'))})(?!\w)", re.I),
        name_split=compiled(rf"\s+(?:{_alt(gather('name_joiners'))})\s+|\s*[,;]\s*", re.I),
        name_particles=frozenset(w.lower() for w in gather("name_particles")),
        timezone=_timezone(langs),
        # case-sensitive: the place after the preposition is a name
        credit_place=compiled(rf"\s+(?:{_alt(gather('credit_place_preps'))})\s+(?=[A-Z])"),
    )
