"""The Jinja environment and the per-page writer that builds links and citations."""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import dates
from .escape import Md, block, finalize, html_text, inline, link, slugs, url

if TYPE_CHECKING:
    from .dataset import Dataset

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
SECTIONS = {"round": "rounds", "actor": "actors", "sticking-point": "sticking-points", "source": "sources", "plan": "plans"}


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, finalize=finalize,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(block=block, day=dates.day, span=dates.span, month=dates.month, period=dates.period,
                       listing=listing, html=html_text, slugs=slugs, md=Md)  # md: only for macro output, which is built from escaped values

    return env


def listing(items: Any) -> Md:
    """Literal items separated by semicolons."""
    return Md("; ".join(inline(item) for item in items))


_ENV = environment()


def page_path(kind: str, record_id: str) -> str:
    """Where a record's page lives among the site's Markdown files."""
    return f"{SECTIONS[kind]}/{record_id}.md"


class Writer:
    """Links relative to one page, and that page's numbered citations."""

    def __init__(self, dataset: Dataset, path: str) -> None:
        self.data = dataset
        self.path = path
        self._cited: list[str] = []

    def href(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def to(self, kind: str, record_id: str, text: object = None) -> Md:
        """A link to a record's page, labelled with its name unless told otherwise."""
        if text is None:
            text = self.data.by_kind(kind)[record_id].heading
        return link(text, self.href(page_path(kind, record_id)))

    def actor(self, actor_id: str) -> Md:
        return self.to("actor", actor_id)

    def actors(self, ids: Any) -> Md:
        return Md(", ".join(self.actor(i) for i in ids))

    def point(self, point_id: str) -> Md:
        return self.to("sticking-point", point_id)

    def round(self, round_id: str) -> Md:
        return self.to("round", round_id)

    def page(self, target: str, text: object) -> Md:
        return link(text, self.href(target))

    def cite(self, sources: Any) -> Md:
        """Footnote markers for `sources`; numbered in order of first use on the page."""
        for source_id in sources:
            if source_id not in self._cited:
                self._cited.append(source_id)
        return Md("".join(f"[^{s}]" for s in sources))

    def footnotes(self) -> Md:
        """The definitions of every footnote cited so far, for the end of the page."""
        return Md("\n".join(f"[^{s}]: {self._footnote(s)}" for s in self._cited))

    def _footnote(self, source_id: str) -> str:
        source = self.data.sources[source_id]
        parts = [self.to("source", source_id)]
        if source.published:
            parts.append(inline(dates.day(source.published)))
        target = url(source.url) if source.url else None
        parts.append(Md(f"[original]({target})") if target else Md("original address not recorded"))
        if source.state_controlled:
            parts.append(Md("**state-controlled media**"))
        return ", ".join(parts) + "."


def render(template: str, dataset: Dataset, path: str, **context: Any) -> str:
    """Render one page; the writer's footnotes are appended when the page cites anything."""
    writer = Writer(dataset, path)
    body = _ENV.get_template(template).render(w=writer, data=dataset, **context)
    notes = writer.footnotes()
    return body.rstrip("\n") + ("\n\n" + notes if notes else "") + "\n"
