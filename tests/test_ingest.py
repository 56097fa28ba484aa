"""Bad input: each kind is skipped with one clear line naming the file, and the run goes on."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from saksi.ingest.readers import InputError, decode, discover, read_file
from saksi.text.normalize import normalize

GOOD = "Pemerintah mengumumkan anggaran baru untuk perbaikan jalan di seluruh kabupaten pada pekan ini.\n"


def _read(path: Path, **kw):
    return list(read_file(path, **kw))


def test_text_file_in_latin1_is_decoded(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Café de la Paix: réunion à Genève sur les sanctions économiques décidées hier.".encode("latin-1"))
    [doc] = _read(p)
    assert "Genève" in doc.text and doc.name == "a"


def test_bad_files_give_one_line_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"   \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "huge.txt").write_bytes(b"a" * 2000)
    reasons = {}
    for name in ("empty.txt", "blank.txt", "binary.txt"):
        [err] = _read(tmp_path / name)
        assert isinstance(err, InputError) and name in err.path
        reasons[name] = err.reason
    assert reasons["empty.txt"] == "empty file" and reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    [err] = _read(tmp_path / "huge.txt", max_bytes=1000)
    assert "too large" in err.reason
    for r in reasons.values():
        assert "\n" not in r


def test_jsonl_lines_each_stand_alone(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "ok1", "text": GOOD, "outlet": "Contoh", "published": "2025-03-01T10:00:00"}),
        "{not json",
        json.dumps({"text": GOOD}),
        json.dumps({"id": "x", "text": ""}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "html": "<html><body><article><p>" + GOOD * 3 + "</p></article></body></html>"}),
    ]), encoding="utf-8")
    items = _read(p)
    docs = [i for i in items if not isinstance(i, InputError)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [d.name for d in docs] == ["ok1", "ok2"]
    assert docs[0].published == "2025-03-01" and docs[0].outlet == "Contoh"
    assert [e.path.rsplit(":", 1)[1] for e in errs] == ["2", "3", "4", "5"]
    assert "invalid JSON" in errs[0].reason and "id" in errs[1].reason


def test_broken_html_is_skipped_or_read(tmp_path):
    (tmp_path / "junk.html").write_text("<html><head><title>x</title></head><body><div></div></body></html>")
    [err] = _read(tmp_path / "junk.html")
    assert isinstance(err, InputError) and "junk.html" in err.path


def test_discover_files_folders_globs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(GOOD)
    (tmp_path / "a" / "two.html").write_text("<p>x</p>")
    (tmp_path / "a" / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.jsonl").write_text("")
    files, errors = discover([str(tmp_path / "a"), str(tmp_path / "*.jsonl"), str(tmp_path / "nope.txt"),
                              str(tmp_path / "a" / "skip.pdf"), str(tmp_path / "none*.txt")])
    assert [f.name for f in files] == ["one.txt", "two.html", "b.jsonl"]
    assert len(errors) == 3


@given(st.binary(max_size=400))
def test_decode_never_raises_anything_but_valueerror(data):
    try:
        text = decode(data)
    except ValueError:
        return
    assert isinstance(text, str)


@given(st.text(max_size=300))
def test_normalised_spans_map_back_to_the_original(raw):
    norm = normalize(raw)
    for start in range(0, len(norm.text), 7):
        end = min(len(norm.text), start + 5)
        s, e = norm.to_original(start, end)
        assert 0 <= s <= e <= len(raw)
    assert norm.to_original(0, len(norm.text))[1] <= len(raw)


def test_normalisation_cases():
    raw = "Jakarta\u00a0–\u200b  10\u00a0000 tentara\r\nbaris ﬁ"
    norm = normalize(raw)
    assert "\u00a0" not in norm.text and "\u200b" not in norm.text and "\r" not in norm.text and "fi" in norm.text
    i = norm.text.index("10 000")
    s, e = norm.to_original(i, i + 6)
    assert raw[s:e] == "10\u00a0000"


@given(st.text(alphabet="ab \n\u00a0\u200b\ufb01\u2028\r–é\u0301", max_size=40))
def test_each_normalised_character_points_at_its_source(raw):
    norm = normalize(raw)
    for i, ch in enumerate(norm.text):
        s, e = norm.to_original(i, i + 1)
        assert e - s == 1
        assert raw[s] == ch or raw[s] in "\u00a0\u2028\ufb01" or ch != ch.strip() or not ch.isascii()


# ---------------------------------------------------------------- garbage in, good text out (issue 10)
def test_random_bytes_are_not_read_as_text():
    import random

    rng = random.Random(0)
    accepted = []
    for _ in range(300):
        data = rng.randbytes(rng.randint(1, 4000))
        try:
            accepted.append(decode(data))
        except ValueError as e:
            assert "\n" not in str(e)
    assert accepted == []


def test_bom_only_files_are_empty(tmp_path):
    for i, data in enumerate([b"\xef\xbb\xbf", b"\xef\xbb\xbf" * 3, b"\xff\xfe", b"\xff\xfe" * 3, b"\xfe\xff" * 2,
                              b"\xef\xbb\xbf \n\xef\xbb\xbf"]):
        p = tmp_path / f"bom{i}.txt"
        p.write_bytes(data)
        [err] = _read(p)
        assert isinstance(err, InputError) and err.reason == "empty file (only a byte-order mark)", (data, err)


def test_utf16_without_a_bom_is_read(tmp_path):
    texts = [GOOD * 3, "Москва заявила, что отправила 500 военных на границу в понедельник.\n" * 2,
             "Η κυβέρνηση ανακοίνωσε ότι 500 στρατιώτες στάλθηκαν στα σύνορα.\n" * 2]
    for i, text in enumerate(texts):
        for enc in ("utf-16-le", "utf-16-be"):
            p = tmp_path / f"u{i}{enc}.txt"
            p.write_bytes(text.encode(enc))
            [doc] = _read(p)
            assert not isinstance(doc, InputError), (enc, doc)
            assert doc.text == text


def test_text_in_other_scripts_and_legacy_encodings_is_still_read():
    for text, enc in [("Москва заявила, что отправила военных на границу.", "cp1251"),
                      ("中华人民共和国外交部发言人表示，双方将加强合作。", "gbk"),
                      ("日本の首相は東京で記者会見を開き、新しい政策を発表した。", "shift_jis"),
                      ("Café de la Paix: réunion à Genève sur les sanctions.", "latin-1")]:
        assert decode((text * 2).encode(enc)) == text * 2
        assert decode(text.encode("utf-8")) == text


def test_html_nested_10000_deep_keeps_its_text(tmp_path):
    para = "<p>" + GOOD.strip() + "</p>"
    pages = {"full.html": "<html><body>" + "<div>" * 10_000 + para * 2 + "</div>" * 10_000 + "</body></html>",
             "bare.html": "<div>" * 10_000 + para + "</div>" * 10_000,
             "unclosed.html": "<section>" * 10_000 + para}
    for name, html in pages.items():
        (tmp_path / name).write_text(html)
        [doc] = _read(tmp_path / name)
        assert not isinstance(doc, InputError), (name, doc)
        assert GOOD.strip() in doc.text
    (tmp_path / "word.html").write_text("<div>" * 10_000 + "teks" + "</div>" * 10_000)
    [doc] = _read(tmp_path / "word.html")
    assert not isinstance(doc, InputError) and doc.text == "teks"


def test_flattening_leaves_a_normal_page_as_it_is():
    from saksi.ingest.html import MAX_DEPTH, flatten_deep

    page = "<html><body>" + "<div>" * 50 + "<p>a<br>b<img src=x/></p>" + "</div>" * 50 + "</body></html>"
    assert flatten_deep(page) is page
    deep = "<div>" * (MAX_DEPTH + 50) + "x" + "</div>" * (MAX_DEPTH + 50)
    flat = flatten_deep(deep)
    assert flat.count("<div>") == MAX_DEPTH and flat.count("</div>") == MAX_DEPTH and "x" in flat


def test_a_navigation_only_html_page_is_no_article(tmp_path):
    links = "".join(f"<a href='/{j}'>Link {j}</a>" for j in range(200))
    (tmp_path / "nav.html").write_text(f"<html><body><nav>{links}</nav></body></html>")
    [err] = _read(tmp_path / "nav.html")
    assert isinstance(err, InputError) and "no article text" in err.reason
    article = "<p>" + GOOD.strip() + " <a href='/x'>Jakarta</a> hari ini.</p>"
    (tmp_path / "page.html").write_text(f"<html><body><nav>{links}</nav><article>{article * 3}</article></body></html>")
    [doc] = _read(tmp_path / "page.html")
    assert not isinstance(doc, InputError) and GOOD.strip() in doc.text


def _binary_by_character(text: str) -> bool:  # the definition looks_binary implements with one regex
    sample = text[:4096]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0xFFF0 <= ord(c) <= 0xFFFF)
    return bad > max(2, len(sample) // 100)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1FFFF, blacklist_categories=("Cs",)),
               max_size=400))
def test_looks_binary_counts_control_and_special_characters(text):
    from saksi.ingest.readers import looks_binary

    assert looks_binary(text) == _binary_by_character(text)
