"""The synthetic store (synthetic_store.build) plus two articles for the datasette-style tables of
the web UI: an untitled one with a claim of 12,000,000 (number search, value ranges), and more claims
to sort, facet and page through; and two skipped inputs (their table sorts too)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from synthetic_store import _article, build

from saksi.model import Analysis, Claim
from saksi.store.db import Store

UNTITLED = "010_kabar"
MILLIONS = "Sekitar 12 juta pekerja Korea Utara dikirim ke Rusia"


def _claim(name, text, quote, action, obj, value, **kw) -> Claim:
    s = text.index(quote)
    return Claim(name, quote, s, s + len(quote), action, obj, actor="North Korea", recipient="Russia",
                 value=value, **kw)


def build_tables(out_dir: Path) -> Path:
    build(out_dir)
    t1 = (f"{MILLIONS}, menurut Kementerian Unifikasi.\n"
          "Sebanyak 300 tentara tewas dalam pertempuran, klaim Kyiv.\n"
          "Sekitar 2.500 pekerja lain menyusul tahun depan.")
    a1 = _article(UNTITLED, t1, title=None, outlet="Kabar Timur", published="2024-12-01", language="id")
    claims = [
        _claim(UNTITLED, t1, MILLIONS, "workers_sent", "workers", 12_000_000, qualifier="approx",
               period_start="2025-01", attributed_to=["Ministry of Unification"], stance="reported"),
        _claim(UNTITLED, t1, "Sebanyak 300 tentara tewas dalam pertempuran", "casualties_killed", "soldiers", 300,
               attributed_to=["Ukraine"], stance="alleged"),
        _claim(UNTITLED, t1, "Sekitar 2.500 pekerja lain menyusul tahun depan", "workers_sent", "workers", 2500,
               qualifier="approx", period_start="2025", stance="planned"),
    ]
    store = Store.open(out_dir)
    try:
        store.save(Analysis(a1, claims, [], []), "kabar-hash", UNTITLED, a1.path)
        store.add_errors([SimpleNamespace(path="inbox/b_scan.pdf", reason="no text layer"),
                          SimpleNamespace(path="inbox/a_page.html", reason="too short to be an article")])
    finally:
        store.close()
    return out_dir
