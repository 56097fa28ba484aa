-- saksi schema, version 7: each article's MinHash signature, computed with it in the map step, so the
-- corpus stage reads it instead of computing it for every article on every run.
CREATE TABLE signatures (
    key TEXT PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    scheme TEXT NOT NULL,          -- corpus.keys.scheme: permutations, shingle size, seed
    shingles INTEGER NOT NULL,     -- word shingles of the body
    sig BLOB NOT NULL              -- uint32, little-endian
);
