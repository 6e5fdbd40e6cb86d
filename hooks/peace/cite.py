"""How to cite a page: a sentence in a common style, BibTeX and CSL-JSON, with the page's address and review date."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from . import dates

_SPACE = re.compile(r"\s+")
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Citation:
    """One page as a work to cite; every field is plain text (escape it where it is placed)."""

    key: str  # a BibTeX key and CSL id, made of the page's path
    title: str
    site: str  # the reference's name, its author and container
    address: str  # the page's stable address
    reviewed: str  # YYYY-MM-DD

    def sentence(self) -> str:
        """Chicago-style note for a web page: site, "title", date, address."""
        return f"{self.site}. “{_fold(self.title)}.” Last reviewed {dates.day(self.reviewed)}. {self.address}."

    def bibtex(self) -> str:
        year, month, _ = self.reviewed.split("-")
        fields = [("title", "{" + _bib(self.title) + "}"), ("author", "{" + _bib(self.site) + "}"),
                  ("organization", _bib(self.site)), ("year", year), ("month", None), ("url", self.address),
                  ("note", f"Last reviewed {self.reviewed}")]
        lines = [f"@misc{{{self.key},"]
        for name, value in fields:
            lines.append(f"  month = {_MONTHS[int(month) - 1]}," if value is None else f"  {name} = {{{value}}},")
        return "\n".join(lines) + "\n}"

    def csl(self) -> list[dict[str, object]]:
        year, month, day = (int(part) for part in self.reviewed.split("-"))
        return [{"id": self.key, "type": "webpage", "title": _fold(self.title), "author": [{"literal": self.site}],
                 "container-title": self.site, "URL": self.address, "issued": {"date-parts": [[year, month, day]]},
                 "note": f"Last reviewed {self.reviewed}"}]

    def csl_json(self) -> str:
        """One field a line, short enough to read and copy."""
        (item,) = self.csl()
        fields = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
        return "[\n  {\n" + fields + "\n  }\n]"


def citation(site: str, site_url: str, dest: str, title: str, reviewed: str) -> Citation:
    """`dest` is the page's address under the site, like `rounds/x/` ("" for the home page)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    key = "upr-" + (re.sub(r"[^a-z0-9]+", "-", dest.lower()).strip("-") or "home")
    return Citation(key, _fold(title), _fold(site), base + dest, reviewed)


def address(src: str) -> str:
    """A Markdown file's address on the site, with MkDocs' directory URLs: `rounds/x.md` -> `rounds/x/`."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")]
        return stem
    return stem + "/"


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _bib(text: str) -> str:
    """Literal text inside a BibTeX braced value: every special character escaped, braces balanced."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in _fold(text))
