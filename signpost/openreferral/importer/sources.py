"""Every kind of source, read as a stream of nested HSDS 3.0 service objects.

- a JSON file: an array of services, an HSDS/ORUK page (`{"contents": [...]}`), one service,
  or an ORUK 1.0 array or page (`{"content": [...]}`), converted as it is read;
- an HSDS tabular data package: a folder (or a .zip) of CSVs with datapackage.json;
- the base URL of an ORUK API, whose `/services` pages are walked;
- the URL of a .json file, fetched to a temporary file and read like one.

JSON files are read incrementally, so a large feed never sits in memory whole.
"""

from __future__ import annotations

import base64
import codecs
import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import ijson
from django.conf import settings

from ..formats import legacy
from ..formats.tabular import TabularError, read_package
from .writer import SourceProblem

USER_AGENT = "Signpost-ORUK-importer/1.0"
PAGE_SIZE = 100
MAX_PAGES = 100_000
# A tabular package unpacks to many times its zipped size; refuse zip bombs.
MAX_UNZIPPED_BYTES = 2 * 1024**3


def timeout_seconds() -> float:
    """How long a feed may take to answer each request before it is given up on."""
    return float(getattr(settings, "SIGNPOST_FEED_TIMEOUT_SECONDS", 30))


def read_source(source: str) -> Iterator[dict]:
    """Nested service objects from a path or URL; raises SourceProblem when unreadable."""
    if source.startswith(("http://", "https://")):
        if urllib.parse.urlsplit(source).path.lower().endswith(".json"):
            return read_json_url(source)
        return walk_api(source)
    path = Path(source)
    if path.is_dir():
        return _tabular(path)
    if not path.exists():
        raise SourceProblem(f"There is no file or folder at {source}.")
    if zipfile.is_zipfile(path):
        return _zipped_package(path)
    return read_json_file(path)


def read_json_file(path: Path) -> Iterator[dict]:
    return _stream(lambda: path.open("rb"), path.name)


def read_json_upload(opener: Any, name: str) -> Iterator[dict]:
    """The same, for an uploaded file (`opener()` gives a fresh binary stream)."""
    return _stream(opener, name)


def _stream(raw_opener: Any, name: str) -> Iterator[dict]:
    """Decide the JSON shape from its first tokens, then stream the services out."""
    opener = _without_bom(raw_opener)
    try:
        with opener() as handle:
            shape = _shape(handle)
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise SourceProblem(f"{name} is not valid JSON ({_why(error)}).") from None
    if shape == "single":
        return _single(opener, name)
    prefix = {"array": "item", "page": "contents.item", "oruk1-page": "content.item"}[shape]
    return _items(opener, name, prefix, oruk1=shape == "oruk1-page")


def _without_bom(opener: Any) -> Any:
    """Spreadsheet tools often start UTF-8 files with a byte-order mark; JSON parsers don't."""

    @contextmanager
    def opened() -> Iterator[IO[bytes]]:
        with opener() as handle:
            if handle.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
                handle.seek(0)
            yield handle

    return opened


def _shape(handle: IO[bytes]) -> str:
    events = ijson.parse(handle)
    try:
        _, event, _ = next(events)
    except StopIteration:
        raise SourceProblem("The file is empty.") from None
    if event == "start_array":
        return "array"
    if event != "start_map":
        raise SourceProblem("The file holds a single value, not services.")
    for prefix, event, value in events:
        if prefix == "" and event == "map_key":
            if value == "contents":
                return "page"
            if value == "content":
                return "oruk1-page"
    return "single"


def _items(opener: Any, name: str, prefix: str, *, oruk1: bool = False) -> Iterator[dict]:
    try:
        with opener() as handle:
            for item in ijson.items(handle, prefix, use_float=True):
                yield _as_hsds3(item, oruk1=oruk1)
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise SourceProblem(f"{name} is not valid JSON part-way through ({_why(error)}).") from None


def _single(opener: Any, name: str) -> Iterator[dict]:
    with opener() as handle:
        try:
            record = json.load(handle)
        except (ValueError, UnicodeDecodeError) as error:
            raise SourceProblem(f"{name} is not valid JSON ({_why(error)}).") from None
    yield _as_hsds3(record)


def _as_hsds3(record: Any, *, oruk1: bool = False) -> Any:
    """A 3.0 service as it is; a 1.0 one converted. On a 1.0 page every record is 1.0, even
    one with none of the keys only 1.0 has (its id may be a number, say). A record with no id
    stays as it is, to be rejected for that, rather than be given an id it would share."""
    if not isinstance(record, dict):
        return record
    if legacy.is_oruk1_service(record) or (oruk1 and record.get("id") not in (None, "")):
        return legacy.convert_oruk1_service(record)
    return record


def _why(error: Exception) -> str:
    """The parser's complaint in a line a person can read (the C parser speaks in bytes)."""
    detail = error.args[0] if error.args else ""
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    detail = str(detail).strip()
    if isinstance(error, UnicodeDecodeError) or "UTF8" in detail:
        return "it is not UTF-8 text: save it as UTF-8 and try again"
    return detail.splitlines()[0][:160] if detail else type(error).__name__


def _tabular(folder: Path) -> Iterator[dict]:
    try:
        yield from read_package(folder)
    except TabularError as problem:
        raise SourceProblem(str(problem)) from None


