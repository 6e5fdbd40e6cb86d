"""The hostile-input corpus: small changes to the fixture data set and what the build must do with each.

A case either fails validation with exact `file:line: ...` lines and writes no site (`Rejected`), or
builds a site where its strings appear as inert text (`Inert`). `tests/test_hostile.py` runs them.

Inert cases all go into one build: each replaces one or more fields of a fixture record with payloads.
The same edits with plain words in place of the payloads make a twin build, whose pages must have the
same HTML element structure: markup from data that became live would add elements.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
ROUND = "data/rounds/2026-01-sample-city.yml"
ROUND2 = "data/rounds/2026-02-sample-city.yml"
ADA = "data/actors/ada-example.yml"
NORTHLAND = "data/actors/northland.yml"
SOUTHLAND = "data/actors/southland.yml"
BORDER = "data/sticking-points/border.yml"
PLAN = "data/plans/northland-plan.yml"
NEWS = "seeds/example-news-2026-01-02-talks.yml"
WIRE = "seeds/state-wire-2026-01-05-statement.yml"

ROUND_PAGE = "rounds/2026-01-sample-city/"
URL_ERROR = "must be an http:// or https:// address without spaces, quotes or control characters"
SLUG_ERROR = "must be a lowercase slug: letters a-z, digits and single hyphens"
DOCS_LINK = "is a symbolic link; commit the file itself (the build copies everything in docs/ into the site)"
NOT_PUBLIC = "not a public site; give the document's public address"
TITLE_ERROR = "must be one line of text (at most 300 characters, no control characters and no '<', as it heads a page)"


@dataclass(frozen=True)
class Symlink:
    """A symbolic link to `target`, which the test creates outside the project with `text`."""

    target: str
    text: str


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target` as it is, such as /etc/passwd on the machine that builds."""

    target: str


@dataclass(frozen=True)
class Pipe:
    """A named pipe (FIFO): reading it would hang a build that copies it."""


Content = str | bytes | Symlink | Link | Pipe | None  # None deletes the file


@dataclass(frozen=True)
class Rejected:
    id: str
    files: dict[str, Content]
    problems: tuple[str, ...]  # the exact lines `make check` prints before the count
    build: bool = False  # also run the full build: it must stop and write no site


@dataclass(frozen=True)
class Field:
    """One edit: `old` in `file` becomes `new`, whose `%s` are the payloads as YAML double-quoted strings."""

    file: str
    old: str
    new: str
    payloads: tuple[str, ...]
    twin: tuple[str, ...] | None = None  # what the twin build writes instead; default plain words


@dataclass(frozen=True)
class Inert:
    id: str
    fields: tuple[Field, ...]
    pages: tuple[str, ...]  # where every payload must be visible, as typed (whitespace folded)
    titled: bool = False  # the payloads also head the first page: check the browser's <title> too
    bom: str | None = None  # a file to start with a UTF-8 byte-order mark
    extra: tuple[str, ...] = field(default=())  # other text that must be visible on the pages


def fixture(rel: str) -> str:
    return (FIXTURE / rel).read_text(encoding="utf-8")


def edit(rel: str, old: str, new: str, base: str | None = None) -> dict[str, Content]:
    text = fixture(rel) if base is None else base
    assert old in text, f"{old!r} not in {rel}"
    return {rel: text.replace(old, new, 1)}


def edits(rel: str, *pairs: tuple[str, str]) -> dict[str, Content]:
    text = fixture(rel)
    for old, new in pairs:
        text = edit(rel, old, new, text)[rel]  # type: ignore[assignment]
    return {rel: text}


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


# --- payloads ------------------------------------------------------------------------------------------

