"""Readers and label mapping for the Indonesian NER corpora in /work/shared/data.

Shared by `training/ner/train.py` (conversion to spaCy DocBins) and `benchmarks/ner.py` (evaluation).

Every corpus is pre-tokenised, one token per line with a BIO tag, blank line between sentences.
A sentence is returned as `(tokens, spans)` where `spans` is a list of `(start_token, end_token, label)`
already mapped to the saksi scheme (PERSON / ORG / GPE); tags that have no counterpart are dropped,
so their tokens count as outside any entity.

Label mapping (see REPORT.md). None of the corpora separates geo-political entities from other
locations, so every place label maps to `GPE`; `saksi.entities.ner` re-labels places headed by a
geographic-feature word (gunung, sungai, selat, jalan, ...) as `LOC` at run time, and evaluation
merges GPE and LOC into one PLACE class.
"""
from __future__ import annotations

import os
from pathlib import Path

DATA = Path(os.environ.get("SAKSI_SHARED_DATA", "/work/shared/data"))

LABEL_MAPS: dict[str, dict[str, str | None]] = {
    # IndoNLU NERGrit: PERSON, PLACE, ORGANISATION
    "nergrit": {"PERSON": "PERSON", "ORGANISATION": "ORG", "PLACE": "GPE"},
    # IndoNLU NERP (Prosa): PPL person, PLC place, IND organisation/institution, EVT event, FNB food
    "nerp": {"PPL": "PERSON", "IND": "ORG", "PLC": "GPE", "EVT": None, "FNB": None},
    # idner-news-2k: PER, ORG, LOC
    "idner": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"},
    # IndoLEM NER-UGM / NER-UI (evaluation only: no licence)
    "indolem": {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "GPE", "QUANTITY": None, "TIME": None},
}

# (corpus key, label-map key, {split: path})
CORPORA: dict[str, tuple[str, dict[str, Path]]] = {
    "nergrit": ("nergrit", {s: DATA / "indonlu_nergrit" / f"{s}_preprocess.txt" for s in ("train", "valid", "test")}),
    "nerp": ("nerp", {s: DATA / "indonlu_nerp" / f"{s}_preprocess.txt" for s in ("train", "valid", "test")}),
    "idner": ("idner", {"train": DATA / "idner_news_2k" / "train.txt", "valid": DATA / "idner_news_2k" / "dev.txt",
                        "test": DATA / "idner_news_2k" / "test.txt"}),
}
INDOLEM = {name: [DATA / "indolem_ner" / name / f"test.0{i}.tsv" for i in range(1, 6)] for name in ("nerugm", "nerui")}

Sentence = tuple[list[str], list[tuple[int, int, str]]]


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Token/tag pairs per sentence. Tag is the last whitespace-separated field (idner has a POS column)."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline="") as f:
        for raw in f:
            line = raw.rstrip("\r\n").rstrip("\r")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            parts = [p for p in parts if p != ""]
            if len(parts) < 2:
                continue
            toks.append(parts[0])
            tags.append(parts[-1])
    if toks:
        sents.append((toks, tags))
    return sents


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags → (start, end, type) with the raw types. An orphan I- (or an I- of another type) opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, typ = None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or "-" not in tag:
            prefix, t = "O", None
        else:
            prefix, t = tag.split("-", 1)
        if prefix == "B" or prefix == "O" or (prefix == "I" and t != typ):
            if start is not None:
                spans.append((start, i, typ))
            start, typ = (i, t) if prefix in ("B", "I") else (None, None)
    return spans


def map_spans(spans, label_map) -> list[tuple[int, int, str]]:
    out = []
    for s, e, t in spans:
        if t not in label_map:
            raise ValueError(f"unknown label {t!r}")
        if label_map[t]:
            out.append((s, e, label_map[t]))
    return out


def load(path: Path, map_key: str, keep_raw: bool = False):
    """Sentences of one file with spans mapped to the saksi scheme (and the raw spans if keep_raw)."""
    out = []
    for toks, tags in read_bio(path):
        raw = bio_spans(tags)
        mapped = map_spans(raw, LABEL_MAPS[map_key])
        out.append((toks, mapped, raw) if keep_raw else (toks, mapped))
    return out


def load_split(corpus: str, split: str):
    key, paths = CORPORA[corpus]
    return load(paths[split], key)
