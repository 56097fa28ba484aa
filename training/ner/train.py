"""Train saksi's Indonesian NER model (spaCy CNN: tok2vec + ner) and ship it in the package.

    .venv/bin/python training/ner/vectors.py          # first: e5 word vectors → training/ner/vectors/
    .venv/bin/python training/ner/train.py --final    # convert + train + package: the shipped model
    .venv/bin/python training/ner/train.py            # the same with valid held out (model selection)
    .venv/bin/python training/ner/train.py convert    # data → training/ner/corpus/*.spacy
    .venv/bin/python training/ner/train.py train      # spacy train → training/ner/output/
    .venv/bin/python training/ner/train.py package    # output/model-best → src/saksi/models/ner_id/

Training data: train splits (with --final, train and valid splits) of IndoNLU NERGrit, IndoNLU NERP
(lower-cased) and idner-news-2k, mapped to PERSON / ORG / GPE (see nerdata.py). Augmentation so one model serves cased news and lower-cased text:
a lower-cased copy of the cased corpora (NERGrit, idner) and a re-cased copy of NERP (each token takes
its most frequent casing in the cased training corpora; entity tokens not seen there are title-cased;
sentence-initial tokens are capitalised). Two convention clashes are neutralised with *missing* labels
(spaCy partial annotation) instead of teaching one corpus's `O` against another's tag:
- in the re-cased NERP copy, untagged tokens that the cased corpora write capitalised (NERP leaves KPK,
  Golkar, PKB untagged; idner tags them ORG) are missing; the lower-cased original keeps NERP's convention;
- in idner-news-2k, untagged words that NERGrit/NERP tag as a place (idner leaves acting countries such
  as `Rusia dan Jepang melarang impor` untagged; saksi wants GPE) are missing.
Dev (early stopping, model selection) = valid/dev splits of the three corpora, as published; the shipped
model (--final) then trains on train + valid for the number of steps dev chose. IndoLEM is never used here
(no licence): it is only evaluated in benchmarks/ner.py.

The packaged pipeline is re-hosted on spaCy's `xx` class with the Indonesian tokeniser rules minus the
~16,000 hyphenated-word exceptions (the `id` class takes 5-15 s to build them on every load; the corpora
split hyphens anyway), and its string store is cut to the labels. `package` checks that the shipped
pipeline predicts exactly what the trained one does.

Runs single-threaded (OMP/BLAS threads = 1) so it can share the machine.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import nerdata  # noqa: E402

CORPUS = HERE / "corpus"
OUTPUT = HERE / "output"
CONFIG = HERE / "config.cfg"
VECTORS = HERE / "vectors"  # written by vectors.py
FINAL_STEPS = 3600  # dev F1 peaked at 2,800-4,000 steps in the runs that held valid out (REPORT.md)
TARGET = ROOT / "src" / "saksi" / "models" / "ner_id"

KEEP_LOWER_IN_NAMES = {"dan", "di", "ke", "dari", "untuk", "yang", "of", "the", "and", "de", "van", "der",
                       "bin", "binti", "al", "el", "la", "du", "da", "dos"}
# NERP types whose tokens are written capitalised in edited news (FNB, food, usually is not)
NERP_PROPER = {"PPL", "PLC", "IND", "EVT"}


def _case_map(sentences) -> dict[str, str]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for toks, _ in sentences:
        for i, t in enumerate(toks):
            if i == 0:  # sentence-initial casing says little
                continue
            counts[t.lower()][t] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def _recase(toks, raw_spans, cmap) -> tuple[list[str], list[int]]:
    """Re-cased tokens, and the indices of tokens outside NERP's entities that the cased corpora write
    capitalised (acronyms, party and agency names, ...). NERP often leaves those untagged (KPK, Golkar)
    where NERGrit and idner tag them, so in the re-cased copy their `O` is made *missing* rather than
    taught: the lower-cased NERP original keeps NERP's own convention."""
    inside = [False] * len(toks)
    tagged = [False] * len(toks)
    for s, e, t in raw_spans:
        for i in range(s, e):
            tagged[i] = True
            if t in NERP_PROPER:
                inside[i] = True
    out, missing = [], []
    for i, t in enumerate(toks):
        low = t.lower()
        if low in cmap and (not inside[i] or cmap[low] != low or low in KEEP_LOWER_IN_NAMES):
            w = cmap[low]
            if not tagged[i] and w != low and w[:1].isalpha():
                missing.append(i)
        elif inside[i] and low not in KEEP_LOWER_IN_NAMES:
            w = t[:1].upper() + t[1:]
        else:
            w = t
        if i == 0 or toks[i - 1] in (".", "!", "?"):
            w = w[:1].upper() + w[1:]
        out.append(w)
    return out, missing


