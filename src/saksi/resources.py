"""What analysis needs, loaded once per process and only when first used: language data, the
knowledge base, the NER models. Only the settings travel to worker processes (see __getstate__)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from saksi import lang as langdata
from saksi.clean.cues import Cues, load_cues


@dataclass
class Resources:
    """Everything analysis needs, loaded once per process (language data, knowledge base, models)."""

    languages: tuple[str, ...] = field(default_factory=langdata.available_languages)  # packs in use
    kb_extra: tuple[str, ...] = ()
    use_ner: bool = True
    embed: bool = True  # multilingual embeddings of leads for rewrites and stories across languages
    embedder: str = "static"  # which: "static" (distilled from e5, fast) or "e5" (corpus.embed.embedder_named)
    default_language: str = "en"
    _ner: dict = field(default_factory=dict, repr=False)

    @cached_property
    def cues(self) -> Cues:
        return load_cues(self.languages)

    @cached_property
    def kb(self):
        from pathlib import Path

        from saksi.entities.kb import KB

        return KB.load(extra=[Path(p) for p in self.kb_extra])

    @cached_property
    def places(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.kb.places())

    def ner(self, lang: str):
        if not self.use_ner:
            return None
        if lang not in self._ner:
            from saksi.entities.ner import load_ner

            self._ner[lang] = load_ner(lang)
        return self._ner[lang]

    def __getstate__(self):
        """Only the settings travel to worker processes; each loads its own data and models."""
        return {k: v for k, v in self.__dict__.items() if k in ("languages", "kb_extra", "use_ner", "embed", "embedder", "default_language")}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._ner = {}

    def date_line(self, line: str) -> str | None:
        from saksi.extract.dates import parse_date_line

        return parse_date_line(line, self.languages[0], self.languages) if self.languages else None
