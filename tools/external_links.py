"""Weekly check of every external address: the `url:` of each source in seeds/ and every http(s) link of the built site.

Run by .github/workflows/links.yml on a schedule, never by `make test` (the
tests only check addresses for form; reachability needs the network and
changes by the week). Standard library only.

    python tools/external_links.py [--root .] [--site site] [--skip PREFIX ...] [--report dead-links.md]

Only public addresses are requested: a host that is an IP literal in a
private, loopback or link-local range, `localhost` and the like, a bad port
or an empty host part is listed as "not checked" (the rule of
hooks/peace/addresses.py, which `make check` applies to sources); so is a
name that resolves to such an address, and a redirect is followed only to a
public address. The job's runner never requests anything on its own network.

Each address is asked for with HEAD (GET when the server refuses HEAD), one
host at a time per worker and never two requests at once to the same host.
An address is dead when the server answers 404 or 410 (or another 4xx that is
not about access), when its host is not found, or when the connection is
refused; an address that answers 401, 403 or 429, times out or fails with a
server error is listed as "could not be checked": many news sites turn robots
away, and a reader's browser may still reach it.

Exit status: 0 when nothing is dead, 1 when some address is dead (the report
lists it), 2 when the check could not run.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import html.parser
import http.client
import re
import socket
import ssl
import sys
import time
import traceback
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urldefrag, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from peace import addresses  # noqa: E402  (standard library only, like this script)

USER_AGENT = ("Mozilla/5.0 (compatible; peace-process-reference-linkcheck/1.0; "
              "+https://github.com/peace-process-reference/ukraine)")
_URL_LINE = re.compile(r"^url:[ \t]*(?P<value>.*?)[ \t]*$")
OK, DEAD, UNKNOWN, NOT_PUBLIC = "ok", "dead", "could not be checked", "not checked"


@dataclass
class Address:
    url: str
    where: list[str] = field(default_factory=list)  # "seeds/x.yml:7" or "rounds/x/index.html"
    verdict: str = ""
    detail: str = ""


def _yaml_scalar(value: str) -> str:
    """The value of a one-line YAML scalar: quoted, or plain up to a ` #` comment."""
    if value[:1] in ("'", '"'):
        quote = value[0]
        end = value.find(quote, 1)
        while quote == "'" and end != -1 and value[end + 1:end + 2] == "'":
            end = value.find(quote, end + 2)
        inner = value[1:end] if end != -1 else value[1:]
        return inner.replace("''", "'") if quote == "'" else inner.replace('\\"', '"')
    return re.split(r"[ \t]#", value, maxsplit=1)[0].strip()


def seed_urls(root: Path) -> dict[str, list[str]]:
    """The top-level `url:` of every record in seeds/ (the schema keeps it on one line), with file and line."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / "seeds").glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            match = _URL_LINE.match(line)
            if match:
                url = _yaml_scalar(match.group("value"))
                if url.startswith(("http://", "https://")):
                    found.setdefault(url, []).append(f"{path.relative_to(root).as_posix()}:{number}")
    return found


class _Links(html.parser.HTMLParser):
    """External link targets a reader's browser follows or loads; not rel=canonical, preconnect and the like."""

    _ATTRS = {"a": "href", "area": "href", "img": "src", "script": "src", "iframe": "src",
              "source": "src", "audio": "src", "video": "src", "link": "href"}
    _LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "license"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and not set((values.get("rel") or "").lower().split()) & self._LINK_RELS:
            return
        value = (values.get(self._ATTRS.get(tag, "")) or "").strip()
        if value.startswith(("http://", "https://")):
            self.urls.append(value)


def site_urls(site: Path) -> dict[str, list[str]]:
    """Every external http(s) address linked from the built site's pages, with the pages."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        for url in dict.fromkeys(parser.urls):
            found.setdefault(urldefrag(url).url, []).append(path.relative_to(site).as_posix())
    return found


def normalize(url: str) -> str:
    """The address as sent over the wire: non-ASCII host in IDNA, the rest percent-encoded (as the site links it)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        ascii_host = host
    netloc = parts.netloc.replace(host, ascii_host, 1) if host else parts.netloc
    return quote(urlunsplit(parts._replace(netloc=netloc)), safe=":/?#@!$&'*+,;=%~-._[]")


