"""Every error newsift raises, with a stable code users can search for.

Code raises ``InputError(Errors.E002.format(path=...))``; the CLI prints the
message on one line and exits with the error's ``exit_code``.
"""

from __future__ import annotations

__all__ = ["Errors", "NewsiftError", "InputError", "AnalysisError", "ResourceUnavailable"]


class NewsiftError(Exception):
    """Base class: a failure with a one-line message meant for the user."""

    exit_code = 1


class InputError(NewsiftError):
    """Bad usage or unreadable input (exit code 2)."""

    exit_code = 2


class AnalysisError(NewsiftError):
    """Input was read but analysis could not complete (exit code 1)."""

    exit_code = 1


class ResourceUnavailable(NewsiftError):
    """A stage's resource (model, store, table) is missing; the stage is skipped."""

    exit_code = 1


class Errors:
    E001 = "[E001] {path}: no such file"
    E002 = "[E002] {path}: input is empty"
    E003 = "[E003] {path}: input holds only whitespace"
    E004 = "[E004] {path}: looks like binary data ({why}), not text"
    E005 = "[E005] {path}: {size} is above the {limit} limit (set --max-bytes or max_bytes to raise it)"
    E006 = "[E006] {path}: no article text found in the HTML"
    E007 = "[E007] {path}: the JSON object has no non-empty 'text' field"
    E008 = "[E008] {path}: line {line}: invalid JSON ({why})"
    E009 = "[E009] {path}: invalid JSON ({why})"
    E010 = "[E010] {path}: expected a JSON object, got {kind}"
    E011 = "[E011] {path}: the CSV has no 'text' column (columns: {columns})"
    E012 = "[E012] {path}: unsupported input type '{suffix}' (use .txt, .html, .json, .jsonl or .csv)"
    E013 = "[E013] {path}: cannot read ({why})"
    E014 = "[E014] {path}: line {line}: {why}"
    E015 = "[E015] unknown stage '{name}' (known: {known})"
    E016 = "[E016] stage '{stage}' requires layer '{layer}', which no earlier stage assigns"
    E017 = "[E017] span [{start}, {end}) does not fit a text of {length} characters"
    E018 = "[E018] {path}: the 'published' field is not an ISO date: {value!r}"
    E019 = "[E019] settings file {path}: {why}"
    E020 = "[E020] unknown setting '{name}'"
    E021 = "[E021] nothing could be analysed: every input was unreadable"
    E022 = "[E022] the store at {path} cannot be opened ({why})"
    E023 = "[E023] resource '{name}' is not available: {why}"
    E024 = "[E024] {path}: not valid UTF-8; decoded as {encoding}"
    E025 = "[E025] data folder {path} not found; pass --data or set the path"
    E030 = "[E030] --url, --title and --published apply to one input only"
    E031 = "[E031] no store at {path} (run `newsift index` to create one)"
    E040 = "[E040] the web service needs the server extra: pip install 'newsift[server]'"
    E041 = "[E041] a scheduler address needs dask.distributed: pip install 'dask[distributed]'"
    # claims (E250–E299)
    E250 = "[E250] {path}: not a CheckThat! TSV: no 'Text' column (columns: {columns})"
    E251 = "[E251] {path}: record {row}: only {fields} fields"
    E252 = "[E252] {path}: record {row}: class_label must be Yes or No, got {value!r}"
    # attribution (E100–E149)
    E100 = "[E100] {path}: not a PolNeAR-format folder (expected text/ and attributions/ inside)"
    E101 = "[E101] {path}: no text has an attributions/*.ann file"
    E102 = "[E102] --limit must be a positive number, got {value}"
    # sources (E200–E249)
    E200 = "[E200] no outlet ratings in the store at {path}: run `newsift sources update`"
    E201 = "[E201] cannot fetch {where}: {why}"
    E202 = "[E202] {where}: cannot read the {name} rating set ({why})"
    E203 = "[E203] unknown rating set '{name}' (known: {known})"
    E204 = "[E204] '{value}' is not a domain or URL"
    E205 = "[E205] --from {value}: no such folder, and not an http(s) URL"
    # provenance (E150–E199)
    E150 = "[E150] the store at {db} holds no other article to compare with (run `newsift index` first)"
    E151 = "[E151] --sizes must be comma-separated positive integers, got {value!r}"
    E152 = "[E152] no benchmark articles under {path} (need buzzfeed-webis-2016 or PolNeAR texts)"
    # coverage (E300–E349)
    E300 = "[E300] {option}: not an ISO date (YYYY-MM-DD): {value!r}"
    E301 = "[E301] the search query has no words"
    E302 = "[E302] {path}: no WikiRef220 articles found (pass --data with the folder of the shared data)"
    E303 = "[E303] {option}: {why}"
    E304 = "[E304] the search query {query!r} is not valid: {why}"
    E305 = "[E305] semantic re-ranker unavailable: {why} (pip install 'newsift[semantic]')"
    E253 = "[E253] {path}: no check-worthiness data: expected {files}"
    E254 = "[E254] claims model {path} cannot be loaded ({why}); retrain it with 'newsift train claims'"
    E255 = "[E255] {path}: no sentences to score"
    E256 = "[E256] the semantic claims model needs MiniLM: {why} ({hint})"
    E257 = ("[E257] claims teacher probabilities cannot be used: {why}; make them for this data with 'newsift train "
            "claims-teacher', or train with --no-teacher")
