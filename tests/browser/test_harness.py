"""The harness itself: the site is served locally and another host is never reached."""
from __future__ import annotations


def test_home_loads_from_the_local_server(page, base_url: str) -> None:
    response = page.goto(base_url)
    assert response is not None and response.ok
    assert page.title().endswith("Ukraine Peace Process Reference")


def test_requests_to_other_hosts_are_recorded_and_aborted(page, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    before = list(page.foreign_requests)
    outcome = page.evaluate("""() => fetch('https://example.org/x').then(() => 'reached', () => 'blocked')""")
    assert outcome == "blocked"
    assert page.foreign_requests == [*before, "https://example.org/x"]
