"""Build the common-word lexicons `src/saksi/data/lexicon/<lang>.txt` read by `saksi.entities.lexicon`.

    .venv/bin/python training/lexicon/build.py            # needs the `train` extra (wordfreq) and ../shared/data

A word is common when wordfreq knows it at `ZIPF[lang]` or more AND case-annotated text does not show it
used mostly as a name (`_mostly_a_name`). wordfreq folds case, so its lists hold names too ("jakarta",
"kim"); the annotated text is what tells them apart:
- id: UD Indonesian (CSUI, GSD, PUD: a PROPN is a name use) and idner-news-2k, NERGrit, NERP (a token inside
  a PER/ORG/LOC span is a name use; NERP is lower-cased, its tags still tell);
- en: the Zyte article-extraction benchmark's article bodies (a capitalised word not first in its
  sentence is a name use; a lower-case one a word use).
A word the annotated text never shows stays common (wordfreq alone vouches for it). Only counts are
read from the corpora: the lexicon is a list of words, no text is copied.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "saksi" / "data" / "lexicon"
ZIPF = {"id": 3.0, "en": 3.5}
WORD = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")
HEADER = ("# saksi common-word lexicon ({lang}): one lower-case word a line; built by "
          "training/lexicon/build.py\n# from wordfreq {zipf}+ zipf, minus words case-annotated text uses "
          "mostly as names (see that script).\n# Word frequencies: wordfreq (data CC BY-SA 4.0, Robyn Speer). "
          "Case evidence: {evidence}.\n")
EVIDENCE = {"id": "UD Indonesian CSUI/GSD/PUD (CC BY-SA), idner-news-2k (MIT), IndoNLU NERGrit/NERP (Apache-2.0)",
            "en": "Zyte article-extraction-benchmark ground truth (MIT)"}


def _conllu(path: Path, names: Counter, words: Counter) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 4 or not cols[0].isdigit():
            continue
        (names if cols[3] == "PROPN" else words)[cols[1].lower()] += 1


def _bio(path: Path, names: Counter, words: Counter) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.strip().split()
        if len(cols) < 2:
            continue
        (words if cols[-1] == "O" else names)[cols[0].lower()] += 1


def _cased_text(text: str, names: Counter, words: Counter) -> None:
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        for i, tok in enumerate(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", sentence)):
            if tok[:1].islower():
                words[tok.lower()] += 1
            elif i > 0:
                names[tok.lower()] += 1


def case_counts(lang: str) -> tuple[Counter, Counter]:
    names: Counter = Counter()
    words: Counter = Counter()
    if lang == "id":
        for path in sorted(SHARED.glob("ud_indonesian_*/*.conllu")):
            _conllu(path, names, words)
        tagged = [*SHARED.glob("idner_news_2k/*.txt"), *SHARED.glob("indonlu_nergrit/*_preprocess.txt"),
                  *SHARED.glob("indonlu_nerp/*_preprocess.txt")]
        for path in sorted(tagged):
            if path.name.startswith(("README", "LICENSE")):
                continue
            _bio(path, names, words)
    elif lang == "en":
        truth = json.loads((SHARED / "article_extraction_benchmark" / "ground-truth.json").read_text(encoding="utf-8"))
        for item in truth.values():
            _cased_text(item.get("articleBody") or "", names, words)
    return names, words


def _mostly_a_name(names: int, words: int) -> bool:
    """Seen as a name at least three times and as a word under one time in eight: "budi", "kim",
    "jakarta". A word often in names but in running text too ("north", "timur", "utama") stays common."""
    return names >= 3 and words * 8 < names


def build(lang: str) -> list[str]:
    names, words = case_counts(lang)
    out = []
    for w in top_n_list(lang, 200_000):
        if zipf_frequency(w, lang) < ZIPF[lang]:
            break
        if len(w) < 2 or not WORD.match(w) or _mostly_a_name(names[w], words[w]):
            continue
        out.append(w)
    return sorted(set(out))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ZIPF:
        words = build(lang)
        (OUT / f"{lang}.txt").write_text(HEADER.format(lang=lang, zipf=ZIPF[lang], evidence=EVIDENCE[lang]) + "\n".join(words) + "\n",
                                         encoding="utf-8")
        print(lang, len(words))


if __name__ == "__main__":
    main()
