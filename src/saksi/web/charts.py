"""Inline SVG charts for the web UI (no script, no library, nothing fetched): a claim group's values
over time by source, and the legend of the timeline chart. Every text in them comes from articles,
so it is escaped; colours are SVG attributes (the Content-Security-Policy allows no inline style)."""
from __future__ import annotations

import math
from datetime import date

from markupsafe import Markup, escape

from saksi.report import dossier
from saksi.web.table import date_span

# Okabe–Ito: told apart by most colour-blind readers; shapes repeat the distinction past them
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
SHAPES = ("circle", "square", "triangle", "diamond")
W, H = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 74, 20, 16, 48
LEGEND_ROW = 18
UNDATED_W = 70  # the band right of the time axis where undated claims stand


def points(rows: list[dict], href=None) -> list[dict]:
    """A chart point per claim with a number: its date (the claim's own, else its article's), value,
    source (its root, else its furthest cited source, else its outlet)."""
    out = []
    for r in rows:
        value = next((v for v in (r.get("value"), r.get("value_low"), r.get("value_high")) if v is not None), None)
        if value is None or r.get("missing"):
            continue
        when, on = (r.get("date"), "claim") if date_span(r.get("date")) else (r.get("published"), "article")
        span = date_span(when)
        out.append({"value": float(value), "day": date.fromisoformat(span[0]) if span else None,
                    "when": (when if span else None), "on": on if span else None,
                    "source": r.get("source") or "(unknown source)", "stance": r.get("stance"),
                    "label": dossier.fmt_value(r), "article": r.get("article_label") or r.get("article"),
                    "href": href(r) if href else None})
    return out


def _ticks(hi: float, n: int = 5) -> list[float]:
    """Round steps from 0 to at least `hi`."""
    if hi <= 0:
        return [0.0, 1.0]
    raw = hi / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    ticks, t = [], 0.0
    while t < hi + step * 0.999:
        ticks.append(t)
        t += step
    return ticks


def _mark(shape: str, x: float, y: float, colour: str, tip: str, cls: str = "mark") -> str:
    r = 6
    title = f"<title>{tip}</title>"
    if shape == "square":
        return (f'<rect class="{cls}" x="{x - r + 1:.1f}" y="{y - r + 1:.1f}" width="{2 * r - 2}" height="{2 * r - 2}" '
                f'fill="{colour}">{title}</rect>')
    if shape == "triangle":
        return (f'<polygon class="{cls}" points="{x:.1f},{y - r:.1f} {x + r:.1f},{y + r - 1:.1f} {x - r:.1f},{y + r - 1:.1f}" '
                f'fill="{colour}">{title}</polygon>')
    if shape == "diamond":
        return (f'<polygon class="{cls}" points="{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}" '
                f'fill="{colour}">{title}</polygon>')
    return f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r - 1}" fill="{colour}">{title}</circle>'


