"""The drawn timeline: one SVG made at build time, time across, one lane per kind of event.

Each mark is a link to the event's page; its shape and colour say the kind, and a hollow mark says
the event was announced but not held (planned, postponed or cancelled). No script is needed; the
filter on the timeline page, where script runs, hides marks along with the list.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .escape import Md, html_text
from .model import Round, parse_day

WIDTH = 720  # the content column at desktop width, so text is drawn at its real size
LEFT = 78  # room for the lane names
RIGHT = 16
LANE = 46
TOP = 8
AXIS = 34
RADIUS = 5.5
SUBROWS = 3  # marks too close to each other step down within their lane, up to this many rows
CHAR = 6.1  # average width of a character of the 11 px labels


@dataclass(frozen=True)
class Lane:
    key: str
    label: str
    formats: tuple[str, ...]
    shape: str


LANES = (
    Lane("talks", "Talks", ("bilateral", "trilateral", "multilateral"), "circle"),
    Lane("summit", "Summits", ("summit",), "square"),
    Lane("visit", "Envoy visits", ("visit",), "triangle"),
    Lane("call", "Calls", ("call",), "diamond"),
)
_LANE_OF = {f: lane for lane in LANES for f in lane.formats}
HELD = "held"


def shape(kind: str, x: float, y: float, r: float = RADIUS) -> str:
    """The outline of a mark centred on (x, y)."""
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f} {y - r - 1:.1f}l{r + 1:.1f} {2 * r + 1:.1f}h{-2 * r - 2:.1f}z"/>'
    return f'<path d="M{x:.1f} {y - r - 1:.1f}l{r + 1:.1f} {r + 1:.1f}l{-r - 1:.1f} {r + 1:.1f}l{-r - 1:.1f} {-r - 1:.1f}z"/>'


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    out, day = [], first.replace(day=1)
    while day <= last:
        out.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def _label(r: Round) -> str:
    return r.place.city if r.place else "call"


def _name(r: Round) -> str:
    """What a mark says to a screen reader and in its tooltip."""
    when = r.start if not r.end or r.end == r.start else f"{r.start} to {r.end}"
    state = "" if r.status == HELD else f" ({r.status})"
    return f"{r.title}, {when}{state}"


def draw(rounds: Sequence[Round], href: Callable[[Round], str]) -> Md:
    """The SVG of `rounds` (in date order); `href` gives each round's page address."""
    if not rounds:
        return Md("")
    first = parse_day(rounds[0].start)
    last = max(parse_day(r.end or r.start) for r in rounds)
    months = _months(first, last)
    start = months[0]
    end = (months[-1].replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    scale = (WIDTH - LEFT - RIGHT) / max((end - start).days, 1)
    lanes = [lane for lane in LANES if any(_LANE_OF.get(r.format) is lane for r in rounds)]
    height = TOP + LANE * len(lanes) + AXIS

    def x_of(day: dt.date) -> float:
        return LEFT + (day - start).days * scale

    parts = [f'<svg class="peace-timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
             f'role="group" aria-label="Timeline of {len(rounds)} events, {months[0]:%B %Y} to {months[-1]:%B %Y}; '
             'the list below gives the same events as text">']
    parts += _grid(months, x_of, height)
    for index, lane in enumerate(lanes):
        top = TOP + index * LANE
        parts.append(f'<text class="peace-timeline__lane" x="4" y="{top + LANE / 2 + 4:.0f}">{lane.label}</text>')
        parts += _lane_marks([r for r in rounds if _LANE_OF.get(r.format) is lane], lane, top, x_of, href)
    parts.append("</svg>")
    return Md("".join(parts))


def _grid(months: list[dt.date], x_of: Callable[[dt.date], float], height: int) -> list[str]:
    """Month ticks along the bottom, with the year at January and at the start."""
    step = max(1, round(len(months) * 34 / (WIDTH - LEFT - RIGHT)))  # a month label needs about 34 px
    out = [f'<line class="peace-timeline__axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{height - AXIS}" '
           f'y2="{height - AXIS}"/>']
    for i, month in enumerate(months):
        x = x_of(month)
        out.append(f'<line class="peace-timeline__tick" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{height - AXIS + 4}"/>')
        if i % step:
            continue
        out.append(f'<text class="peace-timeline__month" x="{x + 2:.1f}" y="{height - AXIS + 15}">{month:%b}</text>')
        if month.month == 1 or i == 0:
            out.append(f'<text class="peace-timeline__year" x="{x + 2:.1f}" y="{height - AXIS + 28}">{month.year}</text>')
    return out


def _lane_marks(rounds: list[Round], lane: Lane, top: float, x_of: Callable[[dt.date], float],
                href: Callable[[Round], str]) -> list[str]:
    rows: list[list[tuple[float, Round]]] = [[] for _ in range(SUBROWS)]
    for n, r in enumerate(rounds):  # greedy: the first row where the mark does not touch the one before it
        x = x_of(parse_day(r.start))
        row = next((i for i, marks in enumerate(rows) if not marks or x - marks[-1][0] > 2 * RADIUS + 2),
                   n % SUBROWS)
        rows[row].append((x, r))
    gap = (LANE - 8) / SUBROWS
    # One group per lane carries the colour; a mark's own class says only whether it was held.
    out = [f'<g class="peace-mark peace-mark--{lane.key}">']
    for row, marks in enumerate(rows):
        y = top + 4 + gap * (row + 0.5)
        for i, (x, r) in enumerate(marks):
            room = (marks[i + 1][0] if i + 1 < len(marks) else WIDTH - RIGHT + 8) - x - 2 * RADIUS - 4
            label = _label(r)
            held = "" if r.status == HELD else ' class="peace-mark--announced"'
            out.append(f'<a href="{html_text(href(r))}"{held} aria-label="{html_text(_name(r))}">'
                       f'{shape(lane.shape, x, y)}')
            if len(label) * CHAR <= room:
                out.append(f'<text x="{x + RADIUS + 3:.1f}" y="{y + 4:.1f}">{html_text(label)}</text>')
            out.append("</a>")
    out.append("</g>")
    return out


def legend(rounds: Sequence[Round]) -> Md:
    """The key to the marks drawn, as HTML beside the drawing."""
    drawn = {_LANE_OF.get(r.format) for r in rounds}
    items = []
    for lane in (lane for lane in LANES if lane in drawn):
        items.append(f'<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
                     f'<g class="peace-mark peace-mark--{lane.key}">{shape(lane.shape, 8, 8)}</g></svg>'
                     f' {lane.label} ({", ".join(lane.formats)})</li>')
    items.append('<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
                 f'<g class="peace-mark peace-mark--talks"><g class="peace-mark--announced">{shape("circle", 8, 8)}</g></g></svg>'
                 ' Hollow: announced but not held (planned, postponed or cancelled)</li>')
    return Md('<ul class="peace-timeline-legend">' + "".join(items) + "</ul>")
