"""MkDocs hooks: thin glue between MkDocs and the `peace` package.

on_config loads and validates every record, and refuses a symbolic link, device
or pipe anywhere under docs/, which MkDocs would copy into the site byte for byte
(the build stops there, before anything is written); on_files adds the generated
pages; on_page_markdown fills the `<!-- peace:... -->` markers of the
hand-written pages. Under `mkdocs serve --dirty` (`make serve`) only the pages
whose Markdown changed are rebuilt, and only the record pages that can show a
changed record are rendered (preview.py).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from peace import dataset as datasets
from peace import history, pages, preview
from peace.appendix import Site
from peace.problems import DataError

_loaded: dict[str, datasets.Dataset] = {}
_site: dict[str, Site] = {}
_filled: dict[str, str] = {}  # hand-written pages with their markers filled, in a preview


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        data = datasets.load(root)
    except DataError as error:
        raise Abort(f"\n{error}") from None
    _loaded["data"] = data
    # One `git log` for every record's history, read once per build.
    _site["site"] = Site(config.site_name, config.site_url or "", config.repo_url or "", history.read(root))
    # Dates that differ between builds (sitemap) come from the data, not the clock.
    os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(data.last_reviewed()))
    return config


def on_startup(command: str, dirty: bool) -> None:
    _loaded["dirty"] = dirty  # type: ignore[assignment]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data, dirty = _loaded["data"], bool(_loaded.get("dirty"))
    first = preview.start_build() == 1 if dirty else True
    _filled.clear()
    for f in files:
        if f.is_documentation_page():
            f.edit_uri = f"docs/{f.src_uri}"
            if dirty:
                _preview_hand_written(f, data)
    generated_pages = (preview.record_pages(data, _site["site"]) if dirty
                       else [(g, True) for g in pages.record_pages(data, _site["site"])])
    for generated, modified in generated_pages:
        file = File.generated(config, generated.path, content=generated.content, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = generated.edit
        if not modified:
            _mark(file, modified=False)
        files.append(file)
    # A preview writes the downloads once, at its first build: they are not what a contributor looks at.
    if not first:
        return files
    for generated in pages.downloads(data, config.site_url or "", config.site_name):
        files.append(File.generated(config, generated.path, content=generated.content))
    for generated in pages.api_pages(data):
        files.append(File.generated(config, generated.path, content=generated.content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def _preview_hand_written(file: File, data: datasets.Dataset) -> None:
    """A hand-written page is rebuilt in a preview only when what its markers fill in has changed."""
    text = Path(str(file.abs_src_path)).read_text(encoding="utf-8")
    if not pages.has_markers_in(text):
        return
    try:
        _filled[file.src_uri] = filled = pages.fill_markers(text, file.src_uri, data)
    except (pages.UnknownMarker, DataError):
        return  # on_page_markdown reports it
    _mark(file, modified=preview.changed("docs/" + file.src_uri, filled))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        filled = _filled.get(page.file.src_uri) or pages.fill_markers(markdown, page.file.src_uri, _loaded["data"])
    except (pages.UnknownMarker, DataError) as error:
        raise Abort(f"\n{error}") from None
    return pages.with_citation(filled, page.file.src_uri, page.title, _loaded["data"], _site["site"])


def _mark(file: File, modified: bool) -> None:
    file.is_modified = lambda: modified  # type: ignore[method-assign]


def _epoch(day: str) -> int:
    return int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp())
