"""Reading inputs: text files, HTML pages, JSONL corpora."""
