"""MkDocs hooks: thin glue between MkDocs and the `peace` package.

on_config loads and validates every record, and refuses a symbolic link, device
or pipe anywhere under docs/, which MkDocs would copy into the site byte for byte
(the build stops there, before anything is written); on_files adds the generated
pages; on_page_markdown fills the `<!-- peace:... -->` markers of the
hand-written pages. Under `mkdocs serve --dirty` (`make serve`) only the pages
whose Markdown changed, and the pages filled from markers, are rebuilt.
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
from peace import pages, preview
from peace.problems import DataError

_loaded: dict[str, datasets.Dataset] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        data = datasets.load(root)
    except DataError as error:
        raise Abort(f"\n{error}") from None
    _loaded["data"] = data
    # Dates that differ between builds (sitemap) come from the data, not the clock.
    os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(data.last_reviewed()))
    return config


def on_startup(command: str, dirty: bool) -> None:
    _loaded["dirty"] = dirty  # type: ignore[assignment]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for f in files:
        if f.is_documentation_page():
            f.edit_uri = f"docs/{f.src_uri}"
            if _loaded.get("dirty") and pages.has_markers(f.abs_src_path):
                _mark_modified(f)  # filled from the data, which may have changed
    for generated in pages.record_pages(_loaded["data"]):
        file = File.generated(config, generated.path, content=generated.content, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = generated.edit
        if _loaded.get("dirty") and not preview.changed(generated.path, generated.content):
            file.is_modified = lambda: False  # type: ignore[method-assign]
        files.append(file)
    for generated in pages.downloads(_loaded["data"], config.site_url or "", config.site_name):
        files.append(File.generated(config, generated.path, content=generated.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return pages.fill_markers(markdown, page.file.src_uri, _loaded["data"])
    except (pages.UnknownMarker, DataError) as error:
        raise Abort(f"\n{error}") from None


def _mark_modified(file: File) -> None:
    file.is_modified = lambda: True  # type: ignore[method-assign]


def _epoch(day: str) -> int:
    return int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp())
