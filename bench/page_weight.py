"""First-load weight of a page: HTML + CSS + JS as a browser receives them (compressed).

    .venv/bin/python bench/page_weight.py URL [URL ...]

Fetches each page with `Accept-Encoding: gzip, br` from a running server (scripts/lighthouse.sh
starts a production-like one), then every stylesheet and script it links, and prints the bytes
on the wire. Target for a service page: 75 KB or less.
"""

from __future__ import annotations

import re
import sys
import urllib.request
from urllib.parse import urljoin

ASSET_RE = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
TARGET_KB = 75


def fetch(url: str) -> tuple[bytes, int]:
    """The decoded body and the number of bytes that crossed the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
        encoding = response.headers.get("Content-Encoding", "")
    if encoding == "gzip":
        import gzip

        return gzip.decompress(raw), len(raw)
    return raw, len(raw)


def weigh(url: str) -> int:
    """Print and return the wire size of a page and its CSS and JS."""
    body, html_bytes = fetch(url)
    total = html_bytes
    print(f"{url}\n  html {html_bytes / 1024:6.1f} KB")
    for asset in ASSET_RE.findall(body.decode("utf-8", "replace")):
        _, size = fetch(urljoin(url, asset))
        total += size
        print(f"  {asset.rsplit('/', 1)[-1][:40]:40} {size / 1024:6.1f} KB")
    verdict = "within" if total <= TARGET_KB * 1024 else "OVER"
    print(f"  total {total / 1024:.1f} KB ({verdict} the {TARGET_KB} KB target)")
    return total


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for page_url in sys.argv[1:]:
        weigh(page_url)