def _zipped_package(path: Path) -> Iterator[dict]:
    """A tabular package sent as one .zip (how the admin takes it)."""
    with tempfile.TemporaryDirectory(prefix="signpost-import-") as folder:
        try:
            with zipfile.ZipFile(path) as archive:
                if sum(member.file_size for member in archive.infolist()) > MAX_UNZIPPED_BYTES:
                    raise SourceProblem(f"{path.name} unpacks to more than 2 GB.")
                for member in archive.infolist():
                    target = (Path(folder) / member.filename).resolve()
                    if not target.is_relative_to(Path(folder).resolve()):
                        raise SourceProblem(f"{member.filename} points outside the package.")
                archive.extractall(folder)
        except zipfile.BadZipFile:
            raise SourceProblem(f"{path.name} is not a readable .zip file.") from None
        root = Path(folder)
        found = sorted(root.rglob("datapackage.json")) or sorted(root.rglob("services.csv"))
        if not found:
            raise SourceProblem(f"{path.name} holds no datapackage.json or services.csv.")
        yield from _tabular(found[0].parent)


# --- an ORUK API --------------------------------------------------------------------------


class _Api:
    """An ORUK API's base URL, split so its key and password are sent but never shown.

    A query string on the base URL (`?api_key=...`) goes with every request; a user name and
    password (`https://user:pass@host/api`) become HTTP basic authentication.
    """

    def __init__(self, base_url: str) -> None:
        parts = urllib.parse.urlsplit(base_url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        self.root = urllib.parse.urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))
        self.query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        self.headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if parts.username is not None:
            login = f"{urllib.parse.unquote(parts.username)}:"
            login += urllib.parse.unquote(parts.password or "")
            self.headers["Authorization"] = "Basic " + base64.b64encode(login.encode()).decode()

    def get(self, path: str, **params: Any) -> Any:
        """GET root + path; problems name the path, never the key or password."""
        query = urllib.parse.urlencode([*self.query, *params.items()])
        return self.fetch(path, query, json.load)

    def fetch(self, path: str, query: str, read: Callable[[IO[bytes]], Any]) -> Any:
        """Open root + path and `read` the answer, with every failure in plain words."""
        shown = self.root + path
        url = f"{shown}?{query}" if query else shown
        request = urllib.request.Request(url, headers=self.headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout_seconds()) as response:
                return read(response)
        except urllib.error.HTTPError as error:
            if 300 <= error.code < 400:
                raise SourceProblem(
                    f"{shown} kept sending Signpost to other addresses (a redirect loop), so "
                    "it could not be read. Check the address with whoever publishes the feed."
                ) from None
            if error.code == 404:
                raise SourceProblem(
                    f"{shown} was not found (404). Check the feed's address."
                ) from None
            raise SourceProblem(f"{shown} answered {error.code} {error.reason}.") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise SourceProblem(_too_slow(shown)) from None
            raise SourceProblem(f"{shown} could not be reached ({error.reason}).") from None
        except TimeoutError:
            raise SourceProblem(_too_slow(shown)) from None
        except (ValueError, UnicodeDecodeError):
            raise SourceProblem(
                f"{shown} did not answer with JSON (it may be a web page rather than a feed). "
                "Check the feed's address."
            ) from None


def _too_slow(shown: str) -> str:
    return (
        f"{shown} took too long to answer (more than {timeout_seconds():g} seconds), so it "
        "was not read. Nothing was changed; the next sync will try again."
    )


def read_json_url(url: str) -> Iterator[dict]:
    """A .json file on the web: fetched whole to a temporary file, then streamed like one."""
    api = _Api(url)
    with tempfile.TemporaryDirectory(prefix="signpost-feed-") as folder:
        path = Path(folder) / "feed.json"

        def save(response: IO[bytes]) -> None:
            kind = response.headers.get_content_type() if hasattr(response, "headers") else ""
            if kind == "text/html":
                raise ValueError("an HTML page")
            with path.open("wb") as out:
                while chunk := response.read(1024 * 1024):
                    out.write(chunk)

        api.fetch("", urllib.parse.urlencode(api.query), save)
        yield from _stream(lambda: path.open("rb"), api.root)


def walk_api(base_url: str) -> Iterator[dict]:
    """Every service of an ORUK API, page by page; list items are fetched whole when thin."""
    api = _Api(base_url)
    previous_ids: list[Any] | None = None
    for page in range(1, MAX_PAGES + 1):
        body = api.get("/services", page=page, per_page=PAGE_SIZE)
        oruk1 = legacy.is_oruk1_page(body)
        if oruk1:
            items = legacy.page_items(body)
            last = bool(body.get("last")) or page >= _page_count(body.get("totalPages"))
        elif isinstance(body, dict) and isinstance(body.get("contents"), list):
            items = body["contents"]
            last = bool(body.get("last_page")) or page >= _page_count(body.get("total_pages"))
        else:
            raise SourceProblem(f"{api.root}/services did not answer with a page of services.")
        ids = [item.get("id") if isinstance(item, dict) else None for item in items]
        if items and ids == previous_ids:
            # A server that ignores `page` would otherwise be walked 100,000 times.
            raise SourceProblem(
                f"{api.root}/services sent the same services for page {page} as for page "
                f"{page - 1}, so it does not page as ORUK asks; stopped."
            )
        previous_ids = ids
        for item in items:
            if isinstance(item, dict) and item.get("id") and not _is_full(item):
                item = api.get(f"/services/{urllib.parse.quote(str(item['id']))}")
            yield _as_hsds3(item, oruk1=oruk1)
        if last or not items:
            return
    raise SourceProblem(f"{api.root} has more than {MAX_PAGES} pages; stopped.")


def _page_count(value: Any) -> int:
    """A page's total_pages as a number; a count we cannot read means "keep going"."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return MAX_PAGES + 1


def safe_url(url: str) -> str:
    """A source URL as it may be shown and logged: without its key or password."""
    return _Api(url).root


def _is_full(item: dict) -> bool:
    """A list item that already carries the nested parts (some APIs list in full)."""
    return any(
        key in item
        for key in ("service_at_locations", "phones", "schedules", "attributes", "contacts")
    ) or legacy.is_oruk1_service(item)
