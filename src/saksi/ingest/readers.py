"""Reading inputs: files, folders and globs → Documents, or one-line errors for what cannot be read."""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from saksi.model import Document
from saksi.timezones import timestamp_offset

FORMATS = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
           ".jsonl.gz": "jsonl"}


def format_of(path) -> str | None:
    """The input format a file name stands for ('txt', 'html', 'jsonl'), or None."""
    name = Path(path).name.lower()
    if name.endswith(".jsonl.gz"):
        return "jsonl"
    return FORMATS.get(Path(name).suffix)


def stem_of(path) -> Path:
    """The path without its format suffix (both parts of `.jsonl.gz`)."""
    p = Path(path)
    return p.with_name(p.name[:-len(".jsonl.gz")]) if p.name.lower().endswith(".jsonl.gz") else p.with_suffix("")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class InputError:
    """Something that could not be read, and why (one line, for the summary and ingest_errors)."""

    path: str
    reason: str


def shown(path) -> str:
    """A path as text that can be printed and stored: undecodable bytes of a file name as \\xNN."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        s = os.fsdecode(s)
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def discover(inputs: list[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, folders (recursively) and globs into the files saksi can read, in a stable order."""
    files, errors = discover_named(inputs)
    return [f for f, _ in files], errors


def discover_named(inputs: list[str]) -> tuple[list[tuple[Path, str]], list[InputError]]:
    """Like `discover`, with each file's base name: its path relative to the folder given, without
    the suffix (a file given directly or by a glob: its stem)."""
    files: list[tuple[Path, str]] = []
    errors: list[InputError] = []
    for item in inputs:
        matches = [Path(p) for p in sorted(glob.glob(item, recursive=True))] if glob.has_magic(item) else [Path(item)]
        if not matches:
            errors.append(InputError(shown(item), "no file matches this pattern"))
        for p in matches:
            try:
                is_dir, exists = p.is_dir(), os.path.lexists(p)
            except OSError as e:
                errors.append(InputError(shown(p), f"cannot read ({e.strerror or e})"))
                continue
            if is_dir:
                def unreadable(e: OSError) -> None:
                    errors.append(InputError(shown(e.filename or p), f"cannot read folder ({e.strerror or e})"))

                for root, dirs, names in os.walk(p, onerror=unreadable):
                    dirs.sort()
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    for name in sorted(names):
                        f = Path(root) / name
                        if format_of(f) and not name.startswith("."):
                            rel = f.relative_to(p)
                            files.append((f, shown(stem_of(rel).as_posix())))
            elif exists and format_of(p):
                files.append((p, shown(stem_of(p).name)))
            elif exists and (p.is_file() or p.is_symlink()):
                errors.append(InputError(shown(p), f"unsupported file type '{shown(p.suffix) or 'none'}' (use .txt, .html, .htm, .jsonl, .jsonl.gz)"))
            elif exists:
                errors.append(InputError(shown(p), "not a regular file"))
            else:
                errors.append(InputError(shown(p), "no such file or folder"))
    seen: set[str] = set()
    unique = []
    for f, name in files:
        try:
            r = os.path.realpath(f)
        except (OSError, RuntimeError):
            r = os.path.abspath(f)
        if r not in seen:
            seen.add(r)
            unique.append((f, name))
    return unique, errors


