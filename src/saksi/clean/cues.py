"""The cleaning cues of all configured languages, compiled once.

Boilerplate cues apply whatever the article's language: an English cookie banner sits on
Indonesian pages and the other way round.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from saksi import lang as langdata


def _alt(words) -> str:
    words = sorted({w.strip().lower() for w in words if w and w.strip()}, key=len, reverse=True)
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
        read_also=re.compile(rf"^{quote}\s*(?:{_alt(gather('read_also'))})\s*(?:$|[:|»>\-–—]\s*(?P<rest>.*)$)", re.I),
        widget_line=frozenset(w.lower() for w in gather("widget_lines")),
        widget_prefix=re.compile(rf"^{quote}\s*(?:{_alt(gather('widget_prefixes'))})", re.I),
        author_label=re.compile(rf"^(?:{_alt(labels('author'))})\s*[:：|]\s*(?P<rest>.*)$", re.I),
        editor_label=re.compile(rf"^(?:{_alt(labels('editor'))})\s*[:：|]\s*(?P<rest>.*)$", re.I),
        byline=re.compile(rf"^(?:{_alt(gather('byline_prefixes'))})\s*:?\s+(?P<rest>\S.*)$", re.I),
        author_placeholders=frozenset(str(w).casefold() for w in gather("author_placeholders")),
        source_label=re.compile(rf"^(?:{_alt(gather('source_labels'))})\s*[:：]\s*(?P<rest>.+)$", re.I),
        caption_prefix=re.compile(rf"^[(\[]?(?:{_alt(gather('caption_prefixes'))})\s*[:：|]\s*\S", re.I),
        caption_cue=re.compile(rf"(?:^|\W)(?:{_alt(gather('caption_cues'))})(?:\W|$)", re.I),
        photo_credit_cue=re.compile(rf"(?:{_alt(gather('photo_credit_cues'))})", re.I),
        copyright=re.compile(rf"(?:^\s*©|\(c\)\s*\d{{4}}|{_alt(gather('copyright_cues'))})", re.I),
        footer_cue=re.compile(rf"(?:^|\W)(?:{_alt(gather('footer_cues'))})(?=\W|$)", re.I),
        breadcrumb_home=frozenset(w.lower() for w in gather("breadcrumb_home")),
    )
