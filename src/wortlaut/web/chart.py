"""The person timeline chart: stacked bars of statements (by mode) and events per day or week, as SVG.

Rendered on the server, so the page needs no chart library and works
without JavaScript; every bar has a ``<title>`` (read by screen readers and
shown on hover) and the page repeats the numbers in a table.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from wortlaut.i18n import _, day, number
from wortlaut.store.pages import DayCount

#: Colours per statement mode and for events: the Okabe–Ito palette, distinguishable with colour blindness.
COLOURS = {
    "direct": "#0072B2",
    "indirect": "#E69F00",
    "reported": "#009E73",
    "free_indirect": "#CC79A7",
    "post": "#56B4E9",
    "headline": "#D55E00",
    "event": "#444444",
    "unknown": "#999999",
}
#: Above this many days between first and last item, bars count weeks instead of days (keeps bars legible).
DAILY_MAX_SPAN = 62
WIDTH, HEIGHT, MARGIN = 640, 160, 24
#: Narrowest and widest bar in SVG units.
MIN_BAR, MAX_BAR = 3.0, 28.0


@dataclass(frozen=True, slots=True)
class Bar:
    """One bucket (a day, or the Monday of a week) with its counts per kind."""

    start: str
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def bucket(days: list[DayCount]) -> tuple[str, list[Bar]]:
    """Group day counts into daily or weekly bars (``("day"|"week", bars)``), oldest first."""
    dated = [(parsed, item) for item in days if (parsed := _day(item.day)) is not None]
    if not dated:
        return "day", []
    first = min(parsed for parsed, _ in dated)
    last = max(parsed for parsed, _ in dated)
    unit = "day" if (last - first).days <= DAILY_MAX_SPAN else "week"
    grouped: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for parsed, item in dated:
        key = parsed if unit == "day" else parsed - timedelta(days=parsed.weekday())
        grouped[key][item.kind] += item.count
    order = list(COLOURS)
    bars = [
        Bar(
            start=key.isoformat(),
            counts=tuple(sorted(kinds.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)),
        )
        for key, kinds in sorted(grouped.items())
    ]
    return unit, bars


def _position(bars: list[Bar], unit: str) -> list[float]:
    """x of each bar, proportional to its date so gaps in time show as gaps."""
    first, last = _day(bars[0].start), _day(bars[-1].start)
    assert first is not None and last is not None
    span = max((last - first).days, 1)
    inner = WIDTH - 2 * MARGIN
    if len(bars) == 1:
        return [WIDTH / 2]
    return [MARGIN + inner * ((_day(bar.start) or first) - first).days / span for bar in bars]


def svg(days: list[DayCount], *, label: str) -> Markup:
    """The chart as inline SVG markup (empty when there is nothing dated)."""
    unit, bars = bucket(days)
    if not bars:
        return Markup("")
    peak = max(bar.total for bar in bars)
    xs = _position(bars, unit)
    gap = min((b - a for a, b in itertools.pairwise(xs)), default=MAX_BAR * 2)
    width = max(MIN_BAR, min(MAX_BAR, gap * 0.7))
    scale = (HEIGHT - 2 * MARGIN) / peak
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title"'
        f' preserveAspectRatio="xMidYMid meet"><title id="chart-title">{escape(label)}</title>',
        f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" y2="{HEIGHT - MARGIN}"'
        ' class="axis"/>',
    ]
    for bar, x in zip(bars, xs, strict=True):
        parts.append(f'<g class="bar" data-date="{bar.start}" data-total="{bar.total}">')
        y = float(HEIGHT - MARGIN)
        for kind, count in bar.counts:
            height = count * scale
            y -= height
            what = _("events") if kind == "event" else _("%(mode)s statements", mode=_(kind))
            parts.append(
                f'<rect x="{x - width / 2:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"'
                f' fill="{COLOURS.get(kind, COLOURS["unknown"])}" data-kind="{escape(kind)}">'
                f"<title>{escape(_(unit))} {escape(day(bar.start))}: {number(count)} {escape(what)}"
                "</title></rect>"
            )
        parts.append("</g>")
    parts.append(f'<text x="{MARGIN}" y="{HEIGHT - 6}" class="tick">{escape(day(bars[0].start))}</text>')
    if len(bars) > 1:
        end = WIDTH - MARGIN
        parts.append(
            f'<text x="{end}" y="{HEIGHT - 6}" class="tick" text-anchor="end">'
            f"{escape(day(bars[-1].start))}</text>"
        )
    peak_text = escape(_("max %(n)s per %(unit)s", n=number(peak), unit=_(unit)))
    parts.append(f'<text x="{MARGIN}" y="{MARGIN - 8}" class="tick">{peak_text}</text></svg>')
    return Markup("".join(parts))
