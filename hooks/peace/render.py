"""The Jinja environment and the per-page writer that builds links and citations."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import dates
from .escape import Md, block, finalize, html_text, inline, link, slugs, url
from .kinds import page_path

if TYPE_CHECKING:
    from .dataset import Dataset

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, finalize=finalize,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(block=block, day=dates.day, span=dates.span, month=dates.month, period=dates.period,
                       # md: only for macro output, which is built from escaped values
                       listing=listing, html=html_text, slugs=slugs, md=Md)
    env.globals["page_end"] = _page_end

    return env


def _page_end(w: Writer, kind: str, record: Any) -> Any:
    """The cite, data and history sections of a record page (see appendix.py); imported late, it imports this module."""
    from .appendix import page_end
    return page_end(w, kind, record)


def listing(items: Any) -> Md:
    """Literal items separated by semicolons."""
    return Md("; ".join(inline(item) for item in items))


_ENV = environment()


class Writer:
    """Links relative to one page, and that page's numbered citations."""

    def __init__(self, dataset: Dataset, path: str) -> None:
        self.data = dataset
        self.path = path
        self._here = path.split("/")[:-1]
        self._cited: dict[str, int] = {}  # source id -> its number on this page
        self._listed = False  # whether the template placed the list of sources itself

    def href(self, target: str) -> str:
        """`target` relative to this page; both are clean relative paths, so no file system is asked."""
        parts = target.split("/")
        common = 0
        while common < min(len(parts) - 1, len(self._here)) and parts[common] == self._here[common]:
            common += 1
        return "/".join([".."] * (len(self._here) - common) + parts[common:])

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

    def original(self, source: Any, text: object = None) -> Md:
        """The one way any page links to a source's original address: checked, percent-encoded, literal text."""
        target = url(source.url) if source.url else None
        if target is None:
            return Md("address not recorded")
        return link(source.url if text is None else text, target)

    def cite(self, sources: Any) -> Md:
        """Citation numbers for `sources`, each source numbered once per page in order of first use."""
        numbers = [self._cited.setdefault(s, len(self._cited) + 1) for s in sources]
        if not numbers:
            return Md("")
        refs = ",".join(f'<a href="#cite-{n}">{n}</a>' for n in numbers)
        return Md(f'<sup class="peace-cite">&#91;{refs}&#93;</sup>')

    def footnotes(self) -> Md:
        """The numbered list of every source cited so far, for the end of the page."""
        self._listed = True
        if not self._cited:
            return Md("")
        items = "\n".join(f"{n}. {self._entry(s, n)}" for s, n in self._cited.items())
        return Md(f"## Sources cited {{#sources-cited}}\n\n{items}")

    def _entry(self, source_id: str, number: int) -> str:
        source = self.data.sources[source_id]
        parts = [Md(self.to("source", source_id) + f"{{#cite-{number}}}")]
        if source.published:
            parts.append(inline(dates.day(source.published)))
        parts.append(self.original(source, "original") if source.url else Md("original address not recorded"))
        if source.state_controlled:
            parts.append(Md("**state-controlled media**"))
        return ", ".join(parts) + "."


def render(template: str, dataset: Dataset, path: str, **context: Any) -> str:
    """Render one page; the list of sources cited ends it, unless the template placed the list itself."""
    writer = Writer(dataset, path)
    body = _ENV.get_template(template).render(w=writer, data=dataset, **context)
    notes = "" if writer._listed else writer.footnotes()
    return body.rstrip("\n") + ("\n\n" + notes if notes else "") + "\n"
