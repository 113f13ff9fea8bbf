"""Live Sotkanet REST client: each response is saved under data/raw/, then loaded like a downloaded file."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from config import settings
from loaders import formats
from store.batch import Batch

USER_AGENT = "rrp-dashboard/0.1 (wellbeing-county RRP indicator dashboard; python-requests)"
TIMEOUT = (5.0, 60.0)  # connect, read: a year of every municipality takes a while to build
CACHE_SECONDS = 24 * 3600  # Sotkanet updates at most daily; a rerun within a day reuses the saved file


class FetchError(Exception):
    """The server could not be reached or kept failing; nothing was saved or loaded.

    kind says which, for a message in the reader's language: unreachable (no answer), http (an error
    status, in .status) or no_range (the metadata gave no years)."""

    def __init__(self, message: str, kind: str = "unreachable", status: int | None = None) -> None:
        super().__init__(message)
        self.kind, self.status = kind, status


@dataclass(frozen=True)
class Saved:
    path: Path
    url: str
    retrieved_at: datetime
    from_cache: bool


def session(retries: int = 4, backoff: float = 0.5) -> requests.Session:
    """Retries 429 and 5xx with exponential backoff, waiting as long as Retry-After asks."""
    retry = Retry(
        total=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET",),
        respect_retry_after_header=True,
        raise_on_status=False,  # the last failing response is reported with its status
    )
    s = requests.Session()
    s.headers["User-Agent"] = USER_AGENT
    s.mount("http://", HTTPAdapter(max_retries=retry))
    s.mount("https://", HTTPAdapter(max_retries=retry))
    return s


class SotkanetClient:
    def __init__(
        self,
        base_url: str | None = None,
        raw_dir: Path | None = None,
        http: requests.Session | None = None,
        timeout: tuple[float, float] = TIMEOUT,
        cache_seconds: float = CACHE_SECONDS,
    ) -> None:
        self.base_url = (base_url or settings().sotkanet_url).rstrip("/")
        self.raw_dir = raw_dir or settings().raw_dir
        self.http = http or session()
        self.timeout = timeout
        self.cache_seconds = cache_seconds

    def data_url(self, indicator: int, years: list[int], genders: str = "total") -> str:
        request = requests.Request(
            "GET", f"{self.base_url}/csv", params={"indicator": indicator, "years": years, "genders": genders}
        )
        return request.prepare().url

    def fetch(self, url: str, name: str) -> Saved:
        """GET url, save the body (or reuse a fresh saved one), and say where it came from."""
        key = hashlib.sha256(url.encode()).hexdigest()[:16]
        folder = self.raw_dir / "sotkanet"
        folder.mkdir(parents=True, exist_ok=True)
        meta_path = folder / f"{name}.{key}.meta.json"
        if meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            retrieved = datetime.fromisoformat(meta["retrieved_at"])
            path = folder / meta["file"]
            if path.exists() and time.time() - retrieved.timestamp() < self.cache_seconds:
                return Saved(path, url, retrieved, from_cache=True)
        try:
            response = self.http.get(url, timeout=self.timeout)
        except requests.RequestException as error:
            raise FetchError(f"{url}: {type(error).__name__}: {error}") from None
        if response.status_code != 200:
            raise FetchError(f"{url}: HTTP {response.status_code} after retries", "http", response.status_code)
        retrieved = datetime.now()
        suffix = ".json" if "json" in response.headers.get("Content-Type", "") else ".csv"
        path = folder / f"{name}.{retrieved:%Y%m%dT%H%M%S}.{key}{suffix}"
        path.write_bytes(response.content)  # the raw bytes, so the sha256 is of what the server sent
        meta_path.write_text(json.dumps({"url": url, "file": path.name, "retrieved_at": retrieved.isoformat()}))
        return Saved(path, url, retrieved, from_cache=False)

    def load(self, saved: Saved) -> Batch:
        """Parse the saved file through the same path as a downloaded one, adding where it came from."""
        return replace(formats.parse(saved.path), url=saved.url, retrieved_at=saved.retrieved_at)

    def indicator_data(self, indicator: int, years: list[int], genders: str = "total") -> Batch:
        url = self.data_url(indicator, years, genders)
        return self.load(self.fetch(url, f"data_{indicator}_{'-'.join(map(str, years)) or 'all'}_{genders}"))

    def indicator_metadata(self, indicator: int) -> Batch:
        return self.load(self.fetch(f"{self.base_url}/indicators/{indicator}", f"indicator_{indicator}"))

    def years(self, indicator: int) -> list[int]:
        """Every year the indicator has data for, from its metadata's range (the data URL needs years)."""
        saved = self.fetch(f"{self.base_url}/indicators/{indicator}", f"indicator_{indicator}")
        span = json.loads(saved.path.read_bytes()).get("range") or {}
        if not isinstance(span.get("start"), int) or not isinstance(span.get("end"), int):
            raise FetchError(f"{saved.url}: no range in the metadata; pass --years", "no_range")
        return list(range(span["start"], span["end"] + 1))

    def regions(self) -> Batch:
        return self.load(self.fetch(f"{self.base_url}/regions", "regions"))
