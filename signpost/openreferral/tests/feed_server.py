"""A small local HTTP server standing in for a council's feed: real sockets, no mocks.

`routes` maps a path to what it answers: a JSON-ready value, or a `Reply` for anything odd
(HTML, a redirect, a 404, a slow answer). Query strings are matched when the route has one.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    location: str = ""
    delay: float = 0.0


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Any] = {}
        self.requests: list[str] = []
        routes, requests = self.routes, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                path = self.path if self.path in routes else self.path.split("?")[0]
                answer = routes.get(path, Reply(404, b"Not found", "text/plain"))
                if not isinstance(answer, Reply):
                    answer = Reply(body=json.dumps(answer).encode())
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    if answer.location:
                        self.send_header("Location", answer.location)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the importer gave up waiting, as it should

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def serve_services(self, records: list[dict], path: str = "/api") -> str:
        """Publish these services as one ORUK page at path/services; returns the base URL."""
        self.routes[f"{path}/services"] = {
            "total_items": len(records),
            "total_pages": 1,
            "page_number": 1,
            "size": len(records),
            "first_page": True,
            "last_page": True,
            "empty": not records,
            "contents": records,
        }
        return self.url + path

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.stop()
