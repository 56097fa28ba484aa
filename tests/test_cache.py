"""The on-disk cache of parsed packs and the indexed knowledge base (saksi.cache): the same data as
without it, and never stale when a file changes."""
from __future__ import annotations

import pickle

import pytest

from saksi import cache
from saksi import lang as langdata
from saksi.entities import kb as kbmod


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SAKSI_CACHE_DIR", str(d))
    return d


def _kb_state(kb):
    return (
        {i: (e.name, e.type, e.aliases, e.generated, e.adj, e.lookup_only, len(e.roles)) for i, e in kb.entities.items()},
        {k: [(a.text, a.target, a.kind, a.scan, a.priority, sorted(a.langs), a.checks) for a in v] for k, v in kb._index.items()},
        {k: [(h.entity, h.role.office, h.role.of, h.role.since, h.role.until) for h in v] for k, v in kb._roles.items()},
        kb._first, kb._prefixes, kb._scan_exclude, kb.places(), kb.conflicts,
    )


def test_off_means_no_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SAKSI_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    cache.store("x", "k", {"a": 1})
    assert cache.load("x", "k") is cache.MISS


def test_store_and_load(cache_dir):
    k = cache.key("a", b"b")
    assert k != cache.key("ab") and k == cache.key("a", b"b")
    assert cache.load("x", k) is cache.MISS
    cache.store("x", k, {"a": [1, 2]})
    assert cache.load("x", k) == {"a": [1, 2]}


def test_a_corrupt_entry_is_a_miss(cache_dir):
    k = cache.key("corrupt")
    cache.store("x", k, [1])
    (cache_dir / "x" / f"{k}.pickle").write_bytes(b"\x80\x05not a pickle")
    assert cache.load("x", k) is cache.MISS


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    f = tmp_path / "a-file"
    f.write_text("x")
    monkeypatch.setenv("SAKSI_CACHE_DIR", str(f / "below"))  # a folder under a file: cannot exist
    cache.store("x", "k", [1])
    assert cache.load("x", "k") is cache.MISS


def test_the_cached_kb_is_the_built_one(cache_dir):
    built = kbmod.KB._build((), None)
    first = kbmod.KB._cached((), None)  # builds and stores
    assert list((cache_dir / "kb").glob("*.pickle"))
    again = kbmod.KB._cached((), None)  # reads the pickle
    assert again is not first
    assert _kb_state(again) == _kb_state(built) == _kb_state(first)
    assert again.lookup("Korut").name == "North Korea"
    assert [m.canonical for m in again.find_mentions("Pyongyang dan Moskow", langs=("id",))] == \
        [m.canonical for m in built.find_mentions("Pyongyang dan Moskow", langs=("id",))]


def test_a_changed_extra_file_is_indexed_anew(cache_dir, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("entities:\n  - {name: Zorblat Quux, type: PERSON}\n", encoding="utf-8")
    assert kbmod.KB.load(extra=[extra]).lookup("Zorblat Quux").type == "PERSON"
    extra.write_text("entities:\n  - {name: Zorblat Quux, type: ORG}\n", encoding="utf-8")
    assert kbmod.KB.load(extra=[extra]).lookup("Zorblat Quux").type == "ORG"
    assert len(list((cache_dir / "kb").glob("*.pickle"))) == 2


def test_a_changed_shipped_file_changes_the_key(cache_dir, tmp_path, monkeypatch):
    root = tmp_path / "kb"
    root.mkdir()
    real = kbmod._data_root()
    for p in real.iterdir():
        (root / p.name).write_bytes(p.read_bytes())
    monkeypatch.setattr(kbmod, "_data_root", lambda: root)
    before = kbmod._cache_key((), None)
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n  - {name: Zorblat Quux, type: PERSON}\n",
                      encoding="utf-8")
    assert kbmod._cache_key((), None) != before
    assert kbmod.KB._cached((), None).lookup("Zorblat Quux") is not None


def test_a_bad_extra_file_is_not_cached(cache_dir, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - {name: Nobody}\n", encoding="utf-8")  # no type
    with pytest.raises(ValueError):
        kbmod.KB.load(extra=[bad])
    assert not list(cache_dir.glob("kb/*.pickle"))


def test_a_pack_file_is_parsed_once_and_reread_when_it_changes(cache_dir, tmp_path, monkeypatch):
    root = tmp_path / "lang"
    (root / "xx").mkdir(parents=True)
    f = root / "xx" / "sentences.yaml"
    f.write_text("abbreviations: [dr, prof]\n", encoding="utf-8")
    monkeypatch.setattr(langdata, "_lang_root", lambda: root)
    langdata.load.cache_clear()
    try:
        assert langdata.load("xx", "sentences") == {"abbreviations": ["dr", "prof"]}
        entries = list((cache_dir / "lang").glob("*.pickle"))
        assert len(entries) == 1 and pickle.loads(entries[0].read_bytes()) == {"abbreviations": ["dr", "prof"]}
        f.write_text("abbreviations: [dr, prof, no]\n", encoding="utf-8")  # "no" is a word, not False
        langdata.load.cache_clear()
        assert langdata.load("xx", "sentences") == {"abbreviations": ["dr", "prof", "no"]}
        f.write_text("abbreviationz: [dr]\n", encoding="utf-8")  # still checked when read from the cache
        langdata.load.cache_clear()
        with pytest.raises(langdata.LanguageDataError):
            langdata.load("xx", "sentences")
    finally:
        langdata.load.cache_clear()


def test_compiled_templates_are_kept_and_a_corrupt_or_unwritable_one_is_no_error(cache_dir, monkeypatch):
    import jinja2.bccache

    from saksi.report import dossier

    def compiles() -> bool:
        dossier.environment.cache_clear()
        return dossier.environment().get_template("dossier/report.html.j2") is not None

    try:
        assert compiles()
        stored = list((cache_dir / "jinja").iterdir())
        assert stored, "the compiled template is kept"
        for f in stored:  # cut short after its header: the code no longer loads; compiled anew
            f.write_bytes(f.read_bytes()[:len(f.read_bytes()) // 2])
        assert compiles()
        for f in (cache_dir / "jinja").iterdir():
            f.unlink()

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", full_disk)
        assert compiles()  # compiled, nothing kept, no error
        assert not list((cache_dir / "jinja").iterdir())
    finally:
        dossier.environment.cache_clear()