def collect(root: Path, site: Path | None, skip: list[str], include_local: bool = False) -> dict[str, Address]:
    """Every address to check, once, with where it appears: seeds first, then pages.

    An address that is not public gets the verdict "not checked" now and is never requested. The site's own
    address while it is not set (http://127.0.0.1:8000/) is left out, as are the `skip` prefixes.
    """
    found_all: dict[str, Address] = {}
    sources = [seed_urls(root)] + ([site_urls(site)] if site else [])
    for found in sources:
        for url, where in found.items():
            if any(url.startswith(prefix) for prefix in skip) or (not include_local and _own_default(url)):
                continue
            key = normalize(url)
            address = found_all.setdefault(key, Address(key))
            address.where.extend(where)
            why = None if include_local else addresses.problem(key)
            if why:
                address.verdict, address.detail = NOT_PUBLIC, why
    return found_all


def _own_default(url: str) -> bool:
    """mkdocs.yml's default site_url, in canonical links of a build without SITE_URL."""
    return url.startswith("http://127.0.0.1:8000")


def resolves_publicly(url: str) -> str | None:
    """Why the host of `url` must not be requested (it resolves to a non-public address); None when it may."""
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return None  # not found: the request reports it as dead
    for info in infos:
        why = addresses.problem(f"http://{_bracketed(str(info[4][0]))}/")
        if why:
            return f"{host} resolves to {info[4][0]}, not a public address"
    return None


