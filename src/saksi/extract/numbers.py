"""Numbers in running text: digits, number words, vague amounts, ranges and their qualifiers.

``find_quantities(text, lang)`` returns every amount it finds as a ``Quantity``: where it stands,
its value (or bounds), the qualifier the words around it give ("sekitar", "more than", "hingga"),
and its kind, so that a claims extractor can keep only plain counts (``kind == "count"``) and leave
the rest aside:

- ``year``: a four-digit 1800-2100 number with no separator, unless a count qualifier precedes it
  ("sekitar 2000 tentara" is a count, "pada 2024" and "hingga 2026" are years); decades ("1990-an");
- ``date``: the digits of a calendar date ("2/6/2025", "18 Juni 2024", "Oktober 2024"), one quantity
  per date, value None;
- ``time``: "10:15", "pukul 10.00", "10.00 WIB", "10 a.m.";
- ``percent``, ``money`` (a currency sign before or a currency word after), ``measure`` (a unit after:
  mm, km, ton, tahun, kali, years, times ...; also ratios such as "24/7");
- ``ordinal``: "ke-3", "3rd", "kedua", "first", and identifiers after a label word ("Resolusi 1718",
  "Pasal 5", "floor 3").

Vague amounts ("ribuan", "tens of thousands") have value None, ``value_low`` the floor the data
gives (the unit: "ribuan" → 1000, "puluhan ribu" → 10000) and qualifier ``vague``; ranges have value
None, ``value_low``/``value_high`` and qualifier ``range``. Names with digits ("F-16", "A320",
"COVID-19"), codes with leading zeros and phone numbers are not reported at all.

Everything a language contributes lives in ``data/lang/<code>/numbers.yaml`` (number words,
multipliers, vague words, qualifiers, units, currencies, the decimal mark ...). This module holds
only the mechanism: a compiled scanner per language finds anchors (digits, number words), a small
parser reads the number expression forward from each anchor (a stack of values that multipliers
fold: "dua ratus dua puluh ribu" = 220000), then looks around it for qualifiers, range partners,
units and currencies. Every regular expression is linear (possessive digit runs, bounded runs of
spaces, literal alternations built as tries), so even a 5 MB paragraph is read in one pass.

``spell(n, lang)`` writes an integer in words from the same data, and ``parse_number(text, lang)``
reads a string that is nothing but a number.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache, wraps
from typing import Iterable

from saksi import cache as _cache
from saksi import lang as _lang
from saksi.text.regexes import compiled

QUALIFIERS = ("exact", "approx", "more_than", "less_than", "up_to", "at_least", "range", "vague")
KINDS = ("count", "year", "date", "time", "percent", "money", "measure", "ordinal")

_MAX_DIGITS = 30  # longer digit runs are identifiers or garbage, never amounts
_YEAR_MIN, _YEAR_MAX = 1800, 2100
_GAP = r"[ \t\u00a0]{0,6}"  # spaces allowed between the words of one number (bounded: linear)
_LOOKBACK = 64  # characters searched before a number for its qualifier, currency, label ...
_COUNT_QUALIFIERS = {"approx", "more_than", "less_than", "at_least", "exact"}


@dataclass
class Quantity:
    start: int  # span start, including qualifier words before the number
    end: int
    text: str
    value: float | None
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"
    kind: str = "count"
    number_start: int = 0  # the bare number ("12 juta", "ribuan", "10.000–12.000")
    number_end: int = 0
    unit: str | None = None  # the unit, currency or percent word that set the kind, if any


# --------------------------------------------------------------------------- regex helpers

def _norm(phrase: str) -> str:
    return " ".join(str(phrase).lower().split())


def _wordy(ch: str) -> bool:
    r"""``re.match(r"\w", ch)`` for one character (the same test _sre makes), without a regex call
    per trie node."""
    return ch.isalnum() or ch == "_"


_escaped: dict[str, str] = {}


def _esc(ch: str) -> str:
    """``re.escape`` of one character, memoised (a pack's tries escape each letter thousands of times)."""
    e = _escaped.get(ch)
    if e is None:
        e = _escaped[ch] = re.escape(ch)
    return e


def _emit(node: dict, last: str, space: str, bounded: bool) -> str:
    """A trie node as a regex: longer continuations first, a word boundary where a phrase ends.

    A run of nodes with one child and no phrase end is written in a loop (most of a trie's nodes:
    the letters inside a word), the same string as one call per node, at a fraction of the cost."""
    chain = []
    while len(node) == 1 and "" not in node:
        (ch, child), = node.items()
        chain.append(space if ch == " " else _esc(ch))
        node, last = child, ch
    end = r"\b" if bounded and _wordy(last) else ""
    alts = [(space if ch == " " else _esc(ch)) + _emit(node[ch], ch, space, bounded)
            for ch in sorted(k for k in node if k)]
    if not alts:
        body = end
    else:
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = "(?:" + body + "|" + end + ")"
    return "".join(chain) + body


def _phrase_set(phrases: Iterable[str]) -> list[str]:
    """The distinct phrases, normalised, in order (a trie's input: the same list, the same pattern)."""
    return sorted({_norm(p) for p in phrases if p is not None and not isinstance(p, bool) and _norm(p)})


def _trie_root(phrases: Iterable[str]) -> dict:
    root: dict = {}
    for p in _phrase_set(phrases):
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


_STORED_MIN = 40  # shorter phrase lists are built faster than an entry is read


@lru_cache(maxsize=1)
def _builder_version() -> str:
    """What a stored trie depends on besides its phrases: this module's code."""
    import hashlib
    from pathlib import Path

    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _stored(build):
    """``build(phrases, **options)``, with the pattern of a long phrase list kept in the on-disk
    cache (saksi.cache): at start-up, writing a pack's tries as patterns costs more than compiling
    them does once saksi.text.regexes keeps their compiled code. The key holds the phrases, the
    options and this module's code, so an entry is never stale."""
    @wraps(build)
    def built(phrases: Iterable[str], **options) -> str:
        norm = _phrase_set(phrases)
        if len(norm) < _STORED_MIN or _cache.cache_dir() is None:
            return build(norm, **options)
        k = _cache.key("trie", build.__name__, _builder_version(), repr(sorted(options.items())), "\n".join(norm))
        src = _cache.load("trie", k)
        if not isinstance(src, str):
            src = build(norm, **options)
            _cache.store("trie", k, src, keep=4000)
        return src
    return built


@_stored
def alternation(phrases: Iterable[str], *, space: str = r"\s{1,4}", bounded: bool = True) -> str:
    """A regex (no groups) matching any of the phrases, longest first, as whole words.

    Phrases are lower-cased (patterns run on ``lowered`` text, or are compiled with ``re.I``); a
    space in a phrase matches a short run of white space. The alternation is one trie, so matching
    costs one pass over the phrase's characters whatever the number of phrases, and the longest
    phrase wins. With ``bounded``, a phrase that starts (ends) with a word character must start
    (end) a word.
    """
    root = _trie_root(phrases)
    if not root:
        return r"(?!x)x"
    alts = []
    for ch in sorted(root):
        start = r"\b" if bounded and _wordy(ch) else ""
        alts.append(start + re.escape(ch) + _emit(root[ch], ch, space, bounded))
    return "(?:" + "|".join(alts) + ")"


@_stored
def scan_pattern(phrases: Iterable[str], *, digits: str | None = None, digit_guard: str = "",
                 space: str = r"[ \t\u00a0]{1,4}") -> str:
    """A fast scanning regex (no groups, for lower-case text) for whole-word phrases and digit runs.

    Every top-level alternative starts with a literal character, so the regex engine skips quickly
    over the characters that cannot start a match; word boundaries are checked after the first
    character (``(?<!\\w.)``). ``digits`` is the rest of a digit run after its first digit;
    ``digit_guard`` is the body of a character class that may not stand before that first digit.
    """
    root = _trie_root(phrases)

    alts = []
    if digits is not None:
        guard = "(?<![" + digit_guard + "].)" if digit_guard else ""  # a character-class body
        alts += [d + guard + digits for d in "0123456789"]
    for ch in sorted(root):
        if ch.isdigit() and digits is not None:
            continue
        alts.append(re.escape(ch) + (r"(?<!\w.)" if _wordy(ch) else "") + _emit(root[ch], ch, space, True))
    return "|".join(alts) if alts else r"(?!x)x"


def lowered(text: str) -> str:
    """``text`` in lower case with every character kept in place (offsets stay valid).

    Scanning regexes are compiled for lower-case text: matching without re.IGNORECASE is several
    times faster. The rare characters whose lower case is longer ("İ") are left as they are.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --------------------------------------------------------------------------- compiled language

@dataclass
class _Lang:
    code: str
    decimal: str
    seps: str
    lex: dict  # phrase -> (type, Decimal | None) for words inside a number
    tok: re.Pattern  # next token of a number expression, at a position
    anchor: re.Pattern
    pre: dict  # phrase -> set of roles, for the words before a number
    pre_tail: re.Pattern
    post: dict  # phrase -> set of roles, for the words after a number
    post_re: re.Pattern
    qualifiers: dict
    post_qualifiers: dict
    blockers: set
    frames: dict  # opener -> set of joiners
    framed_only: set
    abbrev: dict  # case-sensitive suffix -> Decimal
    abbrev_money_only: set
    units: set
    units_exact: set
    attached_units: dict  # lower-case unit -> unit as written in the data
    links: set
    teens_after_tens: bool
    space_groups: bool
    vague_too: dict  # multipliers that are also vague amounts ("millones")
    ordinal_prefixes: tuple
    ordinal_suffixes: set
    decade_suffixes: set
    approx_suffixes: set
    currency_tail: re.Pattern
    bare_mults: set  # multipliers that open a number alone as one times themselves ("mil", "mille")
    approx_mults: set  # multipliers that make the amount approximate ("une centaine", "un millar")
    count_quals: set  # qualifiers before which a year-shaped number is a count ("bis zu 2000")
    not_quals: re.Pattern  # phrases that end in a qualifier's words but are none ("handed over")
    compound: bool  # number words are written as one word ("dreihundertfünfzig")
    inner_ones: set  # one_words that are the value one inside a number ("vinte e um", "cent un")


def _strs(items) -> list[str]:
    return [str(x) for x in (items or []) if isinstance(x, (str, int, float)) and not isinstance(x, bool)]


@lru_cache(maxsize=None)
def _compiled(code: str) -> _Lang:
    d = _lang.load(code, "numbers") or {}
    dec = str(d.get("decimal_mark") or ".")
    seps = "".join(sorted(set(_strs(d.get("separators")) or [".", ","]) | {dec}))

    lex: dict[str, tuple[str, Decimal | None]] = {}

    def add(kind: str, mapping, *, value: bool = True):
        if isinstance(mapping, dict):
            for k, v in mapping.items():
                if isinstance(k, str) and _norm(k):
                    lex.setdefault(_norm(k), (kind, _dec(v) if value else None))
        else:
            for k in _strs(mapping):
                if _norm(k):
                    lex.setdefault(_norm(k), (kind, None))

    add("ignore", _strs(d.get("ignore")))
    add("value", d.get("words") or {})
    add("frac", d.get("fractions") or {})
    add("mult", d.get("multipliers") or {})
    add("teen", d.get("teens") or {})
    add("vague", d.get("vague") or {})
    add("vprefix", d.get("vague_prefixes") or {})
    add("ordinal", d.get("ordinal_words") or {})
    add("one", _strs(d.get("one_words")))
    add("conn", _strs(d.get("connectors")))
    add("link", _strs(d.get("vague_links")))

    sep_cls = "[" + re.escape(seps) + "]"
    num = r"\d++(?:" + sep_cls + r"\d++)*+"
    # the next token of a number expression (on lowered text)
    compound = bool(d.get("compound_words"))
    if compound:
        # a number word may be followed straight by another ("drei|hundert|fünfzig"): a lexeme ends at
        # a word boundary or where the next lexeme starts; the whole word must end at a boundary
        # (checked by the parser), so "Dreier" and "Elfmeter" hold no number
        joined = alternation(lex, bounded=False)
        # a lexeme that ends in a non-word character ("mrd.", "mio.") ends there whatever follows
        word_re = "(?:" + joined + r")(?:\b|(?<=\W)|(?=" + joined + "))"
    else:
        word_re = alternation(lex)
    tok = compiled(_GAP + r"(?:(?P<num>" + num + r")(?P<suf>[^\W\d_]*+)|(?P<word>" + word_re + "))")

    # words that are a multiplier after a number and a vague amount alone ("3 millones", "millones de")
    vague_too = {_norm(k): _dec(v) for k, v in (d.get("vague") or {}).items()
                 if isinstance(k, str) and lex.get(_norm(k), ("",))[0] == "mult"}
    anchor_words = [k for k, (t, _) in lex.items() if t in ("ignore", "value", "frac", "vague", "vprefix", "ordinal")]
    anchor_words += list(vague_too)
    mults = [k for k, (t, _) in lex.items() if t == "mult"]
    ones = [k for k, (t, _) in lex.items() if t == "one"]
    anchor_words += [o + " " + m for o in ones for m in mults]  # "a hundred", "a dozen"
    bare_mults = {_norm(k) for k in _strs(d.get("bare_multipliers")) if lex.get(_norm(k), ("",))[0] == "mult"}
    anchor_words += sorted(bare_mults)
    # digits or a word that may start a number; run on lowered(text)
    digits_re = r"\d*+(?:" + sep_cls + r"\d++)*+"
    if compound:  # a word anchors where it starts a word, whatever follows inside it
        anchor = compiled(r"(?<!\w)(?:\d" + digits_re + "|" + alternation(anchor_words + ones, bounded=False) + ")")
    else:
        anchor = compiled(scan_pattern(anchor_words, digits=digits_re))

    qualifiers = {_norm(k): str(v) for k, v in (d.get("qualifiers") or {}).items() if isinstance(k, str)}
    frames = {_norm(k): {_norm(j) for j in _strs(v)} for k, v in (d.get("range_frames") or {}).items()}
    pre: dict[str, set] = {}

    def role(table: dict, phrases, name: str):
        for p in phrases:
            if _norm(p):
                table.setdefault(_norm(p), set()).add(name)

    role(pre, qualifiers, "qual")
    role(pre, frames, "frame")
    role(pre, _strs(d.get("label_words")), "label")
    role(pre, _strs(d.get("time_before")), "time")
    role(pre, _strs(d.get("year_before")), "year")
    currency_before = _strs(d.get("currency_before"))
    role(pre, currency_before, "cur")
    # Matched on the reversed text before a number: one anchored attempt instead of a search.
    pre_tail = compiled(r"[ \t\u00a0]{0,3}(" + alternation([p[::-1] for p in pre]) + ")")
    # A currency sign written straight against the digits ("Rp5.000", "US$500").
    currency_tail = compiled(r"(?<![^\W\d_])(?:" + alternation(currency_before, bounded=False) + r")\Z")

    post_qualifiers = {_norm(k): str(v) for k, v in (d.get("post_qualifiers") or {}).items() if isinstance(k, str)}
    units = _strs(d.get("units"))
    post: dict[str, set] = {}
    role(post, post_qualifiers, "pq")
    role(post, _strs(d.get("percent")), "pct")
    role(post, _strs(d.get("currency_after")), "cur")
    role(post, units, "unit")
    role(post, _strs(d.get("time_after")), "time")
    role(post, _strs(d.get("range_connectors")), "range")
    for joiners in frames.values():
        role(post, joiners, "range")
    role(post, [s for s in _strs(d.get("decade_suffixes")) if not s[:1].isalnum()], "decade")
    post_re = compiled(_GAP + "-?(" + alternation(post) + ")")

    abbrev = {str(k): _dec(v) for k, v in (d.get("abbreviations") or {}).items() if isinstance(k, str)}
    return _Lang(
        code=code, decimal=dec, seps=seps, lex=lex, tok=tok, anchor=anchor, pre=pre, pre_tail=pre_tail,
        post=post, post_re=post_re, qualifiers=qualifiers, post_qualifiers=post_qualifiers,
        blockers={_norm(b) for b in _strs(d.get("post_qualifier_blockers"))}, frames=frames,
        framed_only={_norm(c) for c in _strs(d.get("range_connectors_framed_only"))},
        abbrev=abbrev, abbrev_money_only=set(_strs(d.get("abbreviations_money_only"))),
        units={_norm(u) for u in units}, units_exact=set(units), attached_units={u.lower(): u for u in units},
        links={_norm(x) for x in _strs(d.get("vague_links"))},
        teens_after_tens=bool(d.get("teens_after_tens")), vague_too=vague_too, space_groups=any(c in seps for c in " \u00a0\u202f"),
        ordinal_prefixes=tuple(_strs(d.get("ordinal_prefixes"))),
        ordinal_suffixes={s.lower() for s in _strs(d.get("ordinal_suffixes"))},
        decade_suffixes={s.lower() for s in _strs(d.get("decade_suffixes"))},
        approx_suffixes={s.lower() for s in _strs(d.get("approx_suffixes"))},
        currency_tail=currency_tail, bare_mults=bare_mults,
        approx_mults={_norm(k) for k in _strs(d.get("approx_multipliers"))},
        count_quals={_norm(k) for k in _strs(d.get("count_qualifiers"))}, compound=compound,
        inner_ones={_norm(k) for k in _strs(d.get("inner_one_words")) if lex.get(_norm(k), ("",))[0] == "one"},
        not_quals=compiled("(?:" + alternation(_strs(d.get("not_qualifiers"))) + r")[ \t\u00a0]*\Z"),
    )


def _dec(v) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
    except (InvalidOperation, ValueError, TypeError):
        return None


# --------------------------------------------------------------------------- digits

def _digits_value(raw: str, L: _Lang, fraction_hint: bool) -> Decimal | None:
    """The value of a digit run such as "10.000", "3,5", "1,500" or "1.234,5", or None if malformed."""
    if sum(c.isdigit() for c in raw) > _MAX_DIGITS:
        return None
    marks = [c for c in raw if not c.isdigit()]
    if not marks:
        return Decimal(raw)
    kinds = set(marks)
    if len(kinds) > 2:
        return None
    if len(kinds) == 2:
        last = marks[-1]
        if marks.count(last) != 1:
            return None
        whole, frac = raw.rsplit(last, 1)
        other = (kinds - {last}).pop()
        groups = whole.split(other)
        if not _grouped(groups):
            return None
        return Decimal("".join(groups) + "." + frac)
    mark = marks[0]
    parts = raw.split(mark)
    if len(parts) > 2:
        return Decimal("".join(parts)) if _grouped(parts) else None
    left, right = parts
    if len(right) != 3 or len(left) > 3 or left == "0" or (left.startswith("0") and len(left) > 1):
        return Decimal(left + "." + right)
    if mark != L.decimal:
        return Decimal(left + right)
    return Decimal(left + "." + right) if fraction_hint else Decimal(left + right)


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and not (groups[0].startswith("0") and len(groups) > 1) and all(
        len(g) == 3 for g in groups[1:])


# --------------------------------------------------------------------------- expression parser

@dataclass
class _Expr:
    start: int
    end: int
    value: Decimal | None = None
    low: Decimal | None = None
    vague: bool = False
    ordinal: bool = False
    ignore: bool = False
    words: bool = False
    mult: Decimal = Decimal(1)
    plain_int: bool = False  # digits only, no separators, no multiplier, no leading zero
    raw: str = ""
    unit: str | None = None  # a unit written against the digits ("152mm")
    pending_mult: Decimal | None = None  # "5M": a multiplier only if a currency sign comes first
    approx_suffix: bool = False  # "1000an"
    approx_word: bool = False  # "une centaine", "dos millares": a multiplier that makes it approximate
    decade: bool = False  # "1990s", "1990an"
    num_end: int | None = None  # end of the bare number when a unit or suffix is written against it


_SPACES = re.compile(r"[ \u00a0\u202f]")
_CLOCK = re.compile(r"0\d[.:][0-5]\d\Z")
_GROUP3 = re.compile(r"\d{3}(?:[^\d]\d+)?\Z")
_WORD_HYPHEN = re.compile(r"([^\W\d_]+)[-‐‑]\Z")  # "mid-" before a number
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")


def _magnitude(v: Decimal) -> Decimal:
    return Decimal(10) ** len(str(int(v))) if v >= 1 else Decimal(1)


def _fits(stack: list[Decimal], v: Decimal, teens_after_tens: bool = False) -> bool:
    """May the number word ``v`` follow what is on the stack ("dua puluh" + "satu": yes; "dua" + "tiga": no)?

    ``teens_after_tens`` (from the data) lets 10..19 follow an odd ten, as French counts ("soixante-dix").
    """
    if not stack:
        return True
    last = stack[-1]
    if last != last.to_integral_value():
        return False
    if v < 1:
        return 1 <= last < 10
    if last > v and last % _magnitude(v) == 0:
        return True
    return teens_after_tens and 10 <= v < 20 and last % 10 == 0 and last % 100 != 0


def _apply_mult(stack: list[Decimal], m: Decimal) -> bool:
    """Multiply the trailing values smaller than ``m`` ("dua ratus" → 200); False if it cannot apply."""
    i = len(stack)
    while i > 0 and stack[i - 1] < m:
        i -= 1
    if i == len(stack):
        return False
    popped = sum(stack[i:], Decimal(0))
    if popped == 0:
        return False
    new = popped * m
    if i > 0 and not (stack[i - 1] > new and stack[i - 1] % _magnitude(new) == 0):
        return False
    del stack[i:]
    stack.append(new)
    return True


def _lexeme(L: _Lang, m: re.Match | None) -> tuple[str, Decimal | None]:
    if m is None or not m.group("word"):
        return "", None
    return L.lex.get(_norm(m.group("word")), ("", None))


def _parse_expr(L: _Lang, text: str, pos: int, *, allow_words: bool = True, orig: str | None = None) -> _Expr | None:
    """Read one number expression starting at ``pos`` (after optional spaces).

    ``text`` is the lowered text the patterns run on, ``orig`` the text as written (for the case of
    abbreviations such as "5M").
    """
    m = L.tok.match(text, pos)
    if not m:
        return None
    if m.group("num"):
        return _parse_digits_expr(L, text, m, orig if orig is not None else text)
    if not allow_words:
        return None
    return _parse_words_expr(L, text, m)


def _parse_digits_expr(L: _Lang, text: str, m: re.Match, orig: str) -> _Expr | None:
    raw, suf = m.group("num"), orig[m.start("suf"):m.end("suf")]
    s, e = m.start("num"), m.end("num")
    if L.space_groups and _SPACES.search(raw):
        # a language that groups with spaces ("10 000"): keep only the groups that fit ("2024 10" → 2024)
        parts = _SPACES.split(raw)
        k = 1
        while k < len(parts) and len(parts[0]) <= 3 and _GROUP3.match(parts[k]):
            k += 1
            if not parts[k - 1].isdigit():
                break
        if k < len(parts):
            raw = raw[:sum(len(x) + 1 for x in parts[:k]) - 1]
            e, suf = s + len(raw), ""
    if e + len(suf) < len(text) and text[e + len(suf)].isdigit():
        return None  # "1e309", "9M729": an identifier
    clock = _CLOCK.match(raw) is not None  # "03.00" (pukul 03.00 WIB)
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit() and not clock:
        return None  # "0812", "007": codes and phone numbers
    ex = _Expr(start=s, end=e + len(suf), raw=raw)
    mult_after: Decimal | None = None
    if suf:
        sl = suf.lower()
        if suf in L.abbrev or sl in L.abbrev:
            mult_after = L.abbrev.get(suf, L.abbrev.get(sl))
            money_only = suf in L.abbrev_money_only if suf in L.abbrev else sl in L.abbrev_money_only
            if money_only:
                ex.pending_mult, mult_after = mult_after, None
                ex.unit = L.attached_units.get(sl, suf)
        elif sl in L.attached_units and (len(suf) > 1 or suf in L.units_exact):
            ex.unit = L.attached_units[sl]  # "152mm"; one letter must match its case ("5g", not "5G")
        elif sl in L.ordinal_suffixes:
            ex.ordinal = True
        elif sl in L.decade_suffixes or sl in L.approx_suffixes:
            ex.decade = sl in L.decade_suffixes
            ex.approx_suffix = sl in L.approx_suffixes
        else:
            return None  # "5G", "3D": a name, not an amount
    first = None if suf else L.tok.match(text, ex.end)
    hint = mult_after is not None or _lexeme(L, first)[0] == "mult" or (not suf and _percent_follows(L, text, ex.end))
    value = _digits_value(raw, L, hint)
    if value is None:
        return None
    ex.value = value
    ex.plain_int = raw.isdigit()
    if mult_after is not None:
        ex.value, ex.mult, ex.plain_int = value * mult_after, mult_after, False
        return ex
    if suf:
        ex.num_end = e
        return ex
    # multipliers after the digits: "9 juta", "2 ratus ribu", "2 juta 500 ribu"
    stack = [value]
    pos = ex.end
    top: Decimal | None = None
    while True:
        t, first = (first, None) if first is not None else (L.tok.match(text, pos), None)
        if not t:
            break
        k, v = _lexeme(L, t)
        if k == "mult" and v is not None:
            if not _apply_mult(stack, v):
                break
            top = v if top is None or v > top else top
            ex.approx_word = ex.approx_word or _norm(t.group("word")) in L.approx_mults
            pos = t.end()
            continue
        if top is not None and t.group("num") and not t.group("suf"):
            # digits between two multipliers: "2 juta 500 ribu"
            t2 = L.tok.match(text, t.end())
            k2, v2 = _lexeme(L, t2)
            d2 = _digits_value(t.group("num"), L, False)
            if k2 == "mult" and v2 is not None and v2 < top and d2 is not None and 0 < d2 < 1000:
                trial = stack + [d2]
                if _apply_mult(trial, v2) and trial[-1] < stack[-1]:
                    stack = trial
                    pos = t2.end()
                    continue
        break
    if top is not None:
        ex.value, ex.mult, ex.plain_int, ex.end = sum(stack, Decimal(0)), top, False, pos
    return ex


def _parse_words_expr(L: _Lang, text: str, m: re.Match) -> _Expr | None:
    kind, v = _lexeme(L, m)
    ex = _Expr(start=m.start("word"), end=m.end("word"), words=True)
    if kind == "ignore":
        ex.ignore = True
        return ex
    if kind == "ordinal":
        ex.ordinal, ex.value = True, v
        return ex
    if kind == "mult" and _norm(m.group("word")) in L.vague_too:
        kind, v = "vague", L.vague_too[_norm(m.group("word"))]
    if kind in ("vague", "vprefix"):
        return _parse_vague(L, text, ex, kind, v)
    stack: list[Decimal] = []
    top: Decimal | None = None
    if kind == "one":
        if _lexeme(L, L.tok.match(text, m.end()))[0] != "mult":
            return None
        stack.append(Decimal(1))
    elif kind in ("value", "frac") and v is not None:
        stack.append(v)
    elif kind == "mult" and v is not None and _norm(m.group("word")) in L.bare_mults:
        stack.append(v)  # "mil soldados", "mille drones": one thousand
        top = v
        ex.approx_word = ex.approx_word or _norm(m.group("word")) in L.approx_mults
    else:
        return None
    pos = ex.end
    joiners = 0  # connectors read since the last number word ("and a" in "two and a half")
    while True:
        t = L.tok.match(text, pos)
        if not t or not t.group("word"):
            break
        k, val = _lexeme(L, t)
        if k == "one" and _fits(stack, Decimal(1)):
            nk, nv = _lexeme(L, L.tok.match(text, t.end()))
            if (nk == "mult" and nv is not None and _apply_mult(stack + [Decimal(1)], nv)) or (
                    nk != "frac" and _norm(t.group("word")) in L.inner_ones):
                # one inside a number: before a multiplier ("Milliarden eine Million", "treinta y un mil"),
                # or, for the inner_one_words, anywhere it fits ("vinte e um", "cent un", "ciento un")
                k, val = "value", Decimal(1)
        if k in ("conn", "one") and joiners < 2:
            joiners += 1
            pos = t.end()
            continue
        if val is None:
            break
        if k in ("value", "frac") and _fits(stack, val, L.teens_after_tens):
            stack.append(val)
        elif k == "mult" and _apply_mult(stack, val):
            top = val if top is None or val > top else top
            ex.approx_word = ex.approx_word or _norm(t.group("word")) in L.approx_mults
        elif k == "mult" and _norm(t.group("word")) in L.bare_mults and _fits(stack, val):
            # a bare multiplier after a larger part opens a new group as one times itself
            # ("un millón mil quinientos", "mille cent", "un million cent mille")
            stack.append(val)
            top = val if top is None or val > top else top
            ex.approx_word = ex.approx_word or _norm(t.group("word")) in L.approx_mults
        elif k == "teen" and stack and 1 <= stack[-1] < 10 and (len(stack) == 1 or stack[-2] % 100 == 0):
            stack.append(stack.pop() + val)
        else:
            break
        joiners = 0
        pos = ex.end = t.end()
    if not stack or (top is None and all(0 < x < 1 for x in stack)):
        return None  # "setengah", "half" alone
    if L.compound and ex.end < len(text) and text[ex.end].isalnum():
        return None  # "dreihundertfünfzigste", "Dreier": the word goes on, so it is no amount
    ex.value = sum(stack, Decimal(0))
    if top is not None:
        ex.mult = top
    return ex


def _parse_vague(L: _Lang, text: str, ex: _Expr, kind: str, v: Decimal | None) -> _Expr | None:
    low = v if v is not None else Decimal(1)
    factor = None if kind == "vprefix" else low
    pos = ex.end
    while True:
        t = L.tok.match(text, pos)
        k, val = _lexeme(L, t)
        if k == "link":
            t = L.tok.match(text, t.end())
            k, val = _lexeme(L, t)
        if k in ("mult", "vague") and val is not None and val >= 10 and (factor is None or val > factor):
            low, factor = low * val, val
            pos = ex.end = t.end()
            continue
        break
    if factor is None:
        return None  # "beberapa" alone is no amount
    ex.vague, ex.low = True, low
    return ex


def _percent_follows(L: _Lang, text: str, pos: int) -> bool:
    p = L.post_re.match(text, pos)
    return bool(p and "pct" in L.post.get(_norm(p.group(1)), ()))


# --------------------------------------------------------------------------- around the number

@dataclass
class _Context:
    start: int
    qualifier: str | None = None
    cur: str | None = None
    label: bool = False
    time: bool = False
    year_cue: bool = False
    frame: str | None = None
    frame_start: int | None = None
    ordinal: bool = False
    designation: bool = False
    qual_phrase: str | None = None


def _before(L: _Lang, text: str, s: int, floor: int, ex: _Expr, orig: str) -> _Context:
    """What the words before the number say: qualifier, currency, label, time or year cue."""
    ctx = _Context(start=s)
    pos = s
    if s > floor and text[s - 1].isalpha():
        cm = L.currency_tail.search(text, max(floor, s - 6), s)
        if not cm:
            ctx.designation = True  # "A320", "MH17": names, not amounts
            return ctx
        ctx.cur, ctx.start = orig[cm.start():cm.end()], cm.start()  # "Rp5.000"
        pos = cm.start()
    elif s >= 2 and text[s - 1] in "-‐‑/" and text[s - 2].isdigit():
        ctx.designation = True  # the rest of a code ("0812-3456") or of a score ("3-2")
        return ctx
    elif s > floor + 1 and text[s - 1] in "-‐‑" and text[s - 2].isalpha():
        for p in L.ordinal_prefixes:
            a = s - len(p)
            if a >= floor and text[a:s].lower() == p.lower() and (a == 0 or not text[a - 1].isalnum()):
                ctx.ordinal = True  # "ke-3"
                return ctx
        w = _WORD_HYPHEN.search(orig[max(floor, s - 24):s])
        if w and w.group(1).islower() and _year_shaped(ex):
            ctx.year_cue = True  # "mid-2024", "pra-2022"
            return ctx
        ctx.designation = True  # "F-16", "Su-27", "KN-23", "COVID-19"
        return ctx
    for _ in range(4):
        lo = max(floor, pos - _LOOKBACK)
        m = L.pre_tail.match(text[lo:pos][::-1])
        if not m:
            break
        a, b = pos - m.end(1), pos - m.start(1)  # the phrase's span in the text
        phrase = _norm(text[a:b])
        roles = L.pre.get(phrase, set())
        if "cur" in roles and ctx.cur is None and ctx.qualifier is None:
            ctx.cur, ctx.start = orig[a:b], a
        elif "qual" in roles and L.not_quals.search(text, max(floor, a - 40), b):
            break  # "handed over 5,000": a verb's particle, no qualifier
        elif "qual" in roles:
            # the nearest qualifier that says more than "exact" wins ("sebanyak lebih dari 10.000")
            if ctx.qualifier in (None, "exact"):
                ctx.qualifier = L.qualifiers[phrase]
                ctx.qual_phrase = phrase
            ctx.start = a
            ctx.year_cue = ctx.year_cue or "year" in roles
            if "frame" in roles:
                ctx.frame, ctx.frame_start = phrase, a
        elif "frame" in roles and ctx.frame is None:
            ctx.frame, ctx.frame_start = phrase, a
            ctx.year_cue = ctx.year_cue or "year" in roles
            break
        else:
            ctx.label = "label" in roles and ctx.cur is None and ctx.qualifier is None
            ctx.time = "time" in roles and ctx.cur is None
            ctx.year_cue = ctx.year_cue or "year" in roles
            break
        pos = a
    return ctx


def _post(L: _Lang, text: str, pos: int) -> tuple[str, set, int, int] | None:
    """The phrase right after ``pos`` that may qualify the number: (phrase, roles, start, end)."""
    m = L.post_re.match(text, pos)
    if not m:
        return None
    phrase = _norm(m.group(1))
    return phrase, L.post.get(phrase, set()), m.start(1), m.end(1)


# --------------------------------------------------------------------------- main scanner

def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every amount in ``text`` with its qualifier and kind (see the module docstring)."""
    if not text:
        return []
    L = _compiled(lang)
    from saksi.extract import dates as _dates  # imported here: dates uses this module too

    spans = _dates.date_spans(text, lang)
    starts = [a for a, _ in spans]
    out: list[Quantity] = []
    floor = 0  # nothing before this offset belongs to the next quantity
    low = lowered(text)
    pos = 0
    while True:
        am = L.anchor.search(low, pos)
        if am is None:
            break
        is_num = am.group(0)[0].isdigit()
        s = am.start()
        pos = am.end() if is_num else s + 1  # by default, look for the next anchor after this one
        span = _date_at(spans, starts, s)
        if span:
            a, b = span
            if a >= floor:
                out.append(Quantity(a, b, text[a:b], None, kind="date", number_start=a, number_end=b))
            floor = pos = max(floor, b, pos)
            continue
        tm = _TIME.match(low, s) if is_num and (s == 0 or low[s - 1] not in "0123456789:.") else None
        if tm:
            q = _time_quantity(L, low, tm, text)
        else:
            q = _read_quantity(L, low, s, floor, spans, starts, text)
        if q is None:
            if is_num:
                floor = max(floor, am.end())
            continue
        if isinstance(q, int):  # an ignored phrase ("salah satu"): skip its words
            floor = pos = max(q, pos)
            continue
        out.append(q)
        floor = q.end
        pos = max(q.end, s + 1)  # may be before the anchor's end ("2024 10": the "10" is read next)
    return out


_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


def _date_at(spans, starts, pos: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _time_quantity(L: _Lang, text: str, am: re.Match, orig: str) -> Quantity:
    s, e = am.start(), am.end()
    unit = None
    p = _post(L, text, e)
    if p and "time" in p[1]:
        unit, e = orig[p[2]:p[3]], p[3]
    return Quantity(s, e, orig[s:e], None, kind="time", number_start=am.start(), number_end=am.end(), unit=unit)


def _read_quantity(L: _Lang, text: str, s: int, floor: int, spans, starts, orig: str):
    """The quantity whose number starts at ``s`` (``text`` lowered, ``orig`` as written)."""
    ex = _parse_expr(L, text, s, orig=orig)
    if ex is None:
        return None
    if ex.ignore:
        return ex.end
    ctx = _before(L, text, ex.start, floor, ex, orig)
    if ctx.designation:
        return None
    qualifier = ctx.qualifier
    kind: str | None = None
    unit, cur = ex.unit, ctx.cur
    value, low, high = ex.value, None, None
    if ex.pending_mult is not None and cur and value is not None:
        value, unit, ex.plain_int = value * ex.pending_mult, None, False  # "$5m", "Rp2,5T"
    end = ex.end
    num_end = ex.num_end if ex.num_end is not None else ex.end
    start = min(ctx.start, ex.start)

    if ex.vague:
        value, low, qualifier = None, ex.low, "vague"
    elif not (ex.ordinal or ctx.ordinal or ex.unit or ex.decade or ex.approx_suffix):
        p = _post(L, text, end)
        if p and "range" in p[1]:
            q = p[3]
            while q < len(text) and q < p[3] + 6 and text[q] in " \t\u00a0":
                q += 1
            if _date_at(spans, starts, q):
                kind = "date"  # "10-12 Juni 2024": the first day of a range of dates
            else:
                r = _range(L, text, ex, ctx, p, cur, orig)
                if r is not None:
                    low, high, b = r
                    value, qualifier = None, "range"
                    num_end = end = b.end
                    unit = unit or b.unit
                    if ctx.frame_start is not None and p[0] in L.frames.get(ctx.frame or "", ()):
                        start = min(start, ctx.frame_start)
                    if _year_shaped(ex) and _year_shaped(b):
                        kind = "year"

    # what follows: "lebih", "%", "persen", "rupiah", "mm", "WIB", "-an"
    seen_pq = False
    for _ in range(3):
        p = _post(L, text, end)
        if not p and L.links and (ex.vague or ex.mult > 1):
            # "tens of millions of dollars": a currency after a link word
            lk = L.tok.match(text, end)
            if _lexeme(L, lk)[0] == "link":
                p = _post(L, text, lk.end())
                if p and "cur" not in p[1]:
                    p = None
        if not p:
            break
        phrase, roles, p_start, p_end = p
        if "pq" in roles and not seen_pq and value is not None:
            nxt = _NEXT_WORD.match(text[p_end:p_end + 40])
            if nxt and _norm(nxt.group(1)) in L.blockers:
                break
            if phrase in L.decade_suffixes and (_year_shaped(ex) or _decade_shaped(ex, ctx)):
                kind = "year"
            elif qualifier in (None, "exact"):
                qualifier = L.post_qualifiers[phrase]
            seen_pq, end = True, p_end
            continue
        if "decade" in roles and (_year_shaped(ex) or _decade_shaped(ex, ctx)):
            kind, end = "year", p_end
        elif "pct" in roles:
            kind, unit, end = "percent", orig[p_start:p_end], p_end
        elif "cur" in roles:
            cur, end = cur or orig[p_start:p_end], p_end
        elif "time" in roles and not ex.vague:
            kind, unit, end = "time", orig[p_start:p_end], p_end
        elif "unit" in roles and not unit and not ex.vague and not (ex.ordinal or ctx.ordinal):
            unit, end = orig[p_start:p_end], p_end
        break

    if kind is None and _CLOCK.match(ex.raw) and not ex.words:
        kind = "time"  # "03.00": a clock time even without "pukul"
    if kind is None and end < len(text) - 1 and text[end] == "/" and text[end + 1].isdigit():
        kind = "measure"  # a ratio or fraction: "24/7", "1/3"
    if ex.ordinal or ctx.ordinal or ctx.label:
        kind = "ordinal"
    elif ctx.time and not ex.vague:
        kind = "time"
    elif cur:
        kind, unit = "money", cur
    elif kind is None and unit:
        kind = "measure"
    elif kind is None and _year_shaped(ex) and qualifier != "range" and (
            ctx.year_cue or ctx.qualifier not in _COUNT_QUALIFIERS) and ctx.qual_phrase not in L.count_quals:
        kind = "year"
    if ex.decade and (_year_shaped(ex) or _decade_shaped(ex, ctx)):
        kind = "year"
    elif (ex.approx_suffix or ex.approx_word) and qualifier in (None, "exact"):
        qualifier = "approx"
    if kind == "time":
        value = low = high = None  # a clock time is no amount (as for "10:45")
        qualifier = qualifier if qualifier in ("approx", "up_to") else "exact"
    return Quantity(
        start=start, end=end, text=orig[start:end],
        value=_float(value), value_low=_float(low), value_high=_float(high),
        qualifier=qualifier or "exact", kind=kind or "count",
        number_start=ex.start, number_end=num_end, unit=unit,
    )


def _range(L: _Lang, text: str, a: _Expr, ctx: _Context, p, cur, orig: str):
    """The other end of a range after connector ``p``: (low, high, expr) or None."""
    phrase = p[0]
    framed = ctx.frame is not None and phrase in L.frames.get(ctx.frame, ())
    if not framed and (phrase in L.framed_only or (ctx.frame is not None and phrase not in ("-", "–", "—"))):
        return None
    b = _parse_expr(L, text, p[3], allow_words=a.words, orig=orig)
    if b is None or b.value is None or b.vague or b.ordinal or b.ignore or b.decade:
        return None
    if b.start > 0 and text[b.start - 1].isalpha() and not b.words:
        return None  # "10-F16"
    lo, hi = a.value, b.value
    if b.pending_mult is not None and cur:
        hi = hi * b.pending_mult
        if a.pending_mult is not None and lo is not None:
            lo = lo * a.pending_mult
        elif lo is not None and lo * b.pending_mult <= hi:
            lo = lo * b.pending_mult
    elif a.mult == 1 and b.mult > 1 and lo is not None and lo * b.mult <= hi:
        lo = lo * b.mult  # "10 hingga 12 ribu", "3-5 juta", "two to three million"
    if lo is None or not lo < hi:
        return None
    if _year_shaped(a) != _year_shaped(b) and (_year_shaped(a) or _year_shaped(b)) and not (a.words or b.words):
        return None  # "2024 - 10 orang" is no range
    return lo, hi, b


def _year_shaped(ex: _Expr) -> bool:
    return ex.plain_int and len(ex.raw) == 4 and ex.value is not None and _YEAR_MIN <= ex.value <= _YEAR_MAX


def _decade_shaped(ex: _Expr, ctx: _Context) -> bool:
    """ "tahun 80-an", "era 90an": two digits are a decade only after a year word."""
    return ctx.year_cue and ex.plain_int and len(ex.raw) == 2 and ex.value is not None and ex.value % 10 == 0


def _float(v: Decimal | None) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (OverflowError, InvalidOperation, ValueError):
        return None
    return f if f == f and f not in (float("inf"), float("-inf")) else None


# --------------------------------------------------------------------------- helpers for others

def parse_number(text: str, lang: str) -> float | None:
    """The value of a string that is only a number ("dua puluh", "3,5 juta", "twelve"), else None."""
    t = (text or "").strip()
    if not t or len(t) > 200:
        return None
    qs = find_quantities(t, lang)
    if len(qs) == 1 and qs[0].start == 0 and qs[0].end == len(t) and qs[0].value is not None:
        return qs[0].value
    return None


def spell(n: int, lang: str) -> str:
    """``n`` written in words, from the language's numbers.yaml (``spell`` section).

    Besides ``atoms``, ``teen``, ``tens``, ``hundred`` and ``scales`` (see the en pack), optional keys
    shape languages whose hundreds are irregular or whose parts are written together: ``hundreds``
    (the word for each hundred, "duzentos", "quinientos"), ``hundred_exact`` (exactly one hundred
    alone, "cem", "cien"), ``hundred_rest_joiner`` (between the hundreds and the rest, " e ", ""),
    ``count_atoms`` (atoms as written right before a scale word: "veintiún mil", "hunderteintausend"),
    ``scale_count_joiners`` / ``scale_rest_joiners`` (per scale value: between the count and the scale
    word, and between the scale and what follows: German "dreitausendzweihundert") and
    ``last_joiner`` (before a last part below one hundred or a round hundred: "mil e quinhentos").
    """
    n = int(n)
    if n < 0:
        raise ValueError("spell() takes a non-negative integer")
    S = (_lang.load(lang, "numbers") or {}).get("spell")
    if not S:
        raise ValueError(f"no spelling rules for language {lang!r}")
    atoms = {int(k): str(v) for k, v in S["atoms"].items()}
    if n == 0:
        return atoms[0]
    scales = [(int(v), str(w), (str(one) if one else None)) for v, w, one in S.get("scales") or []]
    joiner = str(S.get("scale_joiner", " "))
    hundreds = {int(k): str(v) for k, v in (S.get("hundreds") or {}).items()}
    hundred_rest = str(S.get("hundred_rest_joiner", " "))
    count_atoms = {**atoms, **{int(k): str(v) for k, v in (S.get("count_atoms") or {}).items()}}
    count_joiners = {int(k): str(v) for k, v in (S.get("scale_count_joiners") or {}).items()}
    rest_joiners = {int(k): str(v) for k, v in (S.get("scale_rest_joiners") or {}).items()}
    last_joiner = S.get("last_joiner")

    def below100(r: int, at: dict) -> str:
        if r in at:
            return at[r]
        if r < 20 and S.get("teen") and (r - 10) in at:
            return str(S["teen"]).format(unit=at[r - 10])
        t, u = divmod(r, 10)
        tens = at.get(t * 10) or str(S["tens"]).format(unit=at[t])
        return tens + (str(S.get("tens_joiner", " ")) + at[u] if u else "")

    def below1000(r: int, at: dict) -> str:
        h, rest = divmod(r, 100)
        if h == 1 and not rest and S.get("hundred_exact"):
            return str(S["hundred_exact"])
        if not h:
            return below100(rest, at)
        if h in hundreds:
            head = hundreds[h]
        elif h == 1:
            head = str(S["hundred_one"])
        else:
            head = atoms[h] + str(S.get("hundred_joiner", " ")) + str(S["hundred"])
        return head + (hundred_rest + below100(rest, at) if rest else "")

    def go(m: int) -> str:
        parts: list[tuple[int, str, str]] = []  # (count, words, joiner after them)
        for value, word, one in scales:
            if m >= value:
                c, m = divmod(m, value)
                if c == 1 and one:
                    part = one
                else:
                    part = (below1000(c, count_atoms) if c < 1000 else go(c)) + count_joiners.get(value, " ") + word
                parts.append((c, part, rest_joiners.get(value, joiner)))
        if m:
            parts.append((m, below1000(m, atoms), ""))
        out = parts[0][1]
        for i in range(1, len(parts)):
            glue = parts[i - 1][2]
            c = parts[i][0]
            if i == len(parts) - 1 and last_joiner is not None and (c < 100 or c % 100 == 0):
                glue = str(last_joiner)  # "mil e quinhentos", "um milhão e quinhentos mil"
            out += glue + parts[i][1]
        return out

    return go(n)