def mb(n: float) -> str:
    """A size for a message: '12.7 MB', '340 KB', '12 bytes' (1 MB = 1024 * 1024 bytes, as --max-mb)."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.3g} MB"
    if n >= 1024:
        return f"{n / 1024:.3g} KB"
    return f"{int(n)} bytes"


def decode(data: bytes) -> str:
    """Bytes → text, detecting the encoding; raises ValueError with a short reason.

    UTF-8 (with or without a BOM), UTF-16 with a BOM or without one (told by its zero bytes), else
    the encoding charset_normalizer finds. What decodes but is no text is refused: only byte-order
    marks, control characters, letters of many scripts at once (random bytes), or a few bytes in no
    known encoding."""
    if not data.strip():
        raise ValueError("empty file")
    guessed = False
    bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = _utf16(data)  # before UTF-8: UTF-16 of ASCII letters is valid UTF-8 too (with NULs)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data[:4096]:
                raise ValueError("binary file, not text") from None
            best = from_bytes(data).best()
            if best is None:
                raise ValueError("cannot detect the text encoding") from None
            text, guessed = str(best), True
    if not _INVISIBLE.sub("", text):
        raise ValueError("empty file (only a byte-order mark)" if bom or "\ufeff" in text else "empty file")
    if looks_binary(text):
        raise ValueError("binary file, not text")
    if guessed and len(data) < MIN_GUESSED_BYTES:
        raise ValueError(f"not text: {mb(len(data))} in no known encoding (not UTF-8 or UTF-16), too few to tell")
    why = not_text(text, strict=guessed)
    if why:
        raise ValueError(f"not text ({why})")
    return text


# a text decoded by guessing its encoding from fewer bytes than this is more likely random bytes
MIN_GUESSED_BYTES = 32
_INVISIBLE = re.compile(r"[\s\ufeff\u200b-\u200d\u2060]+")


def _utf16(data: bytes) -> str | None:
    """UTF-16 text with a BOM, or without one: bytes holding zero bytes (which UTF-8 text never does)
    that decode as UTF-16 to text in one script. None when the bytes are not that."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        sample = data[:8192]
        if b"\x00" not in sample or len(data) < 4:
            return None
        # the zero bytes (high bytes of spaces and Latin letters) fall on odd offsets in little-endian
        encodings = ["utf-16-le", "utf-16-be"] if sample[1::2].count(0) >= sample[0::2].count(0) else \
            ["utf-16-be", "utf-16-le"]
    for enc in encodings:
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-16" or not (looks_binary(text) or not_text(text, strict=True)):
            return text
    return None


# scripts counted as one: Japanese mixes kanji and kana, full- and half-width forms are variants
_SCRIPT_GROUP = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK", "IDEOGRAPHIC": "CJK",
                 "KANGXI": "CJK", "BOPOMOFO": "CJK"}


def not_text(text: str, strict: bool = False) -> str | None:
    """Why decoded characters are no text (None when they are): no letters, letters from many
    scripts at once, or control, unassigned and private-use characters, as random bytes decode to (a text is
    written mostly in one script, in assigned characters). `strict`, for an encoding that was guessed:
    one script at least 85 % of the letters (in Latin script, at most half of them accented), and spaces
    or punctuation between words, as any text has."""
    import unicodedata

    sample = text[:4096]
    scripts: dict[str, int] = {}
    letters = odd = breaks = 0
    for c in sample:
        cat = unicodedata.category(c)
        if cat in ("Co", "Cn", "Cs") or (cat == "Cc" and c not in "\n\r\t\f"):
            odd += 1
        elif cat[0] in "ZP" or c in "\n\r\t":
            breaks += 1
        elif c.isalpha():
            letters += 1
            word = unicodedata.name(c, "? ?").split(" ", 1)[0]
            word = _SCRIPT_GROUP.get(word, word)
            scripts[word] = scripts.get(word, 0) + 1
    if odd > len(sample) // 50:
        return "control, unassigned or private-use characters, as random bytes give"
    if letters < 2:
        return "no letters" if not letters else "one letter"
    top = max(scripts.values())
    if letters >= 4 and top < (0.85 if strict else 0.6) * letters:
        return f"letters of {len(scripts)} scripts mixed, as random bytes give"
    if strict and top == scripts.get("LATIN") and 2 * sum(c.isalpha() and ord(c) > 0x7F for c in sample) > letters:
        return "accented letters everywhere, as random bytes give"
    if strict and breaks * 30 < len(sample):
        return "no spaces or punctuation between words, as random bytes give"
    return None


