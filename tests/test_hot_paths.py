"""Work skipped or made cheaper on the analysis' hot paths must decide as before (issue 11, part 4):
clean.page's line tests, and attribution's certainty read only for the sentences that ask."""
from __future__ import annotations

import random
import re

import saksi.extract.context as context
from facts_helper import read
from saksi.clean.page import _ends_sentence
from saksi.extract.attribution import Attributions

# the regular expression _ends_sentence replaced: a sentence mark then closers, or a closing quote, at the end
_TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*\s*$|[\"'”’»)」』]\s*$")


def test_ends_sentence_reads_as_the_regular_expression_did():
    lines = ["", " ", "Harga naik.", "Harga naik. ", "Kata dia: \"cukup.\"", "Judul tanpa titik",
             "Apa kabar?\u00a0", "Ende ]", "Ende.]", "Ende .)»  ", "«Oui»", "Ja」", "終わり。", "Item ]\n",
             "a.\n", "Lihat juga:", "dua; tiga", "(Foto: AFP)", "kalimat'", "…"]
    rng = random.Random(3)
    alphabet = "ab .!?…:;。！？\"'”’»)]」』 \t\n\u00a0\u2003x"
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    for s in lines:
        assert _ends_sentence(s) == bool(_TERMINAL.search(s)), repr(s)


ARTICLE = """Seoul says North Korea is believed to have sent about 3,000 more troops to Russia.

The defence ministry confirmed that the troops arrived in Kursk, officials said. Pyongyang denied it.

Moscow is expected to send 20 air-defence systems, reportedly in exchange, an estimated 40 of them later.

Menurut laporan Yonhap, Korea Utara diduga akan mengirim sekitar 1.000 pekerja lagi ke Rusia."""


def test_certainty_read_late_is_what_it_was_when_the_sentence_was_read(monkeypatch):
    docs = []
    annotate = context.annotate
    monkeypatch.setattr(context, "annotate", lambda *a, **k: docs.append(annotate(*a, **k)) or docs[-1])
    read(ARTICLE, published="2025-06-10")
    doc = docs[-1]

    def certainty(sa):
        return sa.strong, sa.weak, sa.confirm, sa.plan, sa.estimate

    at_once = Attributions(doc)
    early = [certainty(at_once.of(st)) for st in doc.sents]  # asked as each sentence is read
    later = Attributions(doc)
    for st in doc.sents:
        later.of(st)
    assert [certainty(later.of(st)) for st in doc.sents] == early  # asked after the whole article
    assert any(any(parts) for parts in early)  # the article does hedge, confirm, plan and estimate