SCRIPT = "<script>alert('script')</script>"
IMG = "<img src=x onerror=alert('img')>"
JS_LINK = "[click me](javascript:alert('link'))"
DATA_IMAGE = "![pic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
FILE_LINK = "[local](file:///etc/passwd)"
AUTOLINKS = "<javascript:alert('auto')> <https://evil.example/> <mailto:x@evil.example>"
ATTR_LIST = "text {: onclick=\"alert('attr')\" #id .class }"
JINJA = "{{ 7*7 }} {% if true %}yes{% endif %} {# comment #} ${7*7}"
RAW_BLOCK = "<div onclick=\"alert('div')\">raw HTML block</div>"
IFRAME = "<iframe src=\"javascript:alert('frame')\"></iframe>"
COMMENT = "<!-- an HTML comment -->"
MARKER = "<!-- peace:rounds -->"
ENTITIES = "&lt;b&gt; &amp;amp; &#60;script&#62; &copy;"
EMPHASIS = "**bold** __strong__ _em_ `code` ~~strike~~ <b>b</b>"
FOOTNOTE_REF = "[^example-news-2026-01-02-talks]"
FOOTNOTE_DEF = "[^example-news-2026-01-02-talks]: a footnote definition from data"
# Page titles may not contain '<' (see TITLE_ERROR), so these use every other kind of markup.
TITLE = "Talks {{ 7*7 }} & \"quoted\" [x](javascript:alert('title')) ![i](data:,x) **b** #1 {: onclick=\"alert('t')\" }"
SUMMARY = "\n\n".join([
    SCRIPT, IMG, RAW_BLOCK, IFRAME, "# A heading from data", "## Another", "Setext heading\n===",
    "| a | b |\n| --- | --- |\n| c | d |", COMMENT, MARKER, FOOTNOTE_DEF, f"{JS_LINK} {DATA_IMAGE} {AUTOLINKS}",
    JINJA, ATTR_LIST, "!!! danger \"an admonition from data\"\n    indented text", "    four spaces: code?",
    "- a list item\n1. numbered", "> a blockquote", "[TOC]", "*[HTML]: abbreviation", "Term\n: definition",
    "line with trailing backslash \\", "---",
    # What opens a list or a rule only at the start of a line; elsewhere '-', '.' and '()' stay unescaped.
    "1986. A year that starts a paragraph", "+ a plus item", "* a star item", "- - -", "2) parenthesis (x)",
])


