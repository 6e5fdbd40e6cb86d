"""Reading built pages: links, ids and text of a page's main content."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """The links, ids and visible text inside `<article>` of one built page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.links: list[str] = []
        self.all_links: list[str] = []
        self.ids: set[str] = set()
        self.text_parts: list[str] = []
        self._depth = 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._depth += 1
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href") is not None:
            self.all_links.append(values["href"])
            if self._depth:
                self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def links_to(self, site: Path, url_path: str) -> bool:
        """Whether the article links to the page at `url_path` (like 'actors/x/')."""
        here = self.path.parent.relative_to(site).as_posix()
        for href in self.links:
            if href.startswith(("http://", "https://", "#")):
                continue
            target = posixpath.normpath(posixpath.join(here, href.split("#")[0]))
            if target.rstrip("/") == url_path.rstrip("/"):
                return True
        return False


def page(site: Path, url_path: str) -> Page:
    return Page(site / url_path / "index.html")
