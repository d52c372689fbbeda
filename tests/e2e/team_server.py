"""A real HTTPS server for the team-URL tests: what Playwright's routing cannot serve (a body
that never ends and has no Content-Length, an answer that never comes, real redirects).

Chromium reaches it as https://team.example (and https://other.example) through
`--host-resolver-rules`, and accepts its certificate (tests/e2e/certs/, self-signed for those
two names, for these tests only) through `--ignore-certificate-errors`.
"""

from __future__ import annotations

import json
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CERTS = Path(__file__).parent / "certs"
HOSTS = ("team.example", "other.example")


class TeamServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.asked: list[str] = []
        self.files: dict[str, tuple[str, str]] = {}  # path -> (content type, body)
        self.stop = threading.Event()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(CERTS / "cert.pem", CERTS / "key.pem")
        self.socket = context.wrap_socket(self.socket, server_side=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def chromium_args(self) -> tuple[str, ...]:
        rules = ", ".join(f"MAP {host} 127.0.0.1:{self.port}" for host in HOSTS)
        return (f"--host-resolver-rules={rules}", "--ignore-certificate-errors")

    def serve_json(self, path: str, document: object) -> None:
        self.files[path] = ("application/json", json.dumps(document))


class Handler(BaseHTTPRequestHandler):
    server: TeamServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").split(":")[0]
        path = self.path.split("?")[0]
        self.server.asked.append(f"{host}{path}")
        if path == "/endless.json":  # no Content-Length, and it never ends
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b'{"salesy": 1, "name": "' + b"x" * 65536
            try:
                while not self.server.stop.is_set():
                    self.wfile.write(chunk)
            except OSError:
                return  # the reader hung up: what the test wants
            return
        if path == "/silent.json":  # headers, then nothing, ever
            time.sleep(30)
            return
        if path.startswith("/redirect/"):
            self.send_response(302)
            self.send_header("Location", path[len("/redirect") :].replace("/to-", "https://", 1))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        found = self.server.files.get(path)
        if found is None:
            body = b"not here"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        else:
            kind, text = found
            body = text.encode()
            self.send_response(200)
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def team_server() -> Iterator[TeamServer]:
    server = TeamServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()