# control characters other than \t \n \f \r, and the specials block (U+FFF0..U+FFFF, the replacement
# character among them): what binary bytes decode to
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufff0-\uffff]")


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_BINARY.findall(sample)) > max(2, len(sample) // 100)


def _open_regular(path: Path):
    """Open a regular file for reading (no FIFOs, devices or sockets, which could hang or never end)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
                    or stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a file")
            raise ValueError(f"not a regular file ({kind})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st.st_size
    except BaseException:
        os.close(fd)
        raise


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None,
              extract: bool = True) -> Iterator[Document | InputError]:
    """The documents of one input file, one at a time (a JSONL file line by line, gzipped or not).

    ``extract=False`` leaves an HTML page unextracted (``Document.html`` holds it, ``text`` is empty):
    the run extracts it in its workers with `extract_document`."""
    fmt = format_of(path)
    where = shown(path)
    name = name if name is not None else shown(stem_of(path).name)
    try:
        fh, size = _open_regular(path)
    except ValueError as e:
        yield InputError(where, str(e))
        return
    except OSError as e:
        yield InputError(where, f"cannot read file ({e.strerror or e})")
        return
    with fh:
        if fmt == "jsonl":  # the limit is per article, so per line: a corpus file may be any size
            if path.name.lower().endswith(".gz"):
                import gzip

                fh = gzip.GzipFile(fileobj=fh, mode="rb")
            yield from _read_jsonl_lines(fh, where, max_bytes, extract)
            return
        if size > max_bytes:
            yield InputError(where, f"file too large ({mb(size)} > limit {mb(max_bytes)}; see --max-mb)")
            return
        try:
            data = fh.read(max_bytes + 1)
        except OSError as e:
            yield InputError(where, f"cannot read file ({e.strerror or e})")
            return
    if len(data) > max_bytes:
        yield InputError(where, f"file too large (over the limit of {mb(max_bytes)}; see --max-mb)")
        return
    try:
        text = decode(data)
    except ValueError as e:
        yield InputError(where, str(e))
        return
    if fmt == "html":
        doc = Document(name=name, path=where, text="", fmt="html", html=text)
        yield extract_document(doc) if extract else doc
    else:
        yield Document(name=name, path=where, text=text, fmt="txt")


def extract_document(doc: Document) -> Document | InputError:
    """An HTML document's main text and metadata (what the input gave wins over the page's own)."""
    from saksi.ingest.html import extract_html

    if doc.html is None:
        return doc
    where = doc.path
    try:
        ex = extract_html(doc.html, url=doc.url)
    except RecursionError:
        return InputError(where, "HTML page nested too deeply to read")
    except ValueError as e:
        return InputError(where, f"HTML page not usable ({e})")
    if ex is None or not (ex.text or "").strip():
        return InputError(where, "HTML page has no article text")
    # the page's offset only with the page's own date: an input's date may be another time than the page's
    tz = doc.published_tz or (ex.timezone if doc.published in (None, ex.date) else None)
    return Document(name=doc.name, path=where, text=ex.text, fmt=doc.fmt, url=doc.url or ex.url,
                    published=doc.published or ex.date, published_tz=tz, outlet=doc.outlet, site=ex.sitename,
                    title=doc.title or ex.title, author=doc.author or ex.author, digest=doc.digest)


_SURROGATE = re.compile("[\ud800-\udfff]")
# "no date" placeholders written by databases and scrapers: read as no date at all
_NO_DATE = ("0000-00-00", "0001-01-01", "1900-01-01", "1970-01-01", "9999-12-31")


def published_date(value: str) -> str | None:
    """A JSONL `published` value → 'YYYY-MM-DD' (None for a 'no date' placeholder); ValueError if not a date."""
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", v)
    if not m:
        raise ValueError("is not a date (use YYYY-MM-DD...)")
    day = v[:10]
    if day in _NO_DATE:
        return None
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError("is not a valid date") from None
    if not 1800 <= d.year <= 2200:
        raise ValueError("has a year out of range (1800-2200)")
    return day


def _read_jsonl_lines(fh, where: str, max_bytes: int, extract: bool = True) -> Iterator[Document | InputError]:
    """A JSONL file read line by line (only \\n ends a line: U+2028, U+2029 and U+0085 are text)."""
    seen: dict[str, tuple[int, str]] = {}  # id -> (line, hash of its text)
    n = 0
    while True:
        try:
            raw = fh.readline(max_bytes + 1)
        except OSError as e:  # also a corrupt gzip stream (gzip.BadGzipFile)
            yield InputError(where, f"cannot read file ({e.strerror or e})")
            return
        except EOFError:
            yield InputError(where, "gzip file ends early (truncated); the lines before were read")
            return
        if not raw:
            return
        n += 1
        at = f"{where}:{n}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of this line
                raw = fh.readline(1024 * 1024)
            yield InputError(at, f"line too large (over the limit of {mb(max_bytes)}; see --max-mb)")
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield InputError(at, f"not UTF-8 text (byte {e.start + 1})")
            continue
        item = _jsonl_row(line.rstrip("\r\n"), at)
        if item is None:
            continue
        if isinstance(item, Document):
            h = item.digest = raw_digest(item)
            if item.name in seen:
                first, fh_ = seen[item.name]
                yield InputError(at, f"'id' {item.name!r} already used at line {first}"
                                     + (" with the same text" if fh_ == h else " with other text"))
                continue
            seen[item.name] = (n, h)
            if extract:
                item = extract_document(item)
        yield item


def _read_jsonl(text: str, where: str) -> Iterator[Document | InputError]:
    """One article per line: {"id", "text" | "html", "url"?, "published"?, "outlet"?, "title"?, "author"?}."""
    import io

    yield from _read_jsonl_lines(io.BytesIO(text.encode("utf-8", "surrogatepass")), where, 1 << 62)


def _jsonl_row(line: str, at: str) -> Document | InputError | None:
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        msg = e.msg[:-3] if e.msg.endswith(" at") else e.msg
        return InputError(at, f"invalid JSON ({msg} at column {e.colno})")
    except RecursionError:
        return InputError(at, "invalid JSON (nested too deeply)")
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        return InputError(at, f"invalid JSON ({str(e).split(';')[0]})")
    if not isinstance(row, dict):
        return InputError(at, "a line must be a JSON object")
    ident = row.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        if ident is None:
            return InputError(at, "missing 'id'")
        return InputError(at, f"'id' must be a string or an integer, not {_json_type(ident)}")
    ident = str(ident).strip()
    if not ident:
        return InputError(at, "missing 'id'")
    if _SURROGATE.search(ident):
        return InputError(at, "'id' holds an invalid character (a lone surrogate escape)")
    given: dict[str, str | None] = {}
    for k in ("url", "published", "outlet", "title", "author"):
        v = row.get(k)
        if v is None:
            given[k] = None
        elif not isinstance(v, str):
            return InputError(at, f"'{k}' must be a string, not {_json_type(v)}")
        else:
            given[k] = _SURROGATE.sub("\ufffd", v).strip() or None
    if given["published"]:
        stated = given["published"]
        try:
            given["published"] = published_date(stated)
        except ValueError as e:
            return InputError(at, f"'published' {stated[:40]!r} {e}")
        given["published_tz"] = timestamp_offset(stated) if given["published"] else None
    for k in ("text", "html"):
        if isinstance(row.get(k), str) and _SURROGATE.search(row[k]):
            row[k] = _SURROGATE.sub("\ufffd", row[k])  # one character for one: offsets stay
    if isinstance(row.get("text"), str) and row["text"].strip():
        if looks_binary(row["text"]):
            return InputError(at, "'text' is binary, not text")
        return Document(name=ident, path=at, text=row["text"], fmt="jsonl", **given)
    if isinstance(row.get("html"), str) and row["html"].strip():
        return Document(name=ident, path=at, text="", fmt="jsonl", html=row["html"], **given)
    return InputError(at, "needs a non-empty 'text' or 'html' string")


def raw_digest(doc: Document) -> str:
    """sha256 of the document as read (its page for HTML), so a rerun knows it without extracting it."""
    raw = doc.html if doc.html is not None else doc.text
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _json_type(v) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", float: "a decimal number", int: "a number",
            str: "a string"}.get(type(v), type(v).__name__)
