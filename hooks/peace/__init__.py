"""Peace-process reference: load, validate and render the curated records.

Nothing in this package knows about MkDocs; the hook module `hooks/site.py`
is the only glue.
"""
