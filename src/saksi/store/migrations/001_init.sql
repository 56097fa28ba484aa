-- saksi schema, version 1. Offsets (start, end) are character offsets into articles.text.

-- One row per distinct article text (keyed by the hash of its normalised body).
CREATE TABLE articles (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,            -- the first input name this text was read under
    path TEXT NOT NULL,
    fmt TEXT NOT NULL,
    language TEXT,
    title TEXT, outlet TEXT, author TEXT, dateline TEXT, published TEXT, url TEXT,
    body TEXT NOT NULL,
    captions TEXT NOT NULL,        -- JSON list
    cited_sources TEXT NOT NULL,   -- JSON list
    text TEXT NOT NULL             -- the original text, as read
);

-- One row per input document (file stem or JSONL id); several may share one article.
CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    duplicate_of TEXT              -- name of the document first read with the same text, or NULL
);
CREATE INDEX documents_key ON documents(key);

CREATE TABLE lines (
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL, detail TEXT,
    PRIMARY KEY (key, idx)
);

CREATE TABLE paragraphs (
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    language TEXT, caption INTEGER NOT NULL,
    PRIMARY KEY (key, idx)
);

CREATE TABLE sentences (
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    paragraph INTEGER NOT NULL, caption INTEGER NOT NULL,
    PRIMARY KEY (key, idx)
);

CREATE TABLE mentions (
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, canonical TEXT NOT NULL, type TEXT NOT NULL, qid TEXT, role TEXT
);
CREATE INDEX mentions_key ON mentions(key);
CREATE INDEX mentions_canonical ON mentions(canonical);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,           -- <article key>:<n>
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    action TEXT NOT NULL, object TEXT NOT NULL, actor TEXT, recipient TEXT,
    value REAL, value_low REAL, value_high REAL, qualifier TEXT NOT NULL,
    period_start TEXT, period_end TEXT,
    attributed_to TEXT NOT NULL,   -- JSON list, nearest source first
    stance TEXT NOT NULL, in_caption INTEGER NOT NULL, sentence TEXT
);
CREATE INDEX claims_key ON claims(key);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    date TEXT NOT NULL, type TEXT NOT NULL, summary TEXT NOT NULL,
    participants TEXT NOT NULL,    -- JSON list
    place TEXT, quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    in_caption INTEGER NOT NULL
);
CREATE INDEX events_key ON events(key);

CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    run_at TEXT NOT NULL, path TEXT NOT NULL, reason TEXT NOT NULL
);

-- Corpus-stage tables: rebuilt as a whole after every run (rows are JSON objects).
CREATE TABLE corpus_tables (
    name TEXT NOT NULL, idx INTEGER NOT NULL, row TEXT NOT NULL,
    PRIMARY KEY (name, idx)
);