def folded(text: str) -> list[str]:
    """How a payload reads on the page: each paragraph on its own, whitespace folded."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


INERT: list[Inert] = [
    Inert("round-title", (Field(ROUND, "title: Talks in Sample City", "title: %s", (TITLE,)),),
          (ROUND_PAGE, "rounds/", "timeline/", "actors/ada-example/", "sticking-points/border/"), titled=True),
    Inert("round-summary-blocks", (Field(ROUND, "summary: The two delegations met for two days.", "summary: %s",
                                         (SUMMARY,)),), (ROUND_PAGE,)),
    Inert("round-place", (Field(ROUND, "place: {city: Sample City, country: Northland, venue: Town Hall}",
                                "place: {city: %s, country: %s, venue: %s}", (IMG, JS_LINK, ATTR_LIST)),),
          (ROUND_PAGE,)),
    Inert("round-delegation-role", (Field(ROUND, "      - actor: ada-example\n",
                                          "      - actor: ada-example\n        role: %s\n", (SCRIPT,)),),
          (ROUND_PAGE, "actors/ada-example/")),
    Inert("round-what-moved", (Field(ROUND, "moved: Both sides put maps on the table.", "moved: %s",
                                     ("<b onmouseover=alert('moved')>moved</b> | cell | " + FOOTNOTE_REF,)),),
          (ROUND_PAGE, "sticking-points/border/")),
    Inert("round-outcome", (Field(ROUND, "text: They agreed to meet again.", "text: %s",
                                  # it starts a list item on the page: "1." would open a list inside it
                                  (f"1. {COMMENT} {FOOTNOTE_REF} {FILE_LINK} (x) - y",)),), (ROUND_PAGE,)),
    Inert("round-quote", (Field(ROUND, "text: We made progress.", "text: %s",
                                ("</blockquote><script>alert('quote')</script>\" — said",)),),
          (ROUND_PAGE, "actors/ada-example/")),
    Inert("round-disagreement", (Field(ROUND,
                                       "about: venue\n    note: One source says the Town Hall, the other the Harbour Hotel.",
                                       "about: %s\n    note: %s",
                                       ("<svg onload=alert('about')>", f"{RAW_BLOCK}\n\n# heading in a note")),),
          (ROUND_PAGE,)),
    Inert("byte-order-mark", (), ("rounds/", "rounds/2026-02-sample-city/"), bom=ROUND2,
          extra=("Second talks in Sample City",)),
    Inert("actor-name-in-headings-and-toc", (Field(NORTHLAND, "name: Northland", "name: %s",
                                                   ("Northland {{ 7*7 }} & [x](javascript:alert('n')) {: onclick=x }",)),),
          ("actors/northland/", "actors/", ROUND_PAGE, "sticking-points/border/"), titled=True),
    Inert("actor-aliases", (Field(SOUTHLAND, "aliases: [Sudland]", "aliases: [%s, %s]",
                                  (SCRIPT, "[x](javascript:alert('alias'))")),), ("actors/southland/", "actors/")),
    Inert("actor-summary", (Field(ADA, "summary: A fictional negotiator.", "summary: %s", (f"{JINJA}\n\n{ENTITIES}",)),),
          ("actors/ada-example/",)),
    Inert("actor-role-title", (Field(ADA, "  - title: Foreign Minister", "  - title: %s", (IMG,)),),
          ("actors/ada-example/", ROUND_PAGE)),
    Inert("point-title", (Field(BORDER, "title: The border line", "title: %s", ("The border | line | {{ x }} `y`",)),),
          ("sticking-points/border/", "sticking-points/", "status-grid/", "positions/"), titled=True),
    Inert("point-summary", (Field(BORDER, "summary: Where the line between the two states runs.", "summary: %s",
                                  (f"| a | b |\n| --- | --- |\n\n{EMPHASIS}",)),), ("sticking-points/border/",)),
    Inert("point-stance", (Field(BORDER, "stance: Wants the line of 2020.", "stance: %s",
                                 ("<a href=\"javascript:alert('stance')\">stance</a>",)),),
          ("sticking-points/border/", "actors/northland/", "positions/")),
    Inert("plan-title", (Field(PLAN, "title: Northland's five-point plan", "title: %s",
                               ("Plan ![x](javascript:alert('plan')) [^1] & co",)),),
          ("plans/northland-plan/", "plans/", "plans/compare/"), titled=True),
    Inert("plan-summary", (Field(PLAN, "summary: A short plan put forward by Northland.", "summary: %s",
                                 (f"{AUTOLINKS} {FILE_LINK}",)),), ("plans/northland-plan/",)),
    Inert("plan-clause", (Field(PLAN, "text: The line of 2020 is restored.", "text: %s",
                                ("<details open ontoggle=alert('clause')>clause</details>",)),),
          ("plans/northland-plan/", "plans/compare/", "sticking-points/border/")),
    Inert("source-outlet-and-headline", (Field(NEWS, "outlet: Example News\nheadline: Delegations meet in Sample City",
                                               "outlet: %s\nheadline: %s",
                                               ("Example {{ 7*7 }} News & Co", "Delegations [meet](javascript:x) *here*")),),
          ("sources/example-news-2026-01-02-talks/", "sources/"), titled=True),
    Inert("source-topic", (Field(WIRE, "headline: Ministry comments on the talks", "topic: %s",
                                 ("comments {{ 7*7 }} [x](javascript:alert('topic')) ]",)),),
          ("sources/state-wire-2026-01-05-statement/", "sources/"), titled=True),
    Inert("source-notes", (Field(WIRE, "notes: Fixture source without a known address.", "notes: %s",
                                 (f"{MARKER}\n\n{COMMENT}\n\n{SCRIPT}",)),),
          ("sources/state-wire-2026-01-05-statement/",)),
    Inert("source-url-odd-but-valid", (Field(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: %s",
                                             ("https://news.example.org/path_(x)/[y]?a=1&b=*2*#frag",),
                                             twin=("https://news.example.org/2026/01/02/talks",)),),
          ("sources/example-news-2026-01-02-talks/",)),
]


# --- rejected inputs -----------------------------------------------------------------------------------

BOMB = """id: northland
lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &lol2 [*lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1]
lol3: &lol3 [*lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2]
lol4: &lol4 [*lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3]
lol5: &lol5 [*lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4]
lol6: &lol6 [*lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5]
lol7: &lol7 [*lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6]
lol8: &lol8 [*lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7]
lol9: &lol9 [*lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8]
"""
MARKER_FILE = "hostile-yaml-ran"  # created next to the project if a YAML tag could run a command
SECRET = "id: token-ghp-0123456789-must-not-be-printed\n"


def _python_tag() -> dict[str, Content]:
    return edit(NORTHLAND, "name: Northland",
                f"name: !!python/object/apply:os.system ['touch ../{MARKER_FILE}']")


REJECTED: list[Rejected] = [
    # Addresses
    Rejected("url-javascript", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: javascript:alert(1)"),
             (f"{NEWS}:5: url: 'javascript:alert(1)' {URL_ERROR}",), build=True),
    Rejected("url-javascript-mixed-case-in-quotes", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                                         "url: \" JaVaScRiPt:alert(1)\""),
             (f"{NEWS}:5: url: ' JaVaScRiPt:alert(1)' {URL_ERROR}",)),
    Rejected("url-data", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                              "url: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
             (f"{NEWS}:5: url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' {URL_ERROR}",)),
    Rejected("url-file", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: file:///etc/passwd"),
             (f"{NEWS}:5: url: 'file:///etc/passwd' {URL_ERROR}",)),
    Rejected("url-other-scheme", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                      "url: ftp://news.example.org/talks"),
             (f"{NEWS}:5: url: 'ftp://news.example.org/talks' {URL_ERROR}",)),
    Rejected("url-scheme-relative", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                         "url: //evil.example/x"),
             (f"{NEWS}:5: url: '//evil.example/x' {URL_ERROR}",)),
    Rejected("url-space", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                               "url: https://news.example.org/a b"),
             (f"{NEWS}:5: url: 'https://news.example.org/a b' {URL_ERROR}",)),
    Rejected("url-quote-breaks-attribute", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                                "url: 'https://news.example.org/x\" onmouseover=\"alert(1)'"),
             (f"{NEWS}:5: url: 'https://news.example.org/x\" onmouseover=\"alert(1)' {URL_ERROR}",)),
    Rejected("url-tab-in-scheme", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                       "url: \"java\\tscript:alert(1)\""),
             (f"{NEWS}:5: url: 'java\\tscript:alert(1)' {URL_ERROR}",)),
    Rejected("url-trailing-line-break", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                             "url: \"https://news.example.org/x\\n\""),
             (f"{NEWS}:5: url: 'https://news.example.org/x\\n' {URL_ERROR}",)),
    Rejected("url-control-character", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                           "url: \"https://news.example.org/\\x01x\""),
             (f"{NEWS}:5: url: invisible or invalid character U+0001 is not allowed; remove it",)),
    # YAML
    Rejected("yaml-python-object-apply", _python_tag(),
             (f"{NORTHLAND}:3: name: tag '!!python/object/apply:os.system' is not allowed; write plain values",),
             build=True),
    Rejected("yaml-python-name-and-custom-tags",
             edits(NORTHLAND, ("name: Northland", "name: !!python/name:os.system"),
                   ("summary: A fictional state used by the tests.", "summary: !include /etc/passwd")),
             (f"{NORTHLAND}:3: name: tag '!!python/name:os.system' is not allowed; write plain values",
              f"{NORTHLAND}:4: summary: tag '!include' is not allowed; write plain values")),
    Rejected("yaml-binary-and-set", edits(NORTHLAND, ("name: Northland", "name: !!binary TmFtZQ=="),
                                          ("kind: state", "kind: !!set {state: null}")),
             (f"{NORTHLAND}:2: kind: tag '!!set' is not allowed; write plain values",
              f"{NORTHLAND}:3: name: tag '!!binary' is not allowed; write plain values")),
    Rejected("yaml-alias-bomb", {NORTHLAND: BOMB},
             (f"{NORTHLAND}:3: anchors and aliases (& and *) are not allowed; write the value out",), build=True),
    Rejected("yaml-merge-key", edit(NORTHLAND, "kind: state\n", "kind: state\n<<: {name: Other}\n"),
             (f"{NORTHLAND}:3: merge keys (<<) are not allowed; write the fields out",)),
    Rejected("yaml-duplicate-key", edit(ROUND, "status: held\n", "status: held\nstatus: planned\n"),
             (f"{ROUND}:6: status: duplicate key 'status' (first given on line 5)",)),
    Rejected("yaml-tab-indentation", edit(NORTHLAND, "kind: state\n", "kind:\n\tstate\n"),
             (f"{NORTHLAND}:3: a tab character is used to indent; indent with spaces only (two per level)",)),
    Rejected("yaml-not-utf8", {NORTHLAND: fixture(NORTHLAND).replace("fictional", "fict\xefonal").encode("latin-1")},
             (f"{NORTHLAND}:4: not UTF-8 text (byte 0xef); save the file as UTF-8",)),
    Rejected("yaml-utf16", {NORTHLAND: fixture(NORTHLAND).encode("utf-16")},
             (f"{NORTHLAND}:1: not UTF-8 text (byte 0xff); save the file as UTF-8",)),
    Rejected("yaml-nul-byte", {NORTHLAND: fixture(NORTHLAND).replace("fictional", "fict\x00onal").encode()},
             (f"{NORTHLAND}:4: invisible or invalid character U+0000 is not allowed; remove it",)),
    Rejected("yaml-invisible-line-separator", {NORTHLAND: fixture(NORTHLAND).replace("fictional", "fict\u2028ional")},
             (f"{NORTHLAND}:4: invisible or invalid character U+2028 is not allowed; remove it",)),
    Rejected("yaml-escaped-surrogate", edit(NORTHLAND, "name: Northland", "name: \"North\\ud800land\""),
             (f"{NORTHLAND}:3: name: invisible or invalid character U+D800 is not allowed; remove it",)),
    Rejected("yaml-empty-file", {NORTHLAND: b""}, (f"{NORTHLAND}:1: file is empty",)),
    Rejected("yaml-several-megabytes", {NORTHLAND: fixture(NORTHLAND) + "notes: " + "x" * (3 * 1024 * 1024) + "\n"},
             (f"{NORTHLAND}:1: file is 3072 KiB; records are limited to 512 KiB",), build=True),
    Rejected("yaml-deep-nesting", edit(NORTHLAND, "kind: state", "kind: " + "[" * 50_000 + "]" * 50_000),
             (f"{NORTHLAND}:2: nested more than 12 levels deep",)),
    Rejected("yaml-two-documents", {NORTHLAND: fixture(NORTHLAND) + "---\n" + fixture(NORTHLAND)},
             (f"{NORTHLAND}:7: a line '---' starts a second record in this file; a file holds one record: remove the '---'",)),
    Rejected("yaml-huge-number", edit(PLAN, "  - number: 1", "  - number: " + "9" * 5000),
             (f"{PLAN}:7: points[0].number: number '9999999999999999999999999999999999999...' is too long; "
              "put it in quotes if it is text",)),
    Rejected("yaml-key-not-text", edit(NORTHLAND, "kind: state\n", "kind: state\n? [a, b]\n: x\n1: y\n"),
             (f"{NORTHLAND}:3: field names must be plain text", f"{NORTHLAND}:5: field names must be plain text")),
    Rejected("yaml-key-with-line-break", edit(NORTHLAND, "kind: state\n", "kind: state\n\"na\\nme\": x\n"),
             (f"{NORTHLAND}:3: field name 'na\\nme' is not a plain word (letters, digits, _ and -)",)),
    # The model
    Rejected("unknown-field", edit(ROUND, "status: held\n", "status: held\nonclick: alert(1)\n"),
             (f"{ROUND}:6: onclick: unknown field 'onclick' (allowed here: delegations, disagreements, end, format, "
              "held_as, hosts, id, mediators, outcomes, place, quotes, reviewed, sources, start, status, sticking_points, "
              "summary, title)",)),
    Rejected("wrong-types", edits(ROUND, ("hosts: [northland]", "hosts: northland"),
                                  ("summary: The two delegations met for two days.", "summary: {text: x}")),
             (f"{ROUND}:8: hosts: expected a list, got text",
              f"{ROUND}:9: summary: expected text, got a mapping of fields")),
    Rejected("impossible-date", edit(ROUND, "start: 2026-01-01", "start: 2026-02-30"),
             (f"{ROUND}:3: start: '2026-02-30' must be a real date written YYYY-MM-DD, or YYYY-MM when only "
              "the month is known",), build=True),
    Rejected("year-zero-month", edit(ROUND2, "start: 2026-02", "start: 0000-02"),
             (f"{ROUND2}:3: start: '0000-02' must be a real date written YYYY-MM-DD, or YYYY-MM when only "
              "the month is known",)),
    Rejected("end-before-start", edit(ROUND, "end: 2026-01-02", "end: 2025-12-31"),
             (f"{ROUND}:4: end: end 2025-12-31 is before start 2026-01-01",)),
    Rejected("reviewed-in-the-future", edit(NORTHLAND, "reviewed: 2026-01-03", "reviewed: 2200-01-01"),
             (f"{NORTHLAND}:6: reviewed: reviewed 2200-01-01 is in the future; write the day you last checked "
              "the record",), build=True),
    Rejected("reviewed-long-ago", edit(NORTHLAND, "reviewed: 2026-01-03", "reviewed: 1960-01-01"),
             (f"{NORTHLAND}:6: reviewed: reviewed 1960-01-01 is before 2000-01-01; write the day you last checked "
              "the record",)),
    Rejected("id-not-a-slug", edit(ROUND, "id: 2026-01-sample-city", "id: 2026_01 Sample City"),
             (f"{ROUND}:1: id: '2026_01 Sample City' {SLUG_ERROR}",)),
    Rejected("id-not-the-file-name", edit(ROUND, "id: 2026-01-sample-city", "id: 2026-01-other-city"),
             (f"{ROUND}:1: id: id '2026-01-other-city' must match the file name '2026-01-sample-city.yml'",)),
    Rejected("id-with-dot-dot", edit(ROUND, "id: 2026-01-sample-city", "id: ../../mkdocs"),
             (f"{ROUND}:1: id: '../../mkdocs' {SLUG_ERROR}",)),
    Rejected("id-with-slash", edit(ROUND, "id: 2026-01-sample-city", "id: rounds/2026-01-sample-city"),
             (f"{ROUND}:1: id: 'rounds/2026-01-sample-city' {SLUG_ERROR}",)),
    Rejected("id-takes-a-hand-written-page", {"data/rounds/index.yml": fixture(ROUND).replace(
        "id: 2026-01-sample-city", "id: index")},
             ("data/rounds/index.yml:1: id: id 'index' is taken by the page docs/rounds/index.md; rename the file",),
             build=True),
    Rejected("file-name-not-a-slug", {"data/rounds/Sample City.yml": fixture(ROUND)},
             ("data/rounds/Sample City.yml:1: file name 'Sample City' must be a lowercase slug (a-z, 0-9, hyphens): "
              "it is the record's id",)),
    Rejected("file-not-yml", {"data/rounds/notes.txt": "<script>alert(1)</script>\n"},
             ("data/rounds/notes.txt:1: only .yml record files belong in this folder",)),
    Rejected("symlink-to-a-file-outside", {"data/rounds/leak.yml": Symlink("secret.yml", SECRET)},
             ("data/rounds/leak.yml:1: is a symbolic link; commit the record file itself",), build=True),
    Rejected("reference-with-dot-dot", edit(ROUND, "hosts: [northland]", "hosts: [../actors/northland]"),
             (f"{ROUND}:8: hosts[0]: '../actors/northland' {SLUG_ERROR}",)),
    Rejected("reference-with-slash", edit(ROUND, "sources: [example-news-2026-01-02-talks]\nreviewed",
                                          "sources: [seeds/example-news-2026-01-02-talks]\nreviewed"),
             (f"{ROUND}:32: sources[0]: 'seeds/example-news-2026-01-02-talks' {SLUG_ERROR}",)),
    Rejected("reference-with-trailing-line-break", edit(ROUND, "hosts: [northland]", "hosts: [\"northland\\n\"]"),
             (f"{ROUND}:8: hosts[0]: 'northland\\n' {SLUG_ERROR}",)),
    Rejected("reference-to-missing-records", edits(ROUND, ("speaker: ada-example", "speaker: nobody"),
                                                   ("  - point: border", "  - point: borders")),
             (f"{ROUND}:16: sticking_points[0].point: unknown sticking point 'borders'; did you mean 'border'?",
              f"{ROUND}:24: quotes[0].speaker: unknown actor 'nobody'")),
    Rejected("one-alias-on-two-actors", edit(NORTHLAND, "name: Northland\n", "name: Northland\naliases: [sudLAND]\n"),
             (f"{SOUTHLAND}:4: aliases[0]: 'Sudland' is already a name or alias of actor 'northland'",)),
    Rejected("record-citing-no-source", {**edit(BORDER, "sources: [example-news-2026-01-02-talks]\nreviewed",
                                                "sources: []\nreviewed"),
                                         **edit(SOUTHLAND, "sources: [example-news-2026-01-02-talks]\n", "")},
             (f"{SOUTHLAND}:1: missing required field 'sources'", f"{BORDER}:14: sources: needs at least 1 item")),
    Rejected("markup-in-a-page-title", edit(ROUND, "title: Talks in Sample City",
                                            "title: \"</title><script>alert(1)</script>\""),
             (f"{ROUND}:2: title: '</title><script>alert(1)</script>' {TITLE_ERROR}",), build=True),
    # A new contributor's mistakes: each found at once, with the fix
    Rejected("hash-starts-a-comment-in-a-title", edit(ROUND, "title: Talks in Sample City", "title: Talks #2 in Sample City"),
             (f"{ROUND}:2: title: the value ends where ' #' starts a comment, so the rest of the line is lost; put it "
              "in quotes: title: \"Talks #2 in Sample City\"",), build=True),
    Rejected("hash-starts-a-comment-in-a-summary", edit(NORTHLAND, "summary: A fictional state used by the tests.",
                                                        "summary: State #1 of the tests, fictional"),
             (f"{NORTHLAND}:4: summary: the value ends where ' #' starts a comment, so the rest of the line is lost; "
              "put it in quotes: summary: \"State #1 of the tests, fictional\"",)),
    Rejected("misspelled-record-folder", {"data/round/2026-03-sample-city.yml": fixture(ROUND).replace(
        "id: 2026-01-sample-city", "id: 2026-03-sample-city")},
             ("data/round:1: this folder is not one of the record folders; did you mean 'rounds'?",), build=True),
    Rejected("stray-file-in-data", {"data/notes.yml": "id: notes\n"},
             ("data/notes.yml:1: this file is not one of the record folders; records go in data/actors, data/plans, "
              "data/rounds, data/sticking-points or seeds",)),
    Rejected("many-problems-in-one-file", edits(ROUND, ("title: Talks in Sample City", "title: 2026"),
                                                ("hosts: [northland]", "hosts: [northlnd]"),
                                                ("status: held\n", "status: held\nsumary: Paris\n"),
                                                ("end: 2026-01-02", "end: 2025-12-31"),
                                                ("  - speaker: ada-example", "  - speaker: nobody"),
                                                ("    status: narrowing", "    status: narowing")),
             (f"{ROUND}:2: title: expected text, got a number",
              f"{ROUND}:4: end: end 2025-12-31 is before start 2026-01-01",
              f"{ROUND}:6: sumary: unknown field 'sumary'; did you mean 'summary'? (allowed here: delegations, "
              "disagreements, end, format, held_as, hosts, id, mediators, outcomes, place, quotes, reviewed, sources, start, "
              "status, sticking_points, summary, title)",
              f"{ROUND}:9: hosts[0]: unknown actor 'northlnd'; did you mean 'northland'?",
              f"{ROUND}:19: sticking_points[0].status: 'narowing' must be one of: open, narrowing, agreed, deferred; "
              "did you mean 'narrowing'?",
              f"{ROUND}:25: quotes[0].speaker: unknown actor 'nobody'")),
    Rejected("misspelled-actor-id", edit(ROUND, "      - actor: ada-example", "      - actor: ada-exmaple"),
             (f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'ada-exmaple'; did you mean 'ada-example'?",)),
    Rejected("misspelled-source-id", edit(BORDER, "sources: [example-news-2026-01-02-talks]\nreviewed",
                                          "sources: [example-news-2026-01-02-talk]\nreviewed"),
             (f"{BORDER}:14: sources[0]: unknown source 'example-news-2026-01-02-talk'; did you mean "
              "'example-news-2026-01-02-talks'?",)),
    Rejected("yaml-unquoted-colon", edit(ROUND, "summary: The two delegations met for two days.",
                                         "summary: Outcome: the two delegations met."),
             (f"{ROUND}:9: a value that holds ': ' must be in quotes: summary: \"Outcome: the two delegations met.\"",)),
    Rejected("yaml-field-indented-too-far", edit(NORTHLAND, "kind: state\n", "kind: state\n  name: North\n"),
             (f"{NORTHLAND}:3: this field is indented more than the one above it; line it up with the other fields "
              "of its block (or, if the line above is a value that goes on, put that value in quotes)",)),
    Rejected("yaml-field-indented-too-little", edit(ADA, "    of: northland\n    from: 2025", "    of: northland\n   from: 2025"),
             (f"{ADA}:9: this line is indented differently from the lines above it; indent each field of a block, and "
              "each '-' of a list, by the same number of spaces as its neighbours",)),
    # The build machine: nothing of it may reach the site
    Rejected("docs-link-to-etc-passwd", {"docs/passwd.txt": Link("/etc/passwd")},
             (f"docs/passwd.txt:1: {DOCS_LINK}",), build=True),
    Rejected("docs-link-to-proc-environ", {"docs/assets/environ.txt": Link("/proc/self/environ")},
             (f"docs/assets/environ.txt:1: {DOCS_LINK}",), build=True),
    Rejected("docs-link-to-a-folder", {"docs/system": Link("/etc")}, (f"docs/system:1: {DOCS_LINK}",)),
    Rejected("docs-named-pipe", {"docs/pipe.md": Pipe()},
             ("docs/pipe.md:1: is not a regular file (a device, pipe or socket); remove it",), build=True),
    Rejected("docs-device", {"docs/null.md": Link("/dev/null")}, (f"docs/null.md:1: {DOCS_LINK}",)),
    Rejected("url-dot-host", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: https://./"),
             (f"{NEWS}:5: url: 'https://./' has no host name, or an empty part in it (like '..'); give the document's "
              "full address",), build=True),
    Rejected("url-port-out-of-range", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                           "url: https://news.example.org:99999/talks"),
             (f"{NEWS}:5: url: 'https://news.example.org:99999/talks' has a port that is not a number from 1 to 65535",)),
    Rejected("url-private-ip", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: http://10.0.0.7/admin"),
             (f"{NEWS}:5: url: 'http://10.0.0.7/admin' points at a private address (10.0.0.7), {NOT_PUBLIC}",)),
    Rejected("url-loopback-ip", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: http://127.0.0.1:6379/"),
             (f"{NEWS}:5: url: 'http://127.0.0.1:6379/' points at a loopback address (127.0.0.1), {NOT_PUBLIC}",)),
    Rejected("url-link-local-metadata", edit(NEWS, "url: https://news.example.org/2026/01/02/talks",
                                             "url: http://169.254.169.254/latest/meta-data/"),
             (f"{NEWS}:5: url: 'http://169.254.169.254/latest/meta-data/' points at a link-local address "
              f"(169.254.169.254), {NOT_PUBLIC}",)),
    Rejected("url-decimal-ip", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: http://2130706433/"),
             (f"{NEWS}:5: url: 'http://2130706433/' has a host that reads as a number; give the site's name, like "
              "news.example.org",)),
    Rejected("url-localhost", edit(NEWS, "url: https://news.example.org/2026/01/02/talks", "url: http://localhost:8000/"),
             (f"{NEWS}:5: url: 'http://localhost:8000/' has a host name that is not on the public web (like localhost); "
              "give the site's full name",)),
    Rejected("markup-in-a-source-headline", edit(WIRE, "headline: Ministry comments on the talks",
                                                 "headline: <img src=x onerror=alert(1)>"),
             (f"{WIRE}:3: headline: '<img src=x onerror=alert(1)>' {TITLE_ERROR}",)),
]
