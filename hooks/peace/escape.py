"""Turn untrusted text into inert Markdown.

Every string from a record goes through here on its way into a page: HTML is
entity-escaped (so no tag, comment or attribute survives) and every character
that can open Markdown syntax where it stands is backslash-escaped (so no link,
image, heading, list, rule, table, footnote or attribute list can be opened).
Whitespace is folded, so a value can never start a new block.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

from .model import SLUG


class Md(str):
    """Markdown produced by this package, safe to place on a page as it is."""


# Characters Python-Markdown and its extensions read as syntax wherever they stand ('|': tables), each behind
# a backslash; and what HTML gives meaning to, as entities, as html.escape(quote=False) writes them. One pass.
_SPECIAL = "\\`*_{}[]#+!|"
_INERT = str.maketrans({**{c: "\\" + c for c in _SPECIAL}, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Python-Markdown's other escapable characters open syntax only where a line starts, and a value may start one:
# a list item ('- ', '1. ') or a rule ('---'). Elsewhere '-', '.', '(' and ')' are text: with '[' and ']'
# escaped no link can take the parentheses. (Escaping every '.' and '-' cost a quarter of the Markdown work.)
_LEADING = re.compile(r"-|[0-9]+\.")
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s<>\"'`\\{}|^]*)?$")


def inline(value: object) -> Md:
    """One line of literal text."""
    # split() folds runs of whitespace as `\s+` does (str.isspace()), and strips both ends.
    text = " ".join(str(value).split()).translate(_INERT)
    lead = _LEADING.match(text)
    if lead:
        text = text[:lead.end() - 1] + "\\" + text[lead.end() - 1:]
    return Md(text)


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
