"""Patterns built from data (saksi.text.regexes): compiled once per process, their compiled code kept
on disk, and a pattern read back from disk matches exactly as re.compile's does. A corrupt or
foreign entry, a cache that is off, or a Python without the private compiler steps is a slower
path to the same Pattern, never an error."""
from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saksi import cache
from saksi.clean.cues import load_cues
from saksi.extract import dates, numbers
from saksi.extract.cues import cues
from saksi.text import regexes


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SAKSI_CACHE_DIR", str(d))
    monkeypatch.setattr(regexes, "_memo", {})
    return d


def _pack_patterns() -> list[tuple[str, int, list[str]]]:
    """(pattern, flags, words to build texts from) of a few real pack patterns: a cue trie with
    re.I, the numbers tokenizer, a date pattern with named groups and back-references, a cleaning
    cue anchored on lines."""
    en, pt = cues("en"), cues("pt")
    picked = [
        (en.verbs.re, list(en.verbs.map)),
        (pt.objects.re, list(pt.objects.map)),
        (numbers._compiled("de").tok, list(numbers._compiled("de").lex)),
        (dates._compiled("fr").pats["dmy"], list(dates._compiled("fr").months)),
        (dates._compiled("en").pats["num"], []),
        (dates._compiled("es").pats["mrange"], list(dates._compiled("es").months) + ["y", "de", "a"]),
        (load_cues(("en", "id")).author_label, ["penulis", "reporter", "by"]),
    ]
    return [(rx.pattern, rx.flags & ~re.UNICODE, words) for rx, words in picked]


PATTERNS = _pack_patterns()


def _texts(words: list[str]):
    pieces = st.sampled_from(words + [" ", "  ", "-", ".", ",", ":", "/", "\n", "12", "2025", "3"]) if words else st.nothing()
    return st.lists(st.one_of(pieces, st.text(max_size=6)), max_size=12).map("".join)


def _matches(rx: re.Pattern, text: str):
    return ([(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text)], rx.match(text) and rx.match(text).span(),
            rx.fullmatch(text) is not None, rx.sub("#", text))


def _from_disk(pattern: str, flags: int) -> re.Pattern:
    """The pattern compiled, stored, then read back as a new process would (no memo)."""
    regexes.compiled(pattern, flags)
    regexes._memo.clear()
    return regexes.compiled(pattern, flags)


@pytest.mark.parametrize("i", range(len(PATTERNS)))
def test_a_stored_pattern_matches_as_re_compile(i, tmp_path_factory, monkeypatch):
    pattern, flags, words = PATTERNS[i]
    monkeypatch.setenv("SAKSI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setattr(regexes, "_memo", {})
    monkeypatch.setattr(regexes, "PERSIST_MIN", 0)  # short ones too (a back-reference: "num")
    loaded = _from_disk(pattern, flags)
    assert regexes.cache.load(regexes.KIND, regexes.entry_key(pattern, flags)) is not cache.MISS
    plain = re.compile(pattern, flags)
    assert (loaded.pattern, loaded.flags, loaded.groups, loaded.groupindex) == (plain.pattern, plain.flags, plain.groups, plain.groupindex)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_texts(words))
    def same(text):
        assert _matches(loaded, text) == _matches(plain, text)
        low = numbers.lowered(text)
        assert _matches(loaded, low) == _matches(plain, low)

    same()


def test_a_new_process_reads_the_code_instead_of_compiling(cache_dir, monkeypatch):
    pattern, flags, _ = PATTERNS[0]
    regexes.compiled(pattern, flags)
    regexes._memo.clear()

    def no_compiling(*a):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regexes, "_compile_with_entry", no_compiling)
    assert regexes.compiled(pattern, flags).pattern == pattern


def test_once_per_process_and_outside_re_cache(cache_dir):
    pattern = "(?:" + "|".join(f"word{i}" for i in range(60)) + ")"
    re.purge()
    rx = regexes.compiled(pattern, re.I)
    assert regexes.compiled(pattern, re.I) is rx and regexes.compiled(pattern, int(re.I)) is rx
    assert regexes.compiled(pattern) is not rx  # flags are part of the key
    assert (str, pattern, int(re.I)) not in getattr(re, "_cache", {})  # leaves re's 512 slots to the rest


