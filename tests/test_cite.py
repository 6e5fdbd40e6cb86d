"""Every page ends with "Cite this page": a sentence, BibTeX that pybtex reads and CSL-JSON, all naming the page."""
from __future__ import annotations

import copy
import json
import posixpath
import re
from pathlib import Path

import pytest
from conftest import Built
from lxml.html import HtmlElement
from peace import dates
from peace.cite import citation
from pybtex.database import parse_string

SITE_NAME = "Ukraine Peace Process Reference"
BASE = "http://127.0.0.1:8000/"
HAND_WRITTEN = ["", "rounds/", "actors/", "sticking-points/", "plans/", "plans/compare/", "timeline/", "status-grid/",
                "positions/", "sources/", "data/", "about/", "api/changelog/"]


def records(site: Path) -> list[dict]:
    """Every record's API file: it names the record's page and its last review."""
    index = json.loads((site / "api/v1/index.json").read_text(encoding="utf-8"))
    return [json.loads((site / f"api/v1/{name}/{rid}.json").read_text(encoding="utf-8"))
            for name, kind in index["kinds"].items() for rid in kind["ids"]]


def cite_block(built: Built, address: str) -> tuple[str, list[HtmlElement], list[str]]:
    """The sentence, its links and the two code blocks that follow the page's "Cite this page" heading."""
    heading = next(iter(built.tree(address).xpath("//h2[@id='cite-this-page']")), None)
    assert heading is not None, f"{address or 'home'}: no Cite this page"
    sentence = heading.xpath("following-sibling::p[1]")[0]
    codes = [pre.text_content() for pre in heading.xpath("following::pre[position() <= 2]")]
    return " ".join(sentence.text_content().split()), sentence.xpath(".//a"), codes


def assert_cites(built: Built, address: str, title: str, reviewed: str) -> None:
    url = BASE + address
    sentence, links, (bibtex, csl) = cite_block(built, address)
    assert sentence == f"{SITE_NAME}. “{' '.join(title.split())}.” Last reviewed {dates.day(reviewed)}. {url}", address
    assert [a.attrib["href"] for a in links] == [url]

    entry = parse_string(bibtex, "bibtex").entries
    assert len(entry) == 1, address
    (key, fields), = entry.items()
    assert key == citation(SITE_NAME, BASE, address, title, reviewed).key
    assert fields.type == "misc"
    assert fields.fields["url"] == url and fields.fields["year"] == reviewed[:4]
    assert fields.fields["note"] == f"Last reviewed {reviewed}"

    (item,) = json.loads(csl)
    assert item["type"] == "webpage" and item["URL"] == url and item["id"] == key
    assert item["title"] == " ".join(title.split())
    assert item["issued"]["date-parts"] == [[int(x) for x in reviewed.split("-")]]


@pytest.fixture(scope="module")
def real_records(real_site: Path) -> list[dict]:
    return records(real_site)


def test_every_record_page_of_the_real_data_cites_itself(real_built: Built, real_records: list[dict]) -> None:
    assert len(real_records) > 200
    for doc in real_records:
        address = doc["page"].removeprefix(BASE)
        assert_cites(real_built, address, _heading(real_built, address), doc["reviewed"])


@pytest.mark.parametrize("address", HAND_WRITTEN)
def test_hand_written_pages_and_overviews_cite_themselves(real_built: Built, real_records: list[dict],
                                                          address: str) -> None:
    latest = max(doc["reviewed"] for doc in real_records)
    assert_cites(real_built, address, _heading(real_built, address), latest)


def test_bibtex_keeps_hostile_titles_literal() -> None:
    title = "Talks {in} 100% \\textbf{bold} & #1 ~ x_y ^ $z$ } {"
    c = citation(SITE_NAME, BASE, "rounds/x/", title, "2026-01-02")
    (fields,) = parse_string(c.bibtex(), "bibtex").entries.values()
    value = fields.fields["title"]
    assert value.startswith("{Talks \\{in\\} 100\\% \\textbackslash{}textbf")
    assert not re.search(r"(?<!\\)[%&#_$~^]", value)  # no special character left live
    unescaped = re.sub(r"\\[{}]|\\text\w+\{\}", "", value)
    assert unescaped.count("{") == unescaped.count("}") == 1  # only the braces that keep the capitals
    assert json.loads(c.csl_json())[0]["title"] == title


def _heading(built: Built, address: str) -> str:
    article = built.tree(address).xpath("//article")[0]
    h1 = copy.deepcopy(article.xpath(".//h1")[0])  # the shared tree stays whole
    for permalink in h1.xpath(".//a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"):
        permalink.drop_tree()  # keeps the text after it, as BeautifulSoup's decompose does
    return h1.text_content()


def test_pages_addresses_are_stable() -> None:
    from peace.cite import address

    assert [address(p) for p in ["index.md", "rounds/index.md", "data.md", "rounds/x.md", "api/changelog.md"]] == [
        "", "rounds/", "data/", "rounds/x/", "api/changelog/"]
    assert posixpath.join(BASE, address("rounds/x.md")) == BASE + "rounds/x/"


def test_search_leaves_out_the_cite_data_and_history_sections(real_site: Path) -> None:
    docs = json.loads((real_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    anchors = {d["location"].rsplit("#", 1)[-1] for d in docs if "#" in d["location"]}
    assert not anchors & {"cite-this-page", "this-record-as-data", "history"}
    assert not [d["location"] for d in docs if "@misc{" in d["text"] or "date-parts" in d["text"]]