def _place_words(corpora) -> set[str]:
    """Lower-cased words that NERGrit and NERP tag as a whole place (GPE) span at least twice and in at least
    half of their occurrences: Rusia, Jepang, Indonesia, ..."""
    as_place, seen = Counter(), Counter()
    for sents in corpora:
        for toks, spans in sents:
            for t in toks:
                seen[t.lower()] += 1
            for s, e, lab in spans:
                if lab == "GPE" and e - s == 1:
                    as_place[toks[s].lower()] += 1
    return {w for w, n in as_place.items() if n >= 2 and n / seen[w] >= 0.5}


def _unreliable_o(toks, spans, words) -> list[int]:
    """idner-news-2k leaves countries and cities untagged when they act (`Rusia dan Jepang melarang impor`),
    which saksi's GPE tags; those O tokens are made missing instead of taught."""
    inside = {i for s, e, _ in spans for i in range(s, e)}
    return [i for i, t in enumerate(toks) if i not in inside and t.lower() in words]


def _docbin(vocab, sentences):
    """DocBin from (tokens, spans[, missing token indices]) sentences."""
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin(store_user_data=False)
    for sent in sentences:
        toks, spans = sent[0], sent[1]
        missing = sent[2] if len(sent) > 2 else ()
        doc = Doc(vocab, words=toks, spaces=[True] * (len(toks) - 1) + [False])
        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in spans],
                     missing=[Span(doc, i, i + 1) for i in missing], default="outside")
        db.add(doc)
    return db


def convert(args) -> None:
    import spacy

    random.seed(0)
    nlp = spacy.blank("id")
    CORPUS.mkdir(parents=True, exist_ok=True)

    # --final also trains on the valid splits; dev then only logs (it is no longer held out)
    splits = ("train", "valid") if args.final else ("train",)
    train = {c: [x for sp in splits for x in nerdata.load_split(c, sp)] for c in nerdata.CORPORA}
    nerp_raw = [x for sp in splits for x in nerdata.load(nerdata.CORPORA["nerp"][1][sp], "nerp", keep_raw=True)]
    cased = train["nergrit"] + train["idner"]
    cmap = _case_map(cased)

    places = _place_words([train["nergrit"], train["nerp"]])
    train["idner"] = [(toks, spans, _unreliable_o(toks, spans, places)) for toks, spans in train["idner"]]

    sents = []
    parts = Counter()
    parts["idner_missing_tokens"] = sum(len(x[2]) for x in train["idner"])
    for name in ("nergrit", "idner"):
        for _ in range(args.upsample.get(name, 1)):
            sents += train[name]
            parts[name] += len(train[name])
        if args.augment:
            low = [([t.lower() for t in x[0]], *x[1:]) for x in train[name]]
            sents += low
            parts[name + "_lower"] += len(low)
    for _ in range(args.upsample.get("nerp", 1)):
        sents += train["nerp"]
        parts["nerp"] += len(train["nerp"])
    if args.augment:
        rec = [(*_recase(toks, raw, cmap), spans) for toks, spans, raw in nerp_raw]
        rec = [(w, spans, miss) for w, miss, spans in rec]
        parts["nerp_recased_missing_tokens"] = sum(len(m) for _, _, m in rec)
        sents += rec
        parts["nerp_recased"] += len(rec)
    random.shuffle(sents)
    _docbin(nlp.vocab, sents).to_disk(CORPUS / "train.spacy")

    dev = []
    for name in nerdata.CORPORA:
        d = nerdata.load_split(name, "valid")
        _docbin(nlp.vocab, d).to_disk(CORPUS / f"dev_{name}.spacy")
        dev += d
    _docbin(nlp.vocab, dev).to_disk(CORPUS / "dev.spacy")
    print(f"train: {len(sents)} sentences, {sum(len(s[0]) for s in sents)} tokens {dict(parts)}")
    print(f"dev:   {len(dev)} sentences, {sum(len(t) for t, _ in dev)} tokens")
    if args.show_recased:
        for toks, spans, raw in nerp_raw[: args.show_recased]:
            words, miss = _recase(toks, raw, cmap)
            print(" ".join(w + ("?" if i in miss else "") for i, w in enumerate(words)))


def train(args) -> None:
    if not (VECTORS / "vocab" / "vectors").exists():
        sys.exit(f"{VECTORS} is missing: run training/ner/vectors.py first")
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(OUTPUT),
           "--paths.train", str(CORPUS / "train.spacy"), "--paths.dev", str(CORPUS / "dev.spacy"),
           "--paths.vectors", str(VECTORS),
           "--nlp.batch_size", "256"]
    if args.final:  # no held-out dev: a fixed number of steps, where dev F1 peaked in the selection runs
        cmd += ["--training.max_steps", str(FINAL_STEPS), "--training.patience", "0"]
    for ov in args.override or []:
        k, v = ov.split("=", 1)
        cmd += [f"--{k}", v]
    print(" ".join(cmd), flush=True)
    t0 = time.time()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    print(f"training wall time: {time.time() - t0:.0f} s", flush=True)


