"""The sections at the end of a page: how to cite it, the record as data, and the record's history.

The site's name, address, repository and history are per build: `publishing(site)` sets them while
pages are rendered, and the record templates' `record_end` macro reads them through `page_end`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from . import api, cite, dates
from .escape import Md, inline, link, url
from .history import Change, History
from .kinds import BY_NAME
from .render import Writer

_SHA = re.compile(r"^[0-9a-f]{7,64}$")


@dataclass(frozen=True)
class Site:
    name: str = "Ukraine Peace Process Reference"
    url: str = ""
    repo_url: str = ""
    history: History = field(default_factory=History)


_SITE: ContextVar[Site | None] = ContextVar("peace_site", default=None)


@contextmanager
def publishing(site: Site) -> Iterator[None]:
    """Render pages for `site` inside this block."""
    token = _SITE.set(site)
    try:
        yield
    finally:
        _SITE.reset(token)


def current() -> Site:
    """The site being rendered; outside `publishing`, one with no address and no history."""
    return _SITE.get() or Site()


@dataclass(frozen=True)
class CiteView:
    sentence: Md
    bibtex: Md  # an indented code block: Markdown leaves its text alone and escapes its HTML
    csl: Md


@dataclass(frozen=True)
class DataView:
    json: Md
    csv: Md
    all: Md
    schema: Md
    plural: str


@dataclass(frozen=True)
class ChangeView:
    day: str
    subject: Md


@dataclass(frozen=True)
class HistoryView:
    reason: str | None
    file: Md
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class PageEnd:
    cite: CiteView
    data: DataView
    history: HistoryView


def page_end(w: Writer, kind: str, record: Any) -> PageEnd:
    """What a record page ends with; `w` is the page's writer."""
    site = current()
    c = cite.citation(site.name, site.url, cite.address(w.path), record.heading, record.reviewed)
    return PageEnd(cite_view(c), data_view(w, kind, record.id), history_view(site, record.file))


def cite_view(c: cite.Citation) -> CiteView:
    target = url(c.address)
    address = Md(f"<{target}>") if target else inline(c.address)
    sentence = Md(f"{inline(c.site)}. “{inline(c.title)}.” Last reviewed {inline(dates.day(c.reviewed))}. {address}")
    return CiteView(sentence, _code(c.bibtex()), _code(c.csl_json()))


def data_view(w: Writer, kind: str, record_id: str) -> DataView:
    plural = BY_NAME[kind].section
    return DataView(w.page(api.record_path(kind, record_id), f"{record_id}.json"),
                    w.page(api.kind_path(kind, "csv"), f"{plural}.csv"),
                    w.page(api.kind_path(kind, "json"), f"{plural}.json"),
                    w.page(api.schema_path(kind), f"{kind}.schema.json"), plural.replace("-", " "))


def history_view(site: Site, file: str) -> HistoryView:
    repo = site.repo_url.rstrip("/")
    file_target = url(f"{repo}/commits/main/{file}") if repo else None
    shown = link(file, file_target) if file_target else Md(f"`{file}`" if re.fullmatch(r"[a-z0-9./-]+", file) else inline(file))
    if not site.history.available:
        return HistoryView(site.history.reason, shown, ())
    return HistoryView(None, shown, tuple(_change(repo, c) for c in site.history.of(file)))


def _change(repo: str, change: Change) -> ChangeView:
    target = url(f"{repo}/commit/{change.commit}") if repo and _SHA.fullmatch(change.commit) else None
    subject = change.subject.strip() or "(no subject)"
    shown = link(subject, target) if target else Md(f"{inline(subject)} ({inline(change.commit[:12])})")
    return ChangeView(dates.day(change.day), shown)


def _code(text: str) -> Md:
    return Md("\n".join("    " + line for line in text.splitlines()))
