"""YAML syntax errors in plain words, each with the fix, instead of the parser's jargon."""
from __future__ import annotations

import json
import re

import yaml

_SHOWN = 60  # characters of a value quoted in a suggested fix
_ITEM = re.compile(r"^[ ]*- (?P<value>[^:]+?)[ \t]*$")
_FIELD = re.compile(r"^(?P<indent>[ ]*(?:- )?)(?P<key>[A-Za-z0-9_-]+):[ \t]+(?P<value>.+?)[ \t]*$")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, message) for a parser error: what went wrong on that line and how to fix it."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    opened = exc.context_mark.line + 1 if exc.context_mark else line
    source = _line(text, line)
    if "'\\t'" in problem:
        return line, "a tab character is used to indent; indent with spaces only (two per level)"
    if problem == "mapping values are not allowed here":
        return line, _colon(source, mark.column if mark else 0)
    if problem.startswith("expected <block end>") and "'<scalar>'" in problem:
        return line, ("text follows a closing quote on this line; put the whole value in double quotes, and write "
                      "a quote inside it as \\\"")
    if problem.startswith("expected <block end>"):
        return line, ("this line is indented differently from the lines above it; indent each field of a block, "
                      "and each '-' of a list, by the same number of spaces as its neighbours")
    if context == "while scanning a quoted scalar":
        return opened, "a quote opened on this line is never closed; end the value with the same quote on one line"
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        pair = "[ ]" if "sequence" in context else "{ }"
        return opened, (f"the {pair} opened on this line is not closed, or a value in it holds ': ' or ' #'; close it "
                        "on the same line and put such values in quotes")
    if context == "while scanning an alias" or context == "while scanning an anchor":
        return line, "a value that starts with '*' or '&' must be in quotes: \"*like this*\""
    if context == "while scanning a block scalar":
        return line, "a value that starts with '|' or '>' must be in quotes"
    found = re.search(r"found character '(.)' that cannot start any token", problem)
    if found:
        return line, f"a value that starts with '{found.group(1)}' must be in quotes: \"{found.group(1)}...\""
    if "found another document" in problem:
        return line, "a line '---' starts a second record in this file; a file holds one record: remove the '---'"
    words = ", ".join(part for part in (context, problem) if part) or "not valid YAML"
    return line, f"YAML syntax: {words}; check the quotes and the indentation on this line"


def _colon(source: str, column: int) -> str:
    """': ' in a plain value, or a field indented as if it belonged to the value above."""
    field = _FIELD.match(source)
    if not field or ": " not in source[:column]:
        return ("this field is indented more than the one above it; line it up with the other fields of its block "
                "(or, if the line above is a value that goes on, put that value in quotes)")
    return f"a value that holds ': ' must be in quotes: {suggest(field.group('key'), field.group('value'))}"


def suggest(key: str, value: str) -> str:
    """`key: "value"` as the contributor could write it, shortened."""
    return f"{key}: {_quoted(value)}"


def _quoted(value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=False)
    return quoted if len(quoted) <= _SHOWN else quoted[:_SHOWN - 4] + '..."'



def comment_hint(key: str | int, line: str) -> str:
    """The message for an unquoted value cut short by ` #`: the whole rest of the line in quotes."""
    field, item = _FIELD.match(line), _ITEM.match(line)
    if field and not isinstance(key, int):
        fix = suggest(str(key), field.group("value"))
    elif item:
        fix = "- " + _quoted(item.group("value"))
    else:
        fix = '"..."'
    return f"the value ends where ' #' starts a comment, so the rest of the line is lost; put it in quotes: {fix}"


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""
