"""Indonesian NER benchmark: precision / recall / F1 per label on the test splits, and speed.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ner.py                 # the packaged model (saksi.entities.ner)
    .venv/bin/python benchmarks/ner.py --model training/ner/output/model-best   # a candidate model
    .venv/bin/python benchmarks/ner.py --quick                          # dev splits only, no IndoLEM, no speed

Test sets (/work/shared/data): IndoNLU NERGrit test, IndoNLU NERP test (lower-cased), idner-news-2k test,
IndoLEM NER-UGM and NER-UI (the 5 test folds; the model never saw IndoLEM, so each fold is simply a
held-out set: reported per corpus over all 5 folds together and as the mean of the per-fold F1).

Scoring: entity level, exact span and label, micro-averaged, on the labels the corpora share with saksi's
scheme: PERSON, ORG and PLACE (= GPE or LOC, since no corpus separates them). Dropped gold types:
NERP EVT and FNB, IndoLEM-UGM QUANTITY and TIME. Two modes:
- gold tokens: the corpus tokenisation is given to the model (as the published figures do);
- raw text: tokens joined with spaces and passed as a string through `saksi.entities.ner` (spaCy's
  tokeniser, the way saksi runs), scored on character spans.

Overlap: the corpora share text. 216 of the 509 idner-news-2k test sentences are also in NERP train
(lower-cased, NERP's labels), 1,303 of the 2,343 IndoLEM NER-UGM sentences are in NERP or idner train, and
98 NERP test sentences are in NERP or idner train. So every set is also scored on its *unseen* sentences
only: those whose lower-cased token sequence is in no train or valid split (exact match; near-duplicates stay).

Published figures (transformers fine-tuned per corpus, on each corpus's own label set; NERP has five
types incl. EVT and FNB, so it is not strictly comparable) are printed beside ours.
Speed: tokens per second per core with one thread (nlp.pipe, batch 256, raw text incl. tokeniser),
measured on CPU time of this process so other load on the machine does not skew it.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "ner"))
sys.path.insert(0, str(ROOT / "src"))
import nerdata  # noqa: E402

PUBLISHED = {
    "nergrit": "XLM-R base 79.09, IndoBERT-large 77.60 (IndoNLU)",
    "nerp": "IndoBERT-large 79.25 (IndoNLU; 5 types incl. EVT, FNB)",
}
EVAL_LABELS = ("PERSON", "ORG", "PLACE")


def _merge(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def gold_char_spans(toks, spans):
    starts, pos = [], 0
    for t in toks:
        starts.append(pos)
        pos += len(t) + 1
    return {(starts[s], starts[e - 1] + len(toks[e - 1]), _merge(lab)) for s, e, lab in spans}


class Scores:
    def __init__(self):
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()

    def add(self, gold: set, pred: set):
        for x in pred & gold:
            self.tp[x[2]] += 1
        for x in pred - gold:
            self.fp[x[2]] += 1
        for x in gold - pred:
            self.fn[x[2]] += 1

    @staticmethod
    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def label(self, lab):
        return self.prf(self.tp[lab], self.fp[lab], self.fn[lab])

    def overall(self):
        return self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


def evaluate(ner, sentences, mode: str) -> Scores:
    from spacy.tokens import Doc

    sc = Scores()
    if mode == "gold":
        docs = (Doc(ner.nlp.vocab, words=toks, spaces=[True] * len(toks)) for toks, _ in sentences)
        preds = (ner._doc_spans(d) for d in ner.nlp.pipe(docs, batch_size=256))
    else:
        preds = ner.pipe((" ".join(toks) for toks, _ in sentences), batch_size=256)
    for (toks, spans), pred in zip(sentences, preds):
        sc.add(gold_char_spans(toks, spans), {(s, e, _merge(lab)) for s, e, lab in pred})
    return sc


def _key(toks) -> str:
    return " ".join(toks).lower()


def training_keys() -> set[str]:
    """Sentences the shipped model trained on: train and valid splits (`train.py --final`)."""
    return {_key(t) for c in nerdata.CORPORA for sp in ("train", "valid") for t, _ in nerdata.load_split(c, sp)}


def fmt_row(name, sc: Scores, n_sent, extra=""):
    cells = []
    for lab in EVAL_LABELS:
        p, r, f = sc.label(lab)
        cells.append(f"{100 * p:5.1f} {100 * r:5.1f} {100 * f:5.1f}")
    p, r, f = sc.overall()
    return f"| {name:<22} | {n_sent:>5} | " + " | ".join(cells) + f" | {100 * p:5.1f} {100 * r:5.1f} **{100 * f:5.2f}** | {extra} |"


HEADER = ("| set | sents | PERSON P R F | ORG P R F | PLACE P R F | overall P R F | published (F1) |\n"
          "|---|---:|---|---|---|---|---|")


def load_model(path: str | None):
    from saksi.entities.ner import _ID_MAP, NER, load_ner

    if path:
        import spacy

        return NER(spacy.load(path), "id", _ID_MAP)
    return load_ner("id")


def speed(ner, texts, min_tokens=150_000) -> tuple[float, float, int]:
    n_tok = 0
    reps = 0
    list(ner.nlp.pipe(texts[:200], batch_size=256))  # warm-up
    c0, w0 = time.process_time(), time.perf_counter()
    while n_tok < min_tokens:
        for doc in ner.nlp.pipe(texts, batch_size=256):
            n_tok += len(doc)
        reps += 1
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    return n_tok / cpu, n_tok / wall, n_tok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="spaCy model directory (default: the packaged model via load_ner('id'))")
    ap.add_argument("--quick", action="store_true", help="dev splits only; no IndoLEM, no speed")
    ap.add_argument("--modes", default="gold,raw")
    args = ap.parse_args()

    t0 = time.perf_counter()
    ner = load_model(args.model)
    print(f"model: {args.model or 'saksi/models/ner_id (packaged)'}  pipeline {ner.nlp.pipe_names}, "
          f"loaded in {time.perf_counter() - t0:.2f} s")
    split = "valid" if args.quick else "test"
    seen = training_keys()
    sets = []
    for c in nerdata.CORPORA:
        sents = nerdata.load_split(c, split)
        unseen = [x for x in sents if _key(x[0]) not in seen]
        sets.append((f"{c} {split}", sents, PUBLISHED.get(c, "")))
        if len(unseen) < len(sents):
            sets.append((f"{c} {split}, unseen", unseen, ""))
    folds = {} if args.quick else {name: [nerdata.load(p, "indolem") for p in paths]
                                   for name, paths in nerdata.INDOLEM.items()}
    for name in list(folds):
        unseen = [[x for x in f if _key(x[0]) not in seen] for f in folds[name]]
        if sum(map(len, unseen)) < sum(map(len, folds[name])):
            folds[f"{name}, unseen"] = unseen

    for mode in args.modes.split(","):
        print(f"\n### {'gold tokens' if mode == 'gold' else 'raw text through saksi.entities.ner'}"
              " (P R F1 in %, micro, exact span + label)\n")
        print(HEADER)
        for name, sents, pub in sets:
            print(fmt_row(name, evaluate(ner, sents, mode), len(sents), pub if mode == "gold" else ""), flush=True)
        for name, fs in folds.items():
            tot = Scores()
            f1s = []
            for sents in fs:
                sc = evaluate(ner, sents, mode)
                f1s.append(sc.overall()[2])
                for k in ("tp", "fp", "fn"):
                    getattr(tot, k).update(getattr(sc, k))
            extra = "fold F1 " + " ".join(f"{100 * f:.1f}" for f in f1s) + \
                f"; mean {100 * statistics.mean(f1s):.2f} ± {100 * statistics.stdev(f1s):.2f}"
            print(fmt_row(f"indolem {name}", tot, sum(len(s) for s in fs), extra), flush=True)

    if not args.quick:
        texts = [" ".join(t) for name, s, _ in sets if "unseen" not in name for t, _ in s]
        cps, wps, n = speed(ner, texts)
        print(f"\nspeed (1 thread, nlp.pipe batch 256, raw text incl. tokeniser, {n} tokens): "
              f"{cps:,.0f} tokens/s per CPU-second (wall {wps:,.0f} tokens/s)")


if __name__ == "__main__":
    main()
