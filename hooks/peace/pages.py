"""Everything the site generates from the records, independent of any site generator."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import actors, export, feed, overviews, plans, rounds, sources, sticking_points
from .dataset import Dataset
from .render import page_path, render


@dataclass(frozen=True)
class Generated:
    path: str  # where the file sits among the site's sources, e.g. rounds/x.md
    content: str | bytes
    edit: str | None  # the repository file a reader would edit to change it


def record_pages(dataset: Dataset) -> list[Generated]:
    """One Markdown page per record, each pointing at its YAML file for editing."""
    out = [Generated(page_path("round", r.id), rounds.page(dataset, r), r.file) for r in dataset.rounds.values()]
    out += [Generated(page_path("actor", a.id), actors.page(dataset, a), a.file) for a in dataset.actors.values()]
    out += [Generated(page_path("sticking-point", p.id), sticking_points.page(dataset, p), p.file)
            for p in dataset.points.values()]
    out += [Generated(page_path("plan", p.id), plans.page(dataset, p), p.file) for p in dataset.plans.values()]
    out += [Generated(path, content, later.file) for path, content, later in plans.pair_pages(dataset)]
    cited_by = sources.citers(dataset)
    out += [Generated(page_path("source", s.id), sources.page(dataset, s, cited_by[s.id]), s.file)
            for s in dataset.sources.values()]
    return out


def downloads(dataset: Dataset, site_url: str, site_name: str) -> list[Generated]:
    """The exports and the feed: files served as they are, not pages."""
    out = [Generated(path, content, None) for path, content in export.files(dataset).items()]
    out.append(Generated("feed.xml", feed.atom(dataset, site_url, site_name), None))
    return out


def downloads_list(dataset: Dataset, path: str) -> str:
    return render("downloads.md.j2", dataset, path, files=sorted(export.files(dataset)))


Section = Callable[[Dataset, str], str]
MARKERS: dict[str, Section] = {
    "rounds": rounds.index,
    "latest-rounds": rounds.latest,
    "actors": actors.index,
    "sticking-points": sticking_points.index,
    "sources": sources.index,
    "plans": plans.index,
    "plan-comparison": plans.comparison,
    "timeline": overviews.timeline,
    "status-grid": overviews.status_grid,
    "positions": overviews.positions,
    "map": overviews.venue_map,
    "stats": overviews.stats,
    "downloads": downloads_list,
}
class UnknownMarker(KeyError):
    """A hand-written page names a marker nothing renders."""

    def __str__(self) -> str:
        return str(self.args[0])


_MARKER = re.compile(r"<!--\s*peace:([a-z-]+)\s*-->")


def fill_markers(markdown: str, path: str, dataset: Dataset) -> str:
    """Replace each `<!-- peace:NAME -->` in a hand-written page with what NAME renders."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in MARKERS:
            raise UnknownMarker(f"{path}: unknown marker 'peace:{name}' (known: {', '.join(sorted(MARKERS))})")
        return MARKERS[name](dataset, path)
    return _MARKER.sub(replace, markdown)

