"""Entities: the knowledge base of canonical names (``kb``), resolution of names found in an
article to canonical entities (``resolver``) and named-entity recognition (``ner``).

``KB.load()`` once per process; ``ArticleResolver(kb)`` once per article.
"""
