"""Turn untrusted text into inert Markdown.

Every string from a record goes through here on its way into a page: HTML is
entity-escaped (so no tag, comment or attribute survives) and every character
Markdown or its extensions give meaning to is backslash-escaped (so no link,
image, heading, table, footnote or attribute list can be opened). Whitespace
is folded, so a value can never start a new block.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

from .model import SLUG


class Md(str):
    """Markdown produced by this package, safe to place on a page as it is."""


# Python-Markdown's escapable characters, plus '|' from its tables extension.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s<>\"'`\\{}|^]*)?$")


def inline(value: object) -> Md:
    """One line of literal text."""
    text = _SPACE.sub(" ", str(value)).strip()
    return Md(html.escape(_SPECIAL.sub(r"\\\1", text), quote=False))


def block(value: object) -> Md:
    """Literal text whose blank lines separate paragraphs."""
    paragraphs = [inline(p) for p in re.split(r"\n\s*\n", str(value)) if p.strip()]
    return Md("\n\n".join(paragraphs))


def html_text(value: object) -> Md:
    """Literal text inside raw HTML (an attribute or an element Markdown does not touch)."""
    return Md(html.escape(str(value), quote=True))


def slugs(values: object) -> Md:
    """Record ids for an HTML attribute, separated by spaces; ids are validated slugs."""
    items = [str(v) for v in values]  # type: ignore[attr-defined]
    if not all(SLUG.fullmatch(item) for item in items):
        raise ValueError(f"not an id: {items!r}")
    return Md(" ".join(items))


def url(value: str) -> str | None:
    """The address as a Markdown link target, or None when it is not plain http(s)."""
    if not _SAFE_URL.fullmatch(value):  # fullmatch: `$` alone lets a final line break through
        return None
    return quote(value, safe=":/?#@!$&'*+,;=%~-._[]")


def link(text: object, target: str) -> Md:
    """A link with literal text; `target` is built by this package, never taken from data."""
    return Md(f"[{inline(text)}]({target})")


def finalize(value: object) -> object:
    """Jinja's hook for every `{{ ... }}`: escape unless this package made the value."""
    return value if isinstance(value, Md) else inline("" if value is None else value)
