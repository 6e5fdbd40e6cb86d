"""The weekly external-address check (tools/external_links.py), tried on a server on 127.0.0.1.

The real check runs only in .github/workflows/links.yml; here it never leaves
127.0.0.1.
"""
from __future__ import annotations

import http.server
import sys
import threading
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import external_links as ext  # noqa: E402


class _Handler(http.server.BaseHTTPRequestHandler):
    """/ok 200, /gone 404, /removed 410, /moved 301 to /ok, /no-head 405 to HEAD but 200 to GET,
    /forbidden 403, /broken 500."""

    def _answer(self, body: bool) -> None:
        path = self.path.split("?")[0]
        if path == "/to-metadata":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if path == "/no-head" and self.command == "HEAD":
            code = 405
        else:
            code = {"/ok": 200, "/no-head": 200, "/gone": 404, "/removed": 410, "/forbidden": 403,
                    "/broken": 500}.get(path, 404)
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802 (the base class's name)
        self._answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(body=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_seed_urls_come_with_file_and_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.yml").write_text("id: a\noutlet: A\nurl: https://a.example.org/x?y=1#part  # a comment\n"
                                 "notes: >-\n  url: https://not-a-field.example.org/\n", encoding="utf-8")
    (seeds / "b.yml").write_text("id: b\nurl: \"https://b.example.org/quoted\"\n", encoding="utf-8")
    (seeds / "c.yml").write_text("id: c\nurl: 'https://c.example.org/it''s'\n", encoding="utf-8")
    (seeds / "d.yml").write_text("id: d\noutlet: no address\n", encoding="utf-8")
    assert ext.seed_urls(tmp_path) == {
        "https://a.example.org/x?y=1#part": ["seeds/a.yml:3"],
        "https://b.example.org/quoted": ["seeds/b.yml:2"],
        "https://c.example.org/it's": ["seeds/c.yml:2"],
    }


def test_site_links_are_those_a_reader_follows(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "rounds" / "x").mkdir(parents=True)
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://site.example.org/">'
        '<link rel="preconnect" href="https://fonts.example.org">'
        '<link rel="stylesheet" href="https://fonts.example.org/css">'
        '<a href="https://news.example.org/a#top">a</a><a href="../rounds/">internal</a>'
        '<a href="mailto:x@example.org">mail</a>', encoding="utf-8")
    (site / "rounds" / "x" / "index.html").write_text(
        '<a href="https://news.example.org/a">again</a><img src="https://img.example.org/p.png">', encoding="utf-8")
    assert ext.site_urls(site) == {
        "https://fonts.example.org/css": ["index.html"],
        "https://news.example.org/a": ["index.html", "rounds/x/index.html"],
        "https://img.example.org/p.png": ["rounds/x/index.html"],
    }


def test_collect_merges_sources_skips_and_encodes(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "s.yml").write_text("url: https://пример.example/путь\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<a href="https://xn--e1afmkfd.example/%D0%BF%D1%83%D1%82%D1%8C">same, as the site links it</a>'
        '<a href="http://127.0.0.1:8000/">local</a><a href="https://repo.example/edit/main/x.yml">edit</a>',
        encoding="utf-8")
    found = ext.collect(tmp_path, site, skip=["https://repo.example/edit/"])
    assert list(found) == ["https://xn--e1afmkfd.example/%D0%BF%D1%83%D1%82%D1%8C"]
    assert found["https://xn--e1afmkfd.example/%D0%BF%D1%83%D1%82%D1%8C"].where == ["seeds/s.yml:1", "index.html"]


@pytest.mark.parametrize(("path", "verdict"), [
    ("/ok", ext.OK), ("/moved", ext.OK), ("/no-head", ext.OK),
    ("/gone", ext.DEAD), ("/removed", ext.DEAD),
    ("/forbidden", ext.UNKNOWN), ("/broken", ext.UNKNOWN),
])
def test_probe(server: str, path: str, verdict: str) -> None:
    assert ext.probe(server + path, timeout=5, public_only=False)[0] == verdict


def test_a_refused_connection_is_dead() -> None:
    assert ext.probe(f"http://127.0.0.1:{_closed_port()}/", timeout=5, public_only=False) == (ext.DEAD, "connection refused")