def _bracketed(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a public address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        why = addresses.problem(newurl) or resolves_publicly(newurl)
        if why:
            raise urllib.error.URLError(f"redirected to an address that is not public ({why})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_public_opener = urllib.request.build_opener(_PublicRedirects)


def _classify_status(code: int, reason: str) -> tuple[str, str]:
    detail = f"HTTP {code} {reason}".strip()
    if code < 400:
        return OK, detail
    if code in (401, 403, 407, 429, 451) or code >= 500:
        return UNKNOWN, detail
    return DEAD, detail


def probe(url: str, timeout: float, public_only: bool = True) -> tuple[str, str]:
    """(verdict, detail) for one address: HEAD first, GET when HEAD gives no clear answer."""
    why = resolves_publicly(url) if public_only else None
    if why:
        return NOT_PUBLIC, why
    opener = _public_opener if public_only else urllib.request.build_opener()
    verdict, detail = UNKNOWN, "not tried"
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        try:
            with opener.open(request, timeout=timeout) as response:
                if method == "GET":
                    response.read(1024)
                return _classify_status(response.status, response.reason)
        except urllib.error.HTTPError as error:
            verdict, detail = _classify_status(error.code, str(error.reason))
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, socket.gaierror):
                return DEAD, "host not found"
            if isinstance(reason, ConnectionRefusedError):
                return DEAD, "connection refused"
            if isinstance(reason, (TimeoutError, socket.timeout)):
                verdict, detail = UNKNOWN, f"no answer within {timeout:g} seconds"
            elif isinstance(reason, ssl.SSLCertVerificationError):
                verdict, detail = UNKNOWN, f"TLS certificate not valid: {reason.verify_message}"
            else:
                verdict, detail = UNKNOWN, f"{type(reason).__name__}: {reason}" if not isinstance(reason, str) else reason
        except TimeoutError:
            verdict, detail = UNKNOWN, f"no answer within {timeout:g} seconds"
        except (ConnectionError, http.client.HTTPException, OSError, ValueError) as error:
            verdict, detail = UNKNOWN, f"{type(error).__name__}: {error}"
        # Some servers answer HEAD wrongly (405, 403, 404, 5xx); ask again with GET.
    return verdict, detail


def check_all(found: dict[str, Address], timeout: float, workers: int, pause: float, public_only: bool = True) -> None:
    """Probe every address not already judged: hosts in parallel, one request at a time per host, with a pause between."""
    by_host: dict[str, list[Address]] = {}
    for address in found.values():
        if address.verdict:
            continue
        by_host.setdefault((urlsplit(address.url).hostname or "").lower(), []).append(address)

    def run_host(items: list[Address]) -> None:
        for i, address in enumerate(items):
            if i:
                time.sleep(pause)
            address.verdict, address.detail = probe(address.url, timeout, public_only)
            if address.verdict == UNKNOWN and "HTTP 4" not in address.detail:
                time.sleep(pause * 4)  # one more try for timeouts and server errors
                address.verdict, address.detail = probe(address.url, timeout, public_only)

    with concurrent.futures.ThreadPoolExecutor(max(1, workers)) as pool:
        list(pool.map(run_host, by_host.values()))


def _where(address: Address, limit: int = 5) -> str:
    shown = address.where[:limit]
    more = len(address.where) - len(shown)
    return ", ".join(f"`{w}`" for w in shown) + (f" and {more} more" if more > 0 else "")


def report(found: dict[str, Address], today: str) -> str:
    """The Markdown body of the dead-links issue."""
    dead = [a for a in found.values() if a.verdict == DEAD]
    unknown = [a for a in found.values() if a.verdict == UNKNOWN]
    private = [a for a in found.values() if a.verdict == NOT_PUBLIC]
    lines = [f"Weekly check of {len(found)} external addresses on {today}: "
             f"{len(dead)} dead, {len(unknown)} could not be checked, {len(private)} not public (not requested).", ""]
    if dead:
        lines += ["## Dead", ""]
        lines += [f"- [ ] <{a.url}> ({a.detail}): {_where(a)}" for a in sorted(dead, key=lambda a: a.url)]
        lines.append("")
    if unknown:
        lines += ["## Could not be checked", "",
                  "The server turned the check away, timed out or failed; open these in a browser.", ""]
        lines += [f"- <{a.url}> ({a.detail}): {_where(a)}" for a in sorted(unknown, key=lambda a: a.url)]
        lines.append("")
    if private:
        lines += ["## Not public", "", "Never requested from the runner: give the public address instead.", ""]
        lines += [f"- [ ] `{a.url}` ({a.detail}): {_where(a)}" for a in sorted(private, key=lambda a: a.url)]
        lines.append("")
    lines += ["## How to fix", "",
              "For a source in `seeds/`, find where the document lives now, or an archived copy, and update "
              "its `url:`; when it cannot be found, remove `url:` and say so in `notes:` (never guess an "
              "address). For a link in a page, fix the page in `docs/`. This issue is updated every week "
              "and closed when nothing is dead.", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    parser.add_argument("--site", type=Path, help="a built site to take links from, e.g. site")
    parser.add_argument("--skip", action="append", default=[], help="leave out addresses starting with this")
    parser.add_argument("--report", type=Path, help="write the Markdown report here")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=8, help="hosts checked at once")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between requests to one host")
    parser.add_argument("--include-local", action="store_true",
                        help="also request addresses that are not public, such as 127.0.0.1 (for trying the checker "
                             "on a local server; never in the scheduled job)")
    args = parser.parse_args(argv)
    try:
        if args.site and not (args.site / "index.html").is_file():
            print(f"{args.site}: no built site here; run `make build` first", file=sys.stderr)
            return 2
        found = collect(args.root, args.site, args.skip, args.include_local)
        check_all(found, args.timeout, args.workers, args.pause, public_only=not args.include_local)
        text = report(found, dt.date.today().isoformat())
        if args.report:
            args.report.write_text(text, encoding="utf-8")
        print(text)
        return 1 if any(a.verdict == DEAD for a in found.values()) else 0
    except Exception:  # a crash must not read as "dead links found"
        traceback.print_exc()
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