def style_of(sources: list[str]) -> dict[str, tuple[str, str]]:
    """Each source's (colour, shape), in the order given."""
    return {s: (COLOURS[i % len(COLOURS)], SHAPES[(i // len(COLOURS) + i) % len(SHAPES)]) for i, s in enumerate(sources)}


def values_chart(pts: list[dict], *, label: str) -> dict | None:
    """{"svg": the chart, "sources": [(source, colour, shape, n)], "points": pts sorted by date} or None
    when no claim has a number. x: date (undated claims in a band at the right), y: value from 0."""
    if not pts:
        return None
    sources = list(dict.fromkeys(p["source"] for p in sorted(pts, key=lambda p: (p["day"] is None, p["day"] or 0))))
    style = style_of(sources)
    dated = [p for p in pts if p["day"]]
    undated = [p for p in pts if not p["day"]]
    plot_r = W - RIGHT - (UNDATED_W if undated else 0)
    ticks = _ticks(max(p["value"] for p in pts))
    top_v = ticks[-1] or 1.0

    def y(v: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (1 - v / top_v)

    legend_h = LEGEND_ROW * math.ceil(len(sources) / 2) + 10
    out = [f'<svg class="values-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H + legend_h}" width="100%" '
           f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>']
    for t in ticks:
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#e3e3e3"/>'
                   f'<text x="{LEFT - 6}" y="{y(t) + 4:.1f}" font-size="11" text-anchor="end" fill="#555">'
                   f'{escape(dossier.fmt_num(t))}</text>')
    out.append(f'<text x="14" y="{(H - BOTTOM + TOP) / 2:.0f}" font-size="12" fill="#333" text-anchor="middle" '
               f'transform="rotate(-90 14 {(H - BOTTOM + TOP) / 2:.0f})">value</text>')
    out.append(f'<text x="{(LEFT + plot_r) / 2:.0f}" y="{H - 8}" font-size="12" fill="#333" text-anchor="middle">'
               "date (the claim’s own, else its article’s)</text>")
    out.append(f'<line x1="{LEFT}" x2="{plot_r}" y1="{H - BOTTOM}" y2="{H - BOTTOM}" stroke="#444"/>')
    x_of = _time_axis(out, dated, LEFT + 14, plot_r - 14)
    if undated:
        bx = plot_r + UNDATED_W / 2
        out.append(f'<line x1="{plot_r + 4}" x2="{plot_r + 4}" y1="{TOP}" y2="{H - BOTTOM}" stroke="#bbb" '
                   f'stroke-dasharray="3 3"/><text x="{bx:.0f}" y="{H - BOTTOM + 16}" font-size="11" '
                   'text-anchor="middle" fill="#555">undated</text>')
    seen: dict[tuple, int] = {}
    for p in pts:
        base_x = x_of(p["day"]) if p["day"] else plot_r + UNDATED_W / 2
        yy = y(p["value"])
        k = (round(base_x), round(yy))
        seen[k] = seen.get(k, -1) + 1
        x = base_x + 9 * seen[k]  # the same value on the same day: side by side, not hidden
        colour, shape = style[p["source"]]
        tip = escape(f"{p['label']} · {p['source']} · {p['when'] or 'undated'} · {p['article']}")
        mark = _mark(shape, x, yy, colour, tip)
        out.append(f'<a href="{escape(p["href"])}">{mark}</a>' if p["href"] else mark)
    out.append(_legend(sources, style, pts))
    out.append("</svg>")
    counts = {s: sum(1 for p in pts if p["source"] == s) for s in sources}
    ordered = sorted(pts, key=lambda p: (p["day"] is None, p["day"] or date.min, p["source"]))
    return {"svg": Markup("".join(out)), "sources": [(s, *style[s], counts[s]) for s in sources], "points": ordered}


def _time_axis(out: list[str], dated: list[dict], x0: float, x1: float):
    """Draws the date ticks; returns day → x."""
    if not dated:
        return lambda d: (x0 + x1) / 2
    lo = min(p["day"] for p in dated).toordinal()
    hi = max(p["day"] for p in dated).toordinal()
    if hi == lo:
        lo, hi = lo - 15, hi + 15
    span = hi - lo

    def x(d: date) -> float:
        return x0 + (x1 - x0) * (d.toordinal() - lo) / span

    for i in range(5):
        d = date.fromordinal(lo + round(span * i / 4))
        text = d.isoformat()[:7] if span > 90 else d.isoformat()
        out.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{H - BOTTOM}" y2="{H - BOTTOM + 4}" stroke="#444"/>'
                   f'<text x="{x(d):.1f}" y="{H - BOTTOM + 16}" font-size="11" text-anchor="middle" fill="#555">'
                   f"{text}</text>")
    return x


def _legend(sources: list[str], style: dict, pts: list[dict]) -> str:
    """The legend under the chart, two columns: each source's mark, name (cut to 40 characters) and
    number of claims."""
    out = ['<g class="legend">']
    col_w = (W - LEFT - RIGHT) / 2
    for i, s in enumerate(sources):
        colour, shape = style[s]
        cnt = sum(1 for p in pts if p["source"] == s)
        x = LEFT + col_w * (i % 2)
        y = H + 4 + LEGEND_ROW * (i // 2)
        name = s if len(s) <= 40 else s[:39] + "…"
        out.append(_mark(shape, x + 6, y, colour, escape(s), "key"))
        out.append(f'<text x="{x + 18:.0f}" y="{y + 4}" font-size="12" fill="#222">{escape(name)} '
                   f'<tspan fill="#666">({cnt})</tspan></text>')
    out.append("</g>")
    return "".join(out)


def timeline_legend(rows: list[dict]) -> list[tuple[str, Markup, int]]:
    """The timeline chart's legend: (event type, its swatch as a tiny SVG, how many events), in the
    colours the chart uses."""
    colours = dossier.TYPE_COLORS
    counts: dict[str, int] = {}
    for r in rows:
        counts[str(r.get("type"))] = counts.get(str(r.get("type")), 0) + 1
    return [(t, Markup(f'<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
                       f'<circle cx="6" cy="6" r="5" fill="{colours.get(t, colours["other"])}"/></svg>'), n)
            for t, n in sorted(counts.items(), key=lambda kv: -kv[1])]
