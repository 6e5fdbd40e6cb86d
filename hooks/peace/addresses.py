"""Which addresses may be published and requested: a real, public host name, nothing on the build machine's network.

Standard library only: the weekly external-link job (tools/external_links.py) uses it without the project's
environment.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
# Names that never lead to the public web (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal).
_LOCAL_NAMES = ("localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet", "corp")


def problem(url: str) -> str | None:
    """Why `url` is not a public http(s) address, in words; None when it is one."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if parts.scheme not in ("http", "https"):
        return "is not an http:// or https:// address"
    if "@" in parts.netloc:
        return "has a user name or password before the host; give the address without it"
    hostport = parts.netloc.rsplit("]", 1)[-1]
    if port is not None and not 0 < port < 65536 or ":" in hostport and port is None:
        return "has a port that is not a number from 1 to 65535"
    host = _ascii((parts.hostname or "").rstrip(".") if (parts.hostname or "") != "." else "")
    labels = host.split(".")
    if not host or not all(labels):
        return "has no host name, or an empty part in it (like '..'); give the document's full address"
    ip = _ip(host)
    if ip is not None:
        if not ip.is_global:
            return f"points at {_range(ip)} address ({ip}), not a public site; give the document's public address"
        return None
    if labels[-1].isdigit() or host.startswith("0x") or any(label.startswith("0x") for label in labels):
        return "has a host that reads as a number; give the site's name, like news.example.org"
    if not all(_LABEL.fullmatch(label) for label in labels):
        return "has a host name part that does not start and end with a letter or digit"
    if len(labels) < 2 or any(host == name or host.endswith("." + name) for name in _LOCAL_NAMES):
        return "has a host name that is not on the public web (like localhost); give the site's full name"
    return None


def _ascii(host: str) -> str:
    """A non-ASCII host name as it goes over the wire (IDNA); unchanged when it cannot be encoded."""
    try:
        return host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _range(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    for test, name in ((ip.is_loopback, "a loopback"), (ip.is_link_local, "a link-local"),
                       (ip.is_private, "a private"), (ip.is_multicast, "a multicast"),
                       (ip.is_unspecified, "an unspecified")):
        if test:
            return name
    return "a reserved"


def public(url: str) -> bool:
    return problem(url) is None
