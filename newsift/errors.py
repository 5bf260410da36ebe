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
    E258 = "[E258] --held-out scores the 2016 debates of the CT24 train file: pass {train} among --data"
    # fetching web pages (E460–E479)
    E460 = "[E460] {url}: only http and https addresses can be fetched"
    E461 = ("[E461] {url}: {host} resolves to a non-public address ({address}); refused "
            "(set fetch_private_hosts = true to allow it)")
    E462 = "[E462] {url}: cannot resolve the host {host}"
    E463 = "[E463] {url}: more than {limit} redirects"
    E464 = "[E464] {url}: the page is larger than the {limit} limit (set fetch_max_bytes to raise it)"
    E465 = "[E465] {url}: the download did not finish within {seconds:g} s (set fetch_timeout to raise it)"
    E466 = "[E466] {url}: cannot fetch ({why})"
    E467 = "[E467] {url}: the server answered HTTP {status}"
    E468 = "[E468] {url}: fetching web pages is switched off (fetch_enabled = false)"
    E469 = "[E469] {url}: the page is {content_type}, not HTML or text"
    E470 = ("[E470] --format html writes one page per article: for several articles give -o FOLDER "
            "(a page each and an index.html), not {output}")
    E471 = "[E471] {path}: cannot write the pages there ({why})"
    E306 = "[E306] {path}: no BuzzFeed-Webis 2016 articles found (pass --data with the folder of the shared data)"
    E307 = "[E307] {path}: cannot read the same-event labels: {why}"
    # corpus scale (E400–E449)
    E400 = "[E400] cannot reach the Dask scheduler at {address} ({why})"
    E401 = "[E401] {path}: no '{column}' column for {option} (columns: {columns})"
    E402 = "[E402] {path}: not a readable {kind} file ({why})"
    E403 = "[E403] no article with id {id!r} in the store at {path}"
    E404 = "[E404] {path}: record {record}: {why}"
    E405 = "[E405] {path}: a folder with no {suffixes} files in it"
    E406 = "[E406] unknown table '{name}' (known: {known})"
    E407 = "[E407] {path}: no relations to draw (run `newsift corpus trace` first)"
    E408 = "[E408] {option} must be a positive number, got {value}"
    # reliability: inputs (E500–E519), the store (E520–E539), rating updates (E540–E549)
    E500 = "[E500] {path}: no letters in the text (only spaces, invisible characters, digits or symbols)"
    E501 = "[E501] {path}: {count} invalid UTF-8 byte sequence(s) replaced by U+FFFD"
    E502 = "[E502] {path}: not a regular file ({kind}); give a file or - for standard input"
    E503 = "[E503] {path}: JSON nested deeper than {limit} levels"
    E504 = "[E504] {path}: the '{field}' field holds a lone surrogate (\\u{code:04x}), which is not text"
    E505 = "[E505] {path}: no text encoding fits these bytes ({bad} of {size} bytes invalid as UTF-8)"
    E520 = "[E520] the store at {path} is damaged ({why}); run `newsift corpus check`"
    E521 = "[E521] the store at {path} is busy: another process held it for {seconds:.0f} s; try again when it is done"
    E522 = "[E522] the store at {path} has schema version {found}, newer than this newsift ({known}); upgrade newsift"
    E523 = "[E523] the store at {path} cannot be written ({why})"
    E524 = "[E524] the store at {path}: {why}"
    E526 = "[E526] stage '{stage}' failed: {why}"
    E540 = "[E540] {where}: the {name} rating set lacks the expected columns ({why})"
    E541 = ("[E541] the {name} rating set has {rows} domains, below {share:.0%} of the {previous} loaded before;"
            " nothing was replaced (pass --force to load it anyway)")
    E409 = "[E409] {path}: corpus trace reads .jsonl or .parquet files (or the store), not {suffix}"
    E259 = ("[E259] the strong claims model is not at {path}; build it with 'newsift train claims-strong' "
            "(about an hour on two CPU cores), or set claims_strong_dir to its folder")
    E260 = "[E260] the strong claims model cannot run: {why} (pip install 'newsift[strong]')"
    E261 = "[E261] the strong claims model in {path} cannot be loaded ({why}); rebuild it with 'newsift train claims-strong'"
    E103 = "[E103] --real-news {path}: none of the labelled BuzzFeed-Webis articles is there (need buzzfeed-webis-2016)"