def _entry_path(cache_dir, pattern, flags):
    return cache_dir / regexes.KIND / f"{regexes.entry_key(pattern, flags)}.pickle"


def _rewrite(path, change):
    entry = list(pickle.loads(path.read_bytes()))
    change(entry)
    path.write_bytes(pickle.dumps(tuple(entry)))


def _flip_code(entry):
    raw = bytearray(entry[3])
    raw[-4:] = (999).to_bytes(4, "little")  # no SRE opcode
    entry[3] = bytes(raw)


def _valid_digest_bad_code(entry):
    _flip_code(entry)
    entry[7] = regexes._digest(entry[0], entry[1], entry[3])  # passes the digest: _sre must refuse it


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(b"\x80\x05not a pickle"),
    lambda p: p.write_bytes(p.read_bytes()[:40]),  # truncated
    lambda p: p.write_bytes(pickle.dumps({"some": "other layout"})),
    lambda p: _rewrite(p, lambda e: e.__setitem__(0, "(?:another)")),  # another pattern's entry
    lambda p: _rewrite(p, _flip_code),  # code changed: the digest fails
    lambda p: _rewrite(p, _valid_digest_bad_code),
])
def test_a_corrupt_or_foreign_entry_is_a_miss(cache_dir, damage):
    pattern, flags, _ = PATTERNS[2]
    regexes.compiled(pattern, flags)
    path = _entry_path(cache_dir, pattern, flags)
    damage(path)
    regexes._memo.clear()
    rx = regexes.compiled(pattern, flags)
    plain = re.compile(pattern, flags)
    assert rx.pattern == pattern and _matches(rx, "drei hundert 12.000 zwölf") == _matches(plain, "drei hundert 12.000 zwölf")
    regexes._memo.clear()
    assert regexes._from_entry(cache.load(regexes.KIND, regexes.entry_key(pattern, flags)), pattern, flags) is not None  # rewritten


def test_another_python_is_another_key(cache_dir, monkeypatch):
    pattern, flags, _ = PATTERNS[1]
    k = regexes.entry_key(pattern, flags)
    monkeypatch.setattr(regexes, "_VERSION", regexes._VERSION + " other")
    assert regexes.entry_key(pattern, flags) != k


def test_cache_off_compiles_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SAKSI_CACHE_DIR", "off")
    monkeypatch.setattr(regexes, "_memo", {})
    pattern, flags, _ = PATTERNS[3]
    rx = regexes.compiled(pattern, flags)
    assert _matches(rx, "le 2 juin 2025") == _matches(re.compile(pattern, flags), "le 2 juin 2025")
    assert list(tmp_path.iterdir()) == []


def test_without_the_private_steps_it_is_re_compile(cache_dir, monkeypatch):
    class Gone:
        pass

    monkeypatch.setattr(regexes, "_parser", Gone())
    monkeypatch.setattr(regexes, "_compiler", Gone())
    pattern, flags, _ = PATTERNS[0]
    rx = regexes.compiled(pattern, flags)
    assert rx == re.compile(pattern, flags)


def test_a_bad_pattern_raises_as_re_does(cache_dir):
    with pytest.raises(re.error):
        regexes.compiled("(?:" + "x" * regexes.PERSIST_MIN + "(")
    with pytest.raises(re.error):
        regexes.compiled("(")


def test_a_stored_trie_is_the_built_one(cache_dir):
    phrases = [f"kata {i}" for i in range(numbers._STORED_MIN)] + ["Kata  Besar", None, True, ""]
    built = numbers.alternation.__wrapped__(phrases, bounded=False)
    assert numbers.alternation(phrases, bounded=False) == built  # built and stored
    assert numbers.alternation(phrases, bounded=False) == built  # read back
    assert numbers.alternation(phrases) != built  # options are part of the key
    for entry in (cache_dir / "trie").iterdir():
        entry.write_bytes(pickle.dumps(["not a pattern"]))
    assert numbers.alternation(phrases, bounded=False) == built
    scan = numbers.scan_pattern.__wrapped__(phrases, digits=r"\d*")
    assert numbers.scan_pattern(phrases, digits=r"\d*") == scan == numbers.scan_pattern(phrases, digits=r"\d*")
