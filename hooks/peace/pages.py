"""Everything the site generates from the records, independent of any site generator."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from . import actors, api, appendix, calendar, cite, export, feed, names, overviews, plans, rounds, sources, sticking_points
from .appendix import Site
from .dataset import Dataset
from .kinds import KINDS, page_path
from .render import render


@dataclass(frozen=True)
class Generated:
    path: str  # where the file sits among the site's sources, e.g. rounds/x.md
    content: str | bytes
    edit: str | None  # the repository file a reader would edit to change it


# Search ranks a record's own page above the sources that mention its name (Material reads `search.boost`).
BOOST = {"actor": 8, "sticking-point": 4, "round": 2, "plan": 2, "source": 0.5}


def _front_matter(kind: str, record: Any) -> str:
    """Search settings of a page: its boost, and its names in every script as tags, which search weighs most."""
    lines = ["---", "search:", f"  boost: {BOOST[kind]}"]
    if kind in ("actor", "sticking-point"):
        names = [record.heading, *record.aliases]
        # JSON strings are YAML strings too: a name can never end the list or open a field.
        lines.append("tags: [" + ", ".join(json.dumps(n, ensure_ascii=False) for n in names) + "]")
    return "\n".join([*lines, "---", "", ""])


def record_pages(dataset: Dataset, site: Site | None = None, only: Collection[tuple[str, str]] | None = None) -> list[Generated]:
    """One Markdown page per record, each pointing at its YAML file for editing; with `only`, just the pages of
    those (kind, id) records. The pages made from many records (pairs of plans, the register's later pages)
    come every time."""
    with appendix.publishing(site or Site()):
        return _record_pages(dataset, only)


def _record_pages(dataset: Dataset, only: Collection[tuple[str, str]] | None) -> list[Generated]:
    cited_by = sources.citers(dataset)
    render_page: dict[str, Callable[[Any], str]] = {
        "round": lambda r: rounds.page(dataset, r),
        "actor": lambda a: actors.page(dataset, a),
        "sticking-point": lambda p: sticking_points.page(dataset, p),
        "plan": lambda p: plans.page(dataset, p),
        "source": lambda s: sources.page(dataset, s, cited_by[s.id]),
    }
    out = [Generated(page_path(kind, record.id), _front_matter(kind, record) + draw(record), record.file)
           for kind, draw in render_page.items() for record in dataset.by_kind(kind).values()
           if only is None or (kind, record.id) in only]
    # Each pair of plans compared on its own page, edited through the later plan's file.
    out += [Generated(path, content, later.file) for path, content, later in plans.pair_pages(dataset)]
    # The register's later pages, made like its first page (a hand-written page with a marker).
    return out + [Generated(path, content, "docs/" + sources.INDEX) for path, content in sources.register_pages(dataset)]


def downloads(dataset: Dataset, site_url: str, site_name: str) -> list[Generated]:
    """The API, the older export/ paths, the feeds and the calendar: files served as they are, not pages."""
    exported = export.files(dataset)
    out = [Generated(path, content, None) for path, content in api.files(dataset, site_url, exported).items()]
    out += [Generated(path, content, None) for path, content in exported.items()]
    out.append(Generated(feed.PATH, feed.atom(dataset, site_url, site_name), None))
    out.append(Generated(feed.EVENTS_PATH, feed.events(dataset, site_url, site_name), None))
    out.append(Generated(names.PATH, names.index(dataset), None))
    out.append(Generated(calendar.PATH, calendar.ics(dataset, site_url, site_name), None))
    return out


def api_pages(dataset: Dataset) -> list[Generated]:
    """The API's changelog, a page of the site outside the sidebar, linked from the Data page."""
    return [Generated(api.CHANGELOG, render("api-changelog.md.j2", dataset, api.CHANGELOG, index=api.INDEX), None)]


def downloads_list(dataset: Dataset, path: str) -> str:
    kinds = [(name, kind, len(dataset.by_kind(kind))) for name, kind in export.KINDS.items()]
    return render("downloads.md.j2", dataset, path, kinds=kinds, api=api, feeds=(feed.PATH, feed.EVENTS_PATH),
                  calendar=calendar.PATH, old=export.names())


Section = Callable[[Dataset, str], str]
MARKERS: dict[str, Section] = {
    "rounds": rounds.index,
    "latest-rounds": rounds.latest,
    "announced": rounds.announced,
    "coverage": rounds.coverage,
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


def has_markers_in(text: str) -> bool:
    """Whether a hand-written page has a marker to fill."""
    return _MARKER.search(text) is not None


def fill_markers(markdown: str, path: str, dataset: Dataset) -> str:
    """Replace each `<!-- peace:NAME -->` in a hand-written page with what NAME renders."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in MARKERS:
            raise UnknownMarker(f"{path}: unknown marker 'peace:{name}' (known: {', '.join(sorted(MARKERS))})")
        return MARKERS[name](dataset, path)
    return _MARKER.sub(replace, markdown)



_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def with_citation(markdown: str, path: str, nav_title: str | None, dataset: Dataset, site: Site) -> str:
    """A hand-written or overview page with its "Cite this page" section appended; record pages have their own."""
    if is_record_page(dataset, path):
        return markdown
    heading = _TITLE.search(markdown)
    title = heading.group(1) if heading else (nav_title or site.name)
    c = cite.citation(site.name, site.url, cite.address(path), title, dataset.last_reviewed())
    block = render("page-end.md.j2", dataset, path, c=appendix.cite_view(c))
    return markdown.rstrip("\n") + "\n\n" + block


def is_record_page(dataset: Dataset, path: str) -> bool:
    """Whether `path` is where a record's page is generated (one dictionary look-up, whatever the data's size)."""
    section, _, name = path.partition("/")
    kinds = {kind.section: kind.name for kind in KINDS}
    if section not in kinds or "/" in name or not name.endswith(".md"):
        return False
    return name[:-3] in dataset.by_kind(kinds[section])