def test_the_report_lists_dead_addresses_with_where_they_are(server: str, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "gone.yml").write_text(f"id: gone\nurl: {server}/gone\n", encoding="utf-8")
    (tmp_path / "seeds" / "fine.yml").write_text(f"id: fine\nurl: {server}/ok\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "rounds" / "r").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "rounds" / "r" / "index.html").write_text(
        f'<a href="{server}/removed">x</a><a href="{server}/forbidden">y</a>', encoding="utf-8")
    report = tmp_path / "dead-links.md"
    status = ext.main(["--root", str(tmp_path), "--site", str(site), "--report", str(report), "--pause", "0",
                       "--timeout", "5", "--include-local"])
    assert status == 1
    text = report.read_text(encoding="utf-8")
    assert "4 external addresses" in text and "2 dead, 1 could not be checked" in text
    dead = text.split("## Dead")[1].split("## Could not be checked")[0]
    assert f"- [ ] <{server}/gone> (HTTP 404 Not Found): `seeds/gone.yml:2`" in dead
    assert f"- [ ] <{server}/removed> (HTTP 410 Gone): `rounds/r/index.html`" in dead
    assert "/ok>" not in text
    assert f"<{server}/forbidden> (HTTP 403 Forbidden)" in text.split("## Could not be checked")[1]


def test_nothing_dead_exits_0_and_local_addresses_are_skipped_by_default(server: str, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "gone.yml").write_text(f"id: gone\nurl: {server}/gone\n", encoding="utf-8")
    assert ext.main(["--root", str(tmp_path), "--pause", "0", "--timeout", "5"]) == 0


def test_addresses_that_are_not_public_are_never_requested(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.yml").write_text("url: http://10.0.0.1/admin\n", encoding="utf-8")
    (tmp_path / "seeds" / "b.yml").write_text("url: https://./\n", encoding="utf-8")
    (tmp_path / "seeds" / "c.yml").write_text("url: https://news.example.org/a\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="http://169.254.169.254/latest/">x</a>'
                                     '<a href="https://news.example.org:99999/">y</a>', encoding="utf-8")
    found = ext.collect(tmp_path, site, skip=[])
    verdicts = {url: (a.verdict, a.where) for url, a in found.items()}
    assert verdicts == {
        "http://10.0.0.1/admin": (ext.NOT_PUBLIC, ["seeds/a.yml:1"]),
        "https://./": (ext.NOT_PUBLIC, ["seeds/b.yml:1"]),
        "https://news.example.org/a": ("", ["seeds/c.yml:1"]),
        "http://169.254.169.254/latest/": (ext.NOT_PUBLIC, ["index.html"]),
        "https://news.example.org:99999/": (ext.NOT_PUBLIC, ["index.html"]),
    }
    requested = []
    original = ext.probe
    try:
        ext.probe = lambda url, timeout, public_only=True: requested.append(url) or (ext.OK, "HTTP 200 OK")
        ext.check_all(found, timeout=1, workers=2, pause=0)
    finally:
        ext.probe = original
    assert requested == ["https://news.example.org/a"]
    text = ext.report(found, "2026-01-01")
    assert "5 external addresses on 2026-01-01: 0 dead, 0 could not be checked, 4 not public (not requested)." in text
    assert ("- [ ] `http://10.0.0.1/admin` (points at a private address (10.0.0.1), not a public site; give the "
            "document's public address): `seeds/a.yml:1`") in text


def test_a_name_that_resolves_to_a_private_address_is_not_requested(server: str) -> None:
    verdict, detail = ext.probe(server + "/ok", timeout=5)
    assert verdict == ext.NOT_PUBLIC
    assert detail == "127.0.0.1 resolves to 127.0.0.1, not a public address"


def test_a_redirect_is_followed_only_to_a_public_address(server: str) -> None:
    with pytest.raises(urllib.error.URLError, match="redirected to an address that is not public"):
        ext._public_opener.open(server + "/to-metadata", timeout=5)
    assert ext.probe(server + "/to-metadata", timeout=5, public_only=False)[0] != ext.NOT_PUBLIC