def _fast_pipeline(trained):
    """The trained pipeline re-hosted on spaCy's language-neutral `xx` class with the Indonesian tokeniser
    rules. spaCy's `id` class builds ~16,000 tokeniser exceptions (hyphenated words with their clitic and
    case variants) on every load, which costs 5-15 s; the corpora split hyphens anyway (`sumber - sumber`),
    so only the ~350 exceptions without a hyphen (abbreviations such as `Prof.`, `S.H.`, emoticons) are
    kept. The ner features (NORM, PREFIX, SUFFIX, SHAPE) do not depend on the language class."""
    import spacy
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("xx")
    nlp.vocab.vectors = trained.vocab.vectors
    old = trained.tokenizer
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        rules={k: v for k, v in old.rules.items() if "-" not in k},
        prefix_search=old.prefix_search, suffix_search=old.suffix_search, infix_finditer=old.infix_finditer,
        token_match=old.token_match, url_match=old.url_match,
    )
    for name in trained.pipe_names:
        nlp.add_pipe(name, source=trained)
    nlp.meta.update({k: v for k, v in trained.meta.items() if k not in ("lang", "pipeline", "components",
                                                                         "disabled", "labels")})
    return nlp


def package(args) -> None:
    import spacy
    from spacy.tokens import Doc

    src = Path(args.model_dir) if args.model_dir else OUTPUT / ("model-last" if args.final else "model-best")
    trained = spacy.load(src)
    nlp = _fast_pipeline(trained)
    nlp.meta.update({
        "name": "ner_id",
        "version": "0.1.0",
        "description": "saksi Indonesian NER (spaCy CNN tok2vec + ner, Indonesian tokeniser rules on the "
                       "language-neutral class). Labels PERSON, ORG, GPE (GPE = any place).",
        "author": "saksi",
        "license": "Apache-2.0 (model); trained on IndoNLU NERGrit (GRIT terms: attribution), IndoNLU NERP, "
                   "idner-news-2k (MIT)",
        "sources": [
            {"name": "IndoNLU NERGrit", "url": "https://github.com/IndoNLP/indonlu",
             "author": "Wilie et al. 2020; NERGrit by GRIT (grit-id/nergrit-corpus)"},
            {"name": "IndoNLU NERP (NER-Prosa)", "url": "https://github.com/IndoNLP/indonlu",
             "author": "Wilie et al. 2020; Prosa.ai"},
            {"name": "idner-news-2k", "url": "https://github.com/khairunnisaor/idner-news-2k",
             "author": "Khairunnisa, Imankulova & Komachi 2020 (MIT)"},
        ],
    })
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(TARGET)
    # the string store only lists the training vocabulary (hash embeddings do not need it): ship labels only
    labels = sorted(nlp.get_pipe("ner").labels)
    (TARGET / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    t0 = time.time()
    shipped = spacy.load(TARGET)
    load_s = time.time() - t0
    # the shipped pipeline must predict exactly what the trained one does, on given tokens
    for toks, _ in nerdata.load_split("nergrit", "valid")[:100] + nerdata.load_split("nerp", "valid")[:100]:
        a = trained(Doc(trained.vocab, words=toks))
        b = shipped(Doc(shipped.vocab, words=toks))
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents], toks
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"packaged {src} → {TARGET} ({size / 1e6:.1f} MB, loads in {load_s:.2f} s)")
    print(json.dumps(trained.meta.get("performance", {}), indent=1)[:800])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", nargs="?", default="all", choices=["all", "convert", "train", "package"])
    ap.add_argument("--no-augment", dest="augment", action="store_false")
    ap.add_argument("--upsample", default="nergrit=4",
                    help="copies of each corpus in train, e.g. nergrit=2,idner=1 (default: %(default)s)")
    ap.add_argument("--override", action="append", help="config override for spacy train, e.g. training.max_epochs=5")
    ap.add_argument("--show-recased", type=int, default=0)
    ap.add_argument("--model-dir", help="package this trained model instead of output/model-best")
    ap.add_argument("--final", action="store_true",
                    help=f"train on train + valid splits for {FINAL_STEPS} steps and package model-last "
                         "(how the shipped model is made; without it, valid is held out for model selection)")
    args = ap.parse_args()
    args.upsample = {k: int(v) for k, v in (p.split("=") for p in args.upsample.split(",") if p)}
    if args.step in ("all", "convert"):
        convert(args)
    if args.step in ("all", "train"):
        train(args)
    if args.step in ("all", "package"):
        package(args)


if __name__ == "__main__":
    main()
