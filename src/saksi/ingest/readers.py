"""Reading inputs: files, folders and globs → Documents, or one-line errors for what cannot be read."""
from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from saksi.model import Document

FORMATS = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class InputError:
    """Something that could not be read, and why (one line, for the summary and ingest_errors)."""

    path: str
    reason: str


def discover(inputs: list[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, folders (recursively) and globs into the files saksi can read, in a stable order."""
    files: list[Path] = []
    errors: list[InputError] = []
    for item in inputs:
        matches = [Path(p) for p in sorted(glob.glob(item, recursive=True))] if glob.has_magic(item) else [Path(item)]
        if not matches:
            errors.append(InputError(item, "no file matches this pattern"))
        for p in matches:
            if p.is_dir():
                for root, dirs, names in os.walk(p):
                    dirs.sort()
                    for name in sorted(names):
                        f = Path(root) / name
                        if f.suffix.lower() in FORMATS and not name.startswith("."):
                            files.append(f)
            elif p.is_file():
                if p.suffix.lower() in FORMATS:
                    files.append(p)
                else:
                    errors.append(InputError(str(p), f"unsupported file type '{p.suffix or 'none'}' (use .txt, .html, .htm, .jsonl)"))
            else:
                errors.append(InputError(str(p), "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, errors


def decode(data: bytes) -> str:
    """Bytes → text, detecting the encoding; raises ValueError with a short reason."""
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ValueError("binary file, not text") from None
        best = from_bytes(data).best()
        if best is None:
            raise ValueError("cannot detect the text encoding") from None
        text = str(best)
    if looks_binary(text):
        raise ValueError("binary file, not text")
    if not text.strip():
        raise ValueError("empty file")
    return text


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0xFFF0 <= ord(c) <= 0xFFFF)
    return bad > max(2, len(sample) // 100)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    fmt = FORMATS[path.suffix.lower()]
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(where, f"file too large ({size / 1e6:.1f} MB > limit {max_bytes / 1e6:.1f} MB; see --max-mb)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(where, f"cannot read file ({e.strerror or e})")
        return
    try:
        text = decode(data)
    except ValueError as e:
        yield InputError(where, str(e))
        return
    if fmt == "jsonl":
        yield from _read_jsonl(text, where)
    elif fmt == "html":
        yield _from_html(text, path.stem, where)
    else:
        yield Document(name=path.stem, path=where, text=text, fmt="txt")


def _from_html(html: str, name: str, where: str, **given) -> Document | InputError:
    from saksi.ingest.html import extract_html

    try:
        ex = extract_html(html, url=given.get("url"))
    except ValueError as e:
        return InputError(where, f"HTML page not usable ({e})")
    if ex is None or not (ex.text or "").strip():
        return InputError(where, "HTML page has no article text")
    return Document(name=name, path=where, text=ex.text, fmt="html", url=given.get("url") or ex.url,
                    published=given.get("published") or ex.date, outlet=given.get("outlet") or ex.sitename,
                    title=given.get("title") or ex.title, author=given.get("author") or ex.author)


def _read_jsonl(text: str, where: str) -> Iterator[Document | InputError]:
    """One article per line: {"id", "text" | "html", "url"?, "published"?, "outlet"?, "title"?, "author"?}."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        at = f"{where}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(at, f"invalid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(row, dict):
            yield InputError(at, "a line must be a JSON object")
            continue
        ident = row.get("id")
        if ident is None or str(ident).strip() == "":
            yield InputError(at, "missing 'id'")
            continue
        ident = str(ident).strip()
        given = {k: (str(row[k]).strip() if row.get(k) is not None else None)
                 for k in ("url", "published", "outlet", "title", "author")}
        if given["published"]:
            given["published"] = given["published"][:10]
        if isinstance(row.get("text"), str) and row["text"].strip():
            if looks_binary(row["text"]):
                yield InputError(at, "'text' is binary, not text")
                continue
            yield Document(name=ident, path=at, text=row["text"], fmt="jsonl", **given)
        elif isinstance(row.get("html"), str) and row["html"].strip():
            doc = _from_html(row["html"], ident, at, **given)
            if isinstance(doc, Document):
                doc.fmt = "jsonl"
            yield doc
        else:
            yield InputError(at, "needs a non-empty 'text' or 'html' string")
