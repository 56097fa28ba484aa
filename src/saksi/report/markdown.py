"""report.md: the dossier as Markdown, from the same data as report.html (`dossier.collect`).

Article text is untrusted here too: Markdown viewers render inline HTML and links, so every piece of
text from an article goes through `md` (HTML-escaped and Markdown punctuation backslash-escaped);
article bodies go through `md_block` (each line so escaped, block markers too, as a quotation), so no
raw HTML from an article reaches the file, not even inside a code block."""
from __future__ import annotations

import re

from saksi.report.dossier import GROUP_ROWS, SECTION_NAMES, SOURCES_RULE, fmt_period, fmt_value, published_range

_MD_SPECIAL = re.compile(r"([\\`*{}\[\]|~]|(?<!\w)_|_(?!\w))")


def md(value, limit: int | None = None) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, no HTML, no markup."""
    if value is None:
        return ""
    s = " ".join(str(value).split())
    if limit and len(s) > limit:
        s = s[: limit - 1] + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_list(values, sep: str = ", ") -> str:
    return sep.join(md(v) for v in values or [])


_BLOCK_START = re.compile(r"^([#+=-])|^(\d+)([.)])")


def md_block(text: str | None) -> str:
    """Text of many lines as a Markdown quotation: each line escaped like `md` (no HTML, no inline
    markup), a leading heading, list, rule or setext marker escaped, line breaks kept."""
    out = []
    for raw in (text or "").split("\n"):
        line = md(raw)
        line = _BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)
        out.append(f"> {line}  " if line else ">")
    while out and out[-1] == ">":
        out.pop()
    return "\n".join(out) if out else "> (empty)"


def code_block(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text or "")), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text or ''}\n{fence}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def render_markdown(d: dict) -> str:
    ov = d["overview"]
    labels = d.get("article_label") or {}
    more = d.get("more") or {}

    def more_note(section: str) -> list[str]:  # rows the dossier leaves out (dossier.SECTION_ROWS)
        n = more.get(section)
        what, table = SECTION_NAMES[section]
        return [f"_… and {n} more {what}: browse them with `saksi serve`, or export them (`saksi export`: {table})._", ""] if n else []

    def art(name) -> str:  # an article by its title and outlet; the file name is in its section
        return md(labels.get(name, name))

    def arts(names) -> str:
        return "; ".join(art(x) for x in names or [])

    L: list[str] = ["# saksi dossier", "",
                    f"Generated {d['generated']} · {md(published_range(ov))}. "
                    "Quoted text is reproduced as read from the articles.", "",
                    "## Overview", ""]
    L += _table(["", "count"], [[k, str(v)] for k, v in (
        ("articles", ov["articles"]), ("inputs read", ov["documents"]), ("duplicate inputs", ov["duplicates"]),
        ("outlets", len(ov["outlets"])), ("claims", ov["claims"]), ("claim groups", d.get("group_count", len(d["groups"]))),
        ("events", ov["events"]), ("event reports", ov["event_reports"]), ("entities", ov["entities"]), ("stories", d.get("story_count", len(d["stories"]))),
        ("inputs skipped", len(ov["errors"])))])
    L += ["", "**Outlets:** " + (", ".join(f"{md(o)} ({n})" for o, n in ov["outlets"]) or "none"),
          "", "**Languages:** " + (", ".join(f"{md(lang)} ({n})" for lang, n in ov["languages"]) or "none"), ""]
    if ov["errors"]:
        L += ["### Skipped inputs", ""]
        L += _table(["input", "reason"], [[md(e["path"]), md(e["reason"])] for e in ov["errors"]])
        L.append("")

    L += ["## Claims ledger", "", f"_{md(SOURCES_RULE)}_", ""]
    if not d["tables"]:
        L += ["_The corpus stage has not run: claims are grouped by actor, action and object, without verdicts._", ""]
    for g in d["groups"]:
        head = f"### {md(g['actor'] or '(no actor)')} · {md(g['action'])} · {md(g['object'])}"
        if g["recipient"]:
            head += f" → {md(g['recipient'])}"
        L += [head, ""]
        facts = [f"values: {md_list(g['values'], ' · ')}"]
        if g["range_text"]:
            facts.append(f"range: {md(g['range_text'])}")
        roots = f" ({md_list(g['roots'])})" if g["roots"] else ""
        facts.append(f"independent sources: **{md(g['independent_sources'])}**{roots}")
        if g.get("relayed_by"):
            facts.append(f"not counted: {md_list(g['relayed_by'])}: relayed without naming a source")
        if len(g["claims"]) > 1 and g.get("by_source"):
            facts.append("values by source over time: " + "; ".join(
                f"{md(s['source'])}: " + ", ".join(f"{md(v['when'] or 'undated')} {md(v['value'])}" for v in s["values"])
                for s in g["by_source"]))
        for v in g["verdict_rows"]:
            facts.append(f"**{md(v['label'])}**: {md(v['explanation'])}")
        if g["verdict"] and not g["verdict_rows"]:
            facts.append(f"verdict: **{md(g['verdict_label'])}**")
        if g["qualifiers"]:
            facts.append(f"qualifiers: {md_list(g['qualifiers'])}")
        if g["periods"]:
            facts.append(f"periods: {md_list(g['periods'], '; ')}")
        L += [f"- {f}" for f in facts] + [""]
        L += _table(["value", "period", "stance", "according to", "root", "article", "quote"],
                    [[md(fmt_value(c)), md(fmt_period(c)), md(c.get("stance")), md_list(c.get("attributed_to"), " ← "),
                      md(c.get("root")), art(c.get("article")), "“" + md(c.get("quote"), 300) + "”"]
                     for c in g["claims"][:GROUP_ROWS]])
        if g.get("more_claims"):
            L.append(f"_… and {g['more_claims']} more claims: browse them with `saksi serve`._")
        L.append("")
    L += more_note("groups")

    L += ["## Timeline", ""]
    if d["timeline"]:
        L += _table(["date", "type", "summary", "participants", "place", "articles"],
                    [[md(r.get("date")), md(r.get("type")), md(r.get("summary")), md_list(r.get("participants")),
                      md(r.get("place")), arts(r.get("articles"))] for r in d["timeline"]])
    else:
        L.append("No dated events.")
    L.append("")
    L += more_note("timeline")

    L += ["## Stories", ""]
    if d["stories"]:
        L += _table(["story", "about", "dates", "articles"],
                    [[md(s["id"]), md(s["label"]), md(" … ".join(x for x in (s.get("first_date"), s.get("last_date")) if x)),
                      arts(s["members"]) + (f" and {s['more_members']} more" if s.get("more_members") else "")]
                     for s in d["stories"]])
    else:
        L.append("No stories.")
    L.append("")
    L += more_note("stories")

    L += ["## Entity index", ""]
    L += _table(["canonical", "type", "aliases seen", "mentions", "articles"],
                [[md(e["canonical"]), md(e["type"]), md_list(e["aliases"], " · "), str(e["mentions"]),
                  arts(e["articles_shown"]) + (f" and {e['more_articles']} more" if e["more_articles"] else "")]
                 for e in d["entities"]])
    L.append("")
    L += more_note("entities")

    L += ["## Duplicates and copies", ""]
    if d["copies"]:
        L += _table(["article", "copy of", "kind", "score", "evidence"],
                    [[art(c.get("article")), art(c.get("copy_of")), md(c.get("kind")), md(c.get("score")),
                      md(c.get("evidence"))] for c in d["copies"]])
    else:
        L.append("None found.")
    L.append("")
    L += more_note("copies")

    L += ["## Articles", ""]
    if d.get("hidden_articles"):
        L += [f"_{len(d['articles'])} of {len(labels)} articles are described here (those with "
              f"claims that contradict, deny or differ in scope first); browse all with `saksi serve`._", ""]
    for a in d["articles"]:
        L += [f"### {md(a['label'])}", ""]
        meta = [("file", a["article"]), ("outlet", a.get("outlet")), ("author", a.get("author")), ("dateline", a.get("dateline")),
                ("published", a.get("published")), ("language", a.get("language")), ("url", a.get("url")),
                ("cited sources", ", ".join(a.get("cited_sources") or []) or None)]
        L += [f"- {k}: {md(v) if v else '—'}" for k, v in meta]
        for c in a.get("captions") or []:
            L.append(f"- caption: {md(c)}")
        L.append("")
        if a["claims"]:
            L += ["**Claims**", ""]
            for c in a["claims"]:
                src = f" according to {md_list(c.get('attributed_to'), ' ← ')}" if c.get("attributed_to") else ""
                L.append(f"- {md(fmt_value(c))} {md(c.get('object'))}, {md(c.get('action'))}"
                         f"{' by ' + md(c['actor']) if c.get('actor') else ''} \\[{md(c.get('stance'))}\\]{src}: "
                         f"“{md(c.get('quote'), 400)}”")
            L.append("")
        if a["events"]:
            L += ["**Events**", ""]
            L += [f"- {md(e.get('date'))} {md(e.get('type'))}: {md(e.get('summary'))}" for e in a["events"]]
            L.append("")
        L += ["**Clean body**", "", md_block(a.get("body")), ""]
        if a["removed"]:
            L += ["**Removed from the body**", ""]
            for kind, lines in a["removed"]:
                L.append(f"- {md(kind)}: " + " · ".join(md(t, 200) for t in lines))
            L.append("")
    return "\n".join(L) + "\n"
