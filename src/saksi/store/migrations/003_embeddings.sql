-- saksi schema, version 3: embeddings of article leads, cached so reruns embed only new texts.
CREATE TABLE embeddings (
    text_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,          -- float32, little-endian
    PRIMARY KEY (text_hash, model)
);
