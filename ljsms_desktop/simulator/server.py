"""The HTTP side: a quiet, keep-alive ``ThreadingHTTPServer`` and the :class:`Simulator` facade."""

from __future__ import annotations

import json
import logging
import selectors
import socket
import threading
from collections import Counter
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .config import ENDPOINTS, PREFIX, SEND_ENDPOINTS, SimConfig
from .gateway import answer, handle
from .state import Accepted, GatewayState, Injection

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024 * 1024
_PATHS = {f"{PREFIX}/{name}": name for name in ENDPOINTS}
_JSON = "application/json; charset=utf-8"


def _json_bytes(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"        # keep-alive: requests.Session reuses the connection
    server_version = "LjGatewaySimulator/1.0"
    disable_nagle_algorithm = True       # headers and body go out in separate writes
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)
        self.server.simulator._state.count_connection()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def log_message(self, format, *args) -> None:  # noqa: A002 - stdlib signature
        """Quiet: one line per request would flood test output."""

    def _send(self, status: int, body: bytes, content_type: str = _JSON) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            if self.headers.get("Transfer-Encoding"):
                self.close_connection = True   # chunked bodies are not supported: cannot frame
                return None
            return b""
        try:
            n = int(length)
        except ValueError:
            n = -1
        if not 0 <= n <= MAX_BODY:
            self.close_connection = True
            return None
        return self.rfile.read(n)

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        sim = self.server.simulator
        endpoint = _PATHS.get(urlsplit(self.path).path.rstrip("/"))
        raw = self._read_body()
        if endpoint is None:
            sim._state.count("unknown", 404)
            self._send(404, _json_bytes({"code": 404, "desc": "not found"}))
            return
        try:
            sim._serve(self, endpoint, raw)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:  # a simulator bug: answer 500, keep the details for the tests
            log.exception("simulator failed on %s", endpoint)
            sim.errors.append(f"{endpoint}: internal error")
            self.close_connection = True
            self._send(500, _json_bytes({"code": 500, "desc": "simulator internal error"}))

    def _not_allowed(self) -> None:
        self._read_body()
        known = urlsplit(self.path).path.rstrip("/") in _PATHS
        status = 405 if known else 404
        self._send(status, _json_bytes({"code": status, "desc": "method not allowed" if known else "not found"}))

    do_GET = do_PUT = do_DELETE = do_PATCH = _not_allowed  # noqa: N815


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, simulator: Simulator):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.simulator = simulator
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)
        # A timeout (not blocking) on the listening socket: accept() cannot hang if a client
        # vanishes between select and accept, and accepted sockets are made blocking again.
        self.socket.settimeout(1.0)

    def track(self, conn: socket.socket, is_open: bool) -> None:
        with self._open_lock:
            (self._open.add if is_open else self._open.discard)(conn)

    def close_connections(self) -> None:
        """Hang up on every open keep-alive connection, so a stopped simulator stops answering."""
        with self._open_lock:
            conns = list(self._open)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address) -> None:
        """Quiet: a client that hangs up is not worth a traceback on stderr."""
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class Simulator:
    """A running (or startable) simulated 联江 gateway on ``host:port`` (0 = a free port).

    ``Simulator(config=None, *, host="127.0.0.1", port=0, **config_overrides)``; see
    :class:`~ljsms_desktop.simulator.config.SimConfig` for the settings and the package
    docstring for the behaviour. Everything here is thread-safe.
    """

    def __init__(self, config: SimConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 **config_overrides):
        if config is None:
            config = SimConfig(**config_overrides)
        elif config_overrides:
            config = replace(config, **config_overrides)
        self._state = GatewayState(config)
        self._host = host
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.errors: list[str] = []

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> Simulator:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((self._host, self._port), self)
        self._port = self._server.server_address[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(target=self._loop, args=(self._server, self._wake_r),
                                        name=f"ljsms-simulator-{self._port}", daemon=True)
        self._thread.start()
        return self

    @staticmethod
    def _loop(server: _Server, wake: socket.socket) -> None:
        """Accept connections until *wake* becomes readable.

        Instead of ``serve_forever``: its shutdown waits up to a poll interval (0.5 s), which
        would add that much to every test's teardown; a wake-up socket stops it at once.
        """
        with selectors.DefaultSelector() as selector:
            selector.register(server, selectors.EVENT_READ)
            selector.register(wake, selectors.EVENT_READ)
            while True:
                ready = [key.fileobj for key, _ in selector.select()]
                if wake in ready:
                    return
                server.handle_request()   # readable: accepts at once, a thread serves the connection

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()           # cut short any configured answer delay
        self._wake_w.send(b"x")
        if self._thread is not None:
            self._thread.join(timeout=5)
        server.server_close()
        server.close_connections()
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        return self._port

    @property
    def host(self) -> str:
        return self._host

    @property
    def base_url(self) -> str:
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self._host, self._host)
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self._port}{PREFIX}"

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<Simulator {self.base_url} account={self.config.account!r} {state}>"

    # -- configuration and faults -------------------------------------------------------------
    @property
    def config(self) -> SimConfig:
        return self._state.config

    def configure(self, **changes) -> SimConfig:
        """Change settings at run time (e.g. ``templates=``, ``deliver_rate=``, ``disabled=``)."""
        return self._state.configure(**changes)

    def set_faults(self, *, busy_rate: float | None = None, drop_rate: float | None = None,
                   delay: float | None = None) -> None:
        changes = {k: v for k, v in (("busy_rate", busy_rate), ("drop_rate", drop_rate), ("delay", delay))
                   if v is not None}
        self._state.configure(**changes)

    def inject(self, endpoint: str | None, *, code: int | None = None, status: int = 200,
               body: str | bytes | dict | None = None, content_type: str = "application/json",
               drop: bool = False, times: int = 1) -> None:
        """Make the next *times* requests to *endpoint* (``None`` = any) answer differently.

        ``code``: answer that vendor code (``{"code", "desc"}``) without acting. ``body``: answer
        these raw bytes (a dict is sent as JSON) with HTTP *status* and *content_type*, without
        acting. ``drop``: close the connection without answering; on a send the request is first
        processed (accepted and charged when valid), elsewhere nothing happens.
        """
        if endpoint is not None:
            endpoint = endpoint.strip("/")
            if endpoint not in ENDPOINTS:
                raise ValueError(f"unknown endpoint {endpoint!r}; one of {', '.join(ENDPOINTS)} or None")
        if isinstance(body, dict):
            body = _json_bytes(body)
        elif isinstance(body, str):
            body = body.encode("utf-8")
        if times < 1:
            raise ValueError("times must be at least 1")
        self._state.add_injection(Injection(endpoint, code, status, body, content_type, drop), times)

    # -- serving one request (called by the handler thread) ----------------------------------
    def _serve(self, handler: _Handler, endpoint: str, raw: bytes | None) -> None:
        state = self._state
        injection = state.take_injection(endpoint)
        if injection is not None and not injection.drop:
            if injection.body is not None:
                status, body, ctype = injection.status, injection.body, injection.content_type
            else:
                status, ctype = injection.status, injection.content_type
                body = _json_bytes(answer(state.config, injection.code)) if injection.code is not None else b""
            state.count(endpoint, "injected")
            self._wait()
            handler._send(status, body, ctype)
            return
        force_drop = injection is not None
        if force_drop and endpoint not in SEND_ENDPOINTS:
            state.count(endpoint, "dropped")
            self._wait()
            handler.close_connection = True
            return
        if not force_drop and state.roll(state.config.busy_rate):
            payload, dropped = answer(state.config, 49999), False
        elif raw is None:
            payload, dropped = answer(state.config, 40001), force_drop
        else:
            payload, dropped = handle(state, endpoint, raw, handler.client_address[0], force_drop=force_drop)
        state.count(endpoint, "dropped" if dropped else int(payload["code"]))
        self._wait()
        if dropped:
            handler.close_connection = True
            return
        handler._send(200, _json_bytes(payload))

    def _wait(self) -> None:
        delay = self._state.config.delay
        if delay > 0:
            self._stopping.wait(delay)

    # -- inspection (tests, demo mode) --------------------------------------------------------
    @property
    def balance(self) -> int:
        return self._state.balance

    @balance.setter
    def balance(self, value: int) -> None:
        self._state.balance = value

    @property
    def accepted(self) -> list[Accepted]:
        """Accepted sends in order (including dropped ones, flagged ``dropped``)."""
        return self._state.accepted()

    def sent_counter(self) -> Counter:
        """How many times each number was accepted (proves exactly-once)."""
        return self._state.sent_counter()

    def sent_count(self, mobile: str) -> int:
        return self._state.sent_count(mobile)

    @property
    def requests(self) -> dict[str, Counter]:
        """Requests seen: ``{endpoint: Counter({outcome: n})}``, plus ``"*"`` for all endpoints.

        Outcomes are the vendor code answered (int), ``"dropped"``, ``"injected"``, or 404.
        """
        return self._state.requests()

    def request_count(self, endpoint: str = "*", outcome=None) -> int:
        counts = self._state.requests().get(endpoint, Counter())
        return counts.total() if outcome is None else counts[outcome]

    @property
    def connections(self) -> int:
        """TCP connections accepted so far (keep-alive clients use one)."""
        return self._state.connections

    @property
    def reports_handed_out(self) -> list[dict]:
        return self._state.reports_out()

    @property
    def replies_handed_out(self) -> list[dict]:
        return self._state.replies_out()

    def pending_reports(self) -> int:
        return self._state.pending_reports()

    def pending_replies(self) -> int:
        return self._state.pending_replies()

    def make_all_due(self) -> None:
        """Ignore the delays: every queued report and reply is due now."""
        self._state.make_all_due()

    def add_reply(self, mobile: str, content: str, expand: str = "", msg_id: str = "") -> dict:
        """Queue a reply by hand (handed out by the next ``/reply`` pull); returns it."""
        return self._state.add_reply(mobile, content, expand, msg_id)
