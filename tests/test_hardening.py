"""Hardening (issue 10): each bad input or fault gets one line naming the input and the reason, the
run goes on, and nothing stored is lost."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saksi.ingest.readers import InputError, discover, read_file
from saksi.model import Document
from saksi.pipeline import Resources, _analyse_one, build_outputs
from saksi.store.db import Store, StoreError, StoreLock

SAKSI = [sys.executable, "-m", "saksi"]
GOOD = ("Sebanyak 500 tentara dikirim ke perbatasan oleh pemerintah pada Senin, kata juru bicara militer "
        "kepada wartawan di Jakarta. Pasukan itu akan tinggal selama dua bulan.\n")
FAST = ("--no-ner", "--no-embed")


def saksi(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*SAKSI, *map(str, args)], capture_output=True, text=True, timeout=600, **kw)


def _read(path: Path, **kw):
    return list(read_file(path, **kw))


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def _docs(items):
    return [i for i in items if not isinstance(i, InputError)]


def _res() -> Resources:
    return Resources(use_ner=False, embed=False)


def _no_traceback(r):
    assert "Traceback" not in r.stderr and "please report" not in r.stderr, r.stderr


# ---------------------------------------------------------------- one input must not stop the run
def test_a_symlink_loop_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    os.symlink("loop.txt", tmp_path / "loop.txt")  # points at itself
    os.symlink(".", tmp_path / "sub")  # a folder containing itself
    files, errors = discover([str(tmp_path)])
    assert [f.name for f in files] == ["good.txt", "loop.txt"]
    [err] = _read(tmp_path / "loop.txt")
    assert isinstance(err, InputError) and "loop.txt" in err.path and "\n" not in err.reason


def test_a_file_name_that_is_not_utf8_is_read_and_stored(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    name = os.path.join(os.fsencode(src), b"caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(GOOD.encode())
    (src / "other.txt").write_text(GOOD.replace("500", "700"))
    r = saksi("run", src, "--out", tmp_path / "o", *FAST)
    assert r.returncode == 0, r.stderr
    _no_traceback(r)
    names = {d["name"] for d in Store.open(tmp_path / "o").documents()}
    assert names == {"caf\\xe9", "other"}


def test_jsonl_hostile_lines_each_get_one_line(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        '{"id": "\\udfff", "text": "%s"}' % GOOD.strip(),  # a lone surrogate in the id
        "[" * 100_000,  # nested 100 k deep
        '{"id": 1%s, "text": "x"}' % ("0" * 5000),  # an integer over 4,300 digits
        json.dumps({"id": {"nested": 1}, "text": GOOD}),
        '{"id": 1e309, "text": "%s"}' % GOOD.strip(),
        '{"id": NaN, "text": "%s"}' % GOOD.strip(),
        json.dumps({"id": "list-outlet", "text": GOOD, "outlet": ["a", "b"]}),
        json.dumps({"id": "p1", "text": GOOD, "published": "yesterday"}),
        json.dumps({"id": "p2", "text": GOOD, "published": "9999-99-99"}),
        json.dumps({"id": "ok", "text": GOOD + "\ud800 lone", "published": "2025-03-01T10:00:00"}),
        json.dumps({"id": "nodate", "text": GOOD, "published": "0001-01-01T00:00:00"}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    items = _read(p)
    errs, docs = _errors(items), _docs(items)
    assert [d.name for d in docs] == ["ok", "nodate"]
    assert docs[0].published == "2025-03-01" and "\ufffd lone" in docs[0].text
    assert docs[1].published is None  # the common "no date" value is no date
    assert [e.path.rsplit(":", 1)[1] for e in errs] == [str(i) for i in range(1, 10)]
    reasons = [e.reason for e in errs]
    assert "surrogate" in reasons[0] and "deeply" in reasons[1] and "digits" in reasons[2]
    assert "'id' must be" in reasons[3] and "'id' must be" in reasons[4] and "'id' must be" in reasons[5]
    assert "'outlet' must be a string" in reasons[6]
    assert "'published'" in reasons[7] and "'published'" in reasons[8]
    assert all("\n" not in r for r in reasons)


def test_line_separators_inside_a_jsonl_line_do_not_split_it(tmp_path):
    p = tmp_path / "s.jsonl"
    rows = [{"id": f"a{i}", "text": GOOD.replace("Senin", f"Senin{sep}{i}")}
            for i, sep in enumerate(("\u2028", "\u2029", "\u0085"))]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{bad\n", encoding="utf-8")
    items = _read(p)
    assert [d.name for d in _docs(items)] == ["a0", "a1", "a2"]
    assert "\u2028" in _docs(items)[0].text
    [err] = _errors(items)
    assert err.path.endswith(":4") and "at at" not in err.reason


def test_a_repeated_jsonl_id_is_an_error_line(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "x", "text": GOOD}, {"id": "x", "text": GOOD + " Lain."}, {"id": "x", "text": GOOD}]))
    items = _read(p)
    assert [d.name for d in _docs(items)] == ["x"]
    errs = _errors(items)
    assert [e.path[-2:] for e in errs] == [":2", ":3"]
    assert "other text" in errs[0].reason and "line 1" in errs[0].reason


def test_max_mb_applies_to_each_jsonl_line_not_the_file(tmp_path):
    p = tmp_path / "big.jsonl"
    rows = [json.dumps({"id": f"r{i}", "text": GOOD * 10}) for i in range(5)]
    rows.insert(2, json.dumps({"id": "huge", "text": GOOD * 200}))
    p.write_text("\n".join(rows) + "\n")
    limit = len(rows[0]) * 3  # the file is far larger, each normal line is smaller
    items = _read(p, max_bytes=limit)
    assert [d.name for d in _docs(items)] == ["r0", "r1", "r2", "r3", "r4"]
    [err] = _errors(items)
    assert err.path.endswith(":3") and "line too large" in err.reason


def test_size_limit_is_printed_as_given(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"a" * (11 * 1024 * 1024))
    [err] = _read(p, max_bytes=10 * 1024 * 1024)
    assert "limit 10 MB" in err.reason and "11 MB" in err.reason
    q = tmp_path / "small.txt"
    q.write_bytes(b"a" * 2000)
    [err] = _read(q, max_bytes=1000)
    assert "0.0 MB" not in err.reason


def test_a_fifo_and_a_link_to_dev_zero_are_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    t0 = time.time()
    [e1] = _read(tmp_path / "pipe.txt")
    [e2] = _read(tmp_path / "zero.txt")
    assert time.time() - t0 < 5
    assert "not a regular file" in e1.reason and "FIFO" in e1.reason
    assert "not a regular file" in e2.reason and "device" in e2.reason
    files, errors = discover([str(tmp_path)])
    assert len(files) == 2 and not errors


def test_an_unreadable_sub_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads every folder: refuse this one as the OS would
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        files, errors = discover([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert [f.name for f in files] == ["ok.txt"]
    [err] = errors
    assert "locked" in err.path and "cannot read folder" in err.reason


# ---------------------------------------------------------------- dates out of the calendar
@pytest.mark.parametrize("published, when", [("0001-01-01", "Pada Juni lalu"), ("0001-01-01", "Bulan lalu"),
                                             ("9999-12-31", "Bulan depan")])
def test_placeholder_publication_dates_make_no_year_0_events(published, when):
    text = f"{when}, Rusia dan Korea Utara menandatangani pakta pertahanan bersama di Pyongyang."
    a = _analyse_one(Document(name="d", path="d.txt", text=text, fmt="txt", published=published), _res())
    assert not isinstance(a, InputError)
    assert all(e.date[:4] not in ("0000", "1000") and len(e.date.split("-")[0]) == 4 and e.date[:4] != "0000"
               for e in a.events)
    assert a.article.published is None


def test_a_store_holding_a_year_0_event_still_builds(tmp_path):
    from saksi.corpus import dates

    assert dates.parse("0000-12") is None and dates.day_span("0000-06") is None
    text = "Pada Juni lalu, Rusia dan Korea Utara menandatangani pakta pertahanan bersama di Pyongyang."
    a = _analyse_one(Document(name="d", path="d.txt", text=text, fmt="txt", published="2025-06-01"), _res())
    assert a.events
    store = Store.open(tmp_path)
    store.save(a, "h", "d", "d.txt")
    with store.conn:  # as stored by a saksi before the guard
        store.conn.execute("UPDATE events SET date = '0000-06'")
    assert build_outputs(store, tmp_path, _res()) == []
    store.close()
    assert (tmp_path / "report.html").is_file()


# ---------------------------------------------------------------- small files, huge cost
def test_a_page_with_no_article_text_is_skipped_with_its_reason():
    nav = "\n".join(["Home", "News", "Sport", "Politik", "Ekonomi", "Login", "Daftar", "Kontak", "Karir"] * 40)
    r = _analyse_one(Document(name="n", path="nav.txt", text=nav, fmt="txt"), _res())
    assert isinstance(r, InputError) and r.path == "nav.txt" and "no article text" in r.reason


def test_ner_reads_a_text_over_max_length_in_pieces(monkeypatch):
    from saksi.entities import ner as ner_mod

    class Ent:
        def __init__(self, s, e):
            self.start_char, self.end_char, self.label_ = s, e, "PERSON"

        def __len__(self):
            return 1

    class Doc:
        def __init__(self, text):
            i = text.find("Budi")
            self.ents = [Ent(i, i + 4)] if i >= 0 else []

    class NLP:
        max_length = 1000

        def pipe(self, texts, batch_size=64):
            for t in texts:
                if len(t) > self.max_length:
                    raise ValueError("[E088] Text of length exceeds maximum")
                yield Doc(t)

    monkeypatch.setattr(ner_mod, "CHUNK_CHARS", 500)
    n = ner_mod.NER(NLP(), "en", ner_mod._EN_MAP)
    text = ("kata " * 300) + "Budi " + ("lagi " * 300)
    [spans] = list(n.pipe([text]))
    assert [text[s:e] for s, e, _ in spans] == ["Budi"]
    assert n.spans("x") == []
    assert ner_mod.CHUNK_CHARS < 1_000_000


# ---------------------------------------------------------------- names, counts, reruns
def test_every_input_gets_its_own_name_and_the_counts_add_up(tmp_path):
    src = tmp_path / "in"
    for d in ("a", "b"):
        (src / d).mkdir(parents=True)
    (src / "a" / "x.txt").write_text(GOOD)
    (src / "b" / "x.txt").write_text(GOOD.replace("500", "600"))
    (src / "x.txt").write_text(GOOD.replace("500", "700"))
    (src / "x.html").write_text("<html><body><article><p>" + GOOD.replace("500", "800") * 3 + "</p></article></body></html>")
    (src / "z.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=True) for r in [
        {"id": "x", "text": GOOD.replace("500", "900")},
        {"id": "j", "text": GOOD.replace("500", "1000")},
        {"id": "j", "text": GOOD.replace("500", "1100")},  # the same id with other text
        {"id": "lost\ud800", "text": GOOD}]))
    out = tmp_path / "o"
    r = saksi("run", src, "--out", out, *FAST)
    assert r.returncode == 0, r.stderr
    _no_traceback(r)
    names = sorted(d["name"] for d in Store.open(out).documents())
    assert names == ["a/x", "b/x", "j", "x", "x~2", "x~3"], names
    assert "6 articles read: 6 new, 0 already stored, 0 duplicates" in r.stderr
    assert r.stderr.count("renamed:") == 2 and "z.jsonl:3" in r.stderr
    errs = Store.open(out).errors()
    assert len(errs) == 2
    r2 = saksi("run", src, "--out", out, *FAST)  # a rerun of the same input adds no error rows
    assert r2.returncode == 0 and "6 already stored" in r2.stderr
    assert len(Store.open(out).errors()) == 2


def test_out_naming_a_file_and_a_bad_kb_file_are_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "file").write_text("x")
    r = saksi("run", tmp_path / "a.txt", "--out", tmp_path / "file", *FAST)
    assert r.returncode == 2 and "--out must be a folder" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    _no_traceback(r)
    (tmp_path / "bad.yaml").write_text("entities:\n  - name: [unclosed\n")
    r = saksi("run", tmp_path / "a.txt", "--out", tmp_path / "o", "--kb", tmp_path / "bad.yaml", *FAST)
    assert r.returncode == 2 and "bad.yaml" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    _no_traceback(r)


def test_a_store_from_a_newer_saksi_is_refused(tmp_path):
    Store.open(tmp_path).close()
    con = sqlite3.connect(tmp_path / "saksi.db")
    con.execute("PRAGMA user_version = 999")
    con.close()
    with pytest.raises(StoreError, match="newer saksi"):
        Store.open(tmp_path)


# ---------------------------------------------------------------- Ctrl-C and two runs at once
def test_a_second_run_on_the_same_out_is_refused_with_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    out = tmp_path / "o"
    with StoreLock(out):
        with pytest.raises(StoreError, match="another saksi run"):
            StoreLock(out).__enter__()
        r = saksi("run", tmp_path / "a.txt", "--out", out, *FAST)
    assert r.returncode == 2 and "another saksi run is writing here" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = saksi("run", tmp_path / "a.txt", "--out", out, *FAST)  # the lock goes with its process
    assert r.returncode == 0, r.stderr


def test_ctrl_c_keeps_what_is_stored_and_exits_130(tmp_path, seeds_dir):
    src = tmp_path / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(150):
        (src / f"a{i:03d}.txt").write_text(texts[i % len(texts)] + f"\nCatatan nomor {i}.\n", encoding="utf-8")
    out = tmp_path / "o"
    proc = subprocess.Popen([*SAKSI, "run", str(src), "--out", str(out), *FAST], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    n = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(out / "saksi.db", timeout=1)
            n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            n = 0
        if n >= 5:
            break
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    line = next(x for x in stderr.splitlines() if x.startswith("interrupted:"))
    stored = int(line.split()[1])
    assert stored >= n and "articles stored so far are kept" in line
    assert len(Store.open(out).documents()) == stored


# ---------------------------------------------------------------- garbage in, good text out
@pytest.mark.parametrize("text", ["Home\nNews\nSport\nPolitik\nLogin\nDaftar", "Home | News | Sport | Login",
                                  "Baca Juga: Home\nHak cipta 2024", "(" * 300])
def test_a_short_page_with_no_article_text_is_skipped_too(text):
    r = _analyse_one(Document(name="n", path="nav.txt", text=text, fmt="txt"), _res())
    assert isinstance(r, InputError) and "no article text" in r.reason


def test_a_one_line_text_is_still_read():
    r = _analyse_one(Document(name="h", path="h.txt", text="Sebanyak 500 tentara dikirim ke perbatasan.", fmt="txt"),
                     _res())
    assert not isinstance(r, InputError)


def test_garbage_files_are_reported_not_stored(tmp_path):
    import random

    rng = random.Random(1)
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD)
    for i in range(40):
        (src / f"random{i}.txt").write_bytes(rng.randbytes(rng.randint(100, 3000)))
    (src / "bom.txt").write_bytes(b"\xef\xbb\xbf" * 2)
    (src / "utf16.txt").write_bytes(GOOD.replace("500", "700").encode("utf-16-le"))
    (src / "nav.txt").write_text("Home\nNews\nSport\nLogin\n")
    (src / "deep.html").write_text("<div>" * 10_000 + "<p>" + GOOD.replace("500", "900") + "</p>" + "</div>" * 10_000)
    out = tmp_path / "o"
    r = saksi("run", src, "--out", out, *FAST)
    assert r.returncode == 0, r.stderr
    _no_traceback(r)
    store = Store.open(out)
    assert sorted(d["name"] for d in store.documents()) == ["deep", "good", "utf16"]
    assert all(a["body"].strip() for a in store.articles())
    assert len(store.errors()) == 42
    assert "bom.txt: empty file (only a byte-order mark)" in r.stderr and "nav.txt: no article text" in r.stderr


def test_a_language_left_out_by_languages_is_labelled_and_counted(tmp_path, seeds_dir):
    src = tmp_path / "in"
    src.mkdir()
    seed = next(p for p in sorted(seeds_dir.glob("*.txt")))
    (src / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "o"
    r = saksi("run", src, "--out", out, "--languages", "fr", *FAST)
    assert r.returncode == 0, r.stderr
    assert "languages: id 1 (not in --languages fr, so no claims: id 1)" in r.stderr
    assert "no language pack" not in r.stderr
    [row] = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    assert row["language"] == "id"
    assert (out / "claims.jsonl").read_text().strip() == ""


# ---------------------------------------------------------------- runs of punctuation: linear, not quadratic
@pytest.mark.parametrize("mark", ["(", "\u201c", ".,"])
def test_a_32_kb_run_of_punctuation_is_read_in_seconds(mark):
    from saksi.entities.ner import load_ner

    ner = load_ner("id")
    head = "Presiden Joko Widodo tiba di Jakarta pada Senin. "
    tail = " Menteri Retno Marsudi bertemu Presiden Prabowo Subianto di Bandung."
    run = mark * (32 * 1024 // len(mark))
    ner.spans(head)  # the model loaded and warm
    t0 = time.time()
    spans = ner.spans(head + run + tail)
    assert time.time() - t0 < 5
    alone = ner.spans(tail)
    shift = len(head) + len(run)
    assert [(s - shift, e - shift, k) for s, e, k in spans if s >= shift] == alone  # offsets kept
    assert ner.spans(head) == [x for x in spans if x[0] < len(head)]


def test_defuse_blanks_only_long_runs_of_punctuation():
    from saksi.entities.ner import MAX_PUNCT_RUN, defuse

    normal = "Kata (dia) \u201cbegitu\u201d... --- ____ !!! http://contoh.id/a-b?c=d"
    assert defuse(normal) == normal
    text = "a " + "(" * (MAX_PUNCT_RUN + 1) + "b" + "-" * MAX_PUNCT_RUN + "c"
    out = defuse(text)
    assert len(out) == len(text) and out == "a " + " " * (MAX_PUNCT_RUN + 1) + "b" + "-" * MAX_PUNCT_RUN + "c"
