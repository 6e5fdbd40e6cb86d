"""`make linkcheck`: every internal link and anchor of a built site must resolve, offline.

Reads every HTML page of the site once with the standard library's HTML parser,
collecting each page's ids and each link (`href` of a, link and area; `src` of
img, script, iframe, source), then resolves every link that stays on the site
against the files and ids found. Addresses with a scheme or host (https://…,
mailto:) are not fetched: the weekly workflow checks external addresses.

    python tools/check_links.py SITE_DIR

Prints every broken link as `page line N: link -> what is wrong` and exits 1;
exits 0 when every link and anchor resolves, 2 when there is no site to check.
"""
from __future__ import annotations

import html.parser
import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINKS = {"a": "href", "link": "href", "area": "href", "img": "src", "script": "src", "iframe": "src", "source": "src"}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.page.ids.add(str(values[key]))
        target = values.get(_LINKS.get(tag, ""))
        if target is not None:
            self.page.links.append((self.getpos()[0], target))


def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    return reader.page


def _target(site: Path, page_rel: str, link: str) -> tuple[str, str] | None:
    """The site file a link leads to and its fragment; None for a link that leaves the site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page_rel, unquote(parts.fragment)
    # A root-relative link (the 404 page has them) is taken from the site's root.
    base = "" if path.startswith("/") else posixpath.dirname(page_rel)
    joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if path.endswith("/") or (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined, unquote(parts.fragment)


def problems(site: Path) -> tuple[list[str], int, int]:
    """Every broken link as text, the number of pages and the number of links checked."""
    pages = {p.relative_to(site).as_posix(): read(p) for p in sorted(site.rglob("*.html"))}
    broken, checked = [], 0
    for rel, page in pages.items():
        for line, link in page.links:
            target = _target(site, rel, link)
            if target is None:
                continue
            checked += 1
            path, fragment = target
            if path.startswith("../") or not (site / path).is_file():
                broken.append(f"{rel} line {line}: {link} -> 404")
            elif fragment and path in pages and fragment not in pages[path].ids:
                broken.append(f"{rel} line {line}: {link} -> anchor #{fragment} not found")
    return broken, len(pages), checked


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/check_links.py SITE_DIR", file=sys.stderr)
        return 2
    site = Path(argv[0])
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here (no index.html); build it first", file=sys.stderr)
        return 2
    broken, pages, checked = problems(site)
    if not broken:
        print(f"OK: every internal link and anchor resolves ({pages} pages, {checked} links checked).")
        return 0
    on = len({b.split(" line ")[0] for b in broken})
    print("\n".join([f"Broken links in {site}:", *(f"  {b}" for b in broken),
                     f"{len(broken)} broken link{'s' * (len(broken) != 1)} on {on} page{'s' * (on != 1)}."]),
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
