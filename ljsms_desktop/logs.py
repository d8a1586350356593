"""The log that helps support: one rotating file, secrets redacted, uncaught exceptions written to it.

``setup_logging()`` (called by ``ljsms`` and ``ljsms-desktop``) attaches a rotating handler
(5 files x 2 MB, mode 0600) for the ``ljsms_desktop`` logger and, at DEBUG, for urllib3/requests too.
Every record passes :class:`RedactFilter`: the password (every value handed to
:func:`register_secret`), the request key and the ``key`` field of any request body
(JSON ``"key": "…"``, form/query ``key=…``) are replaced by ``***`` — also in exception texts and
tracebacks. ``install_excepthooks()`` makes ``sys.excepthook`` and ``threading.excepthook`` write the
traceback to the log and hand it to a callback (the window shows a dialog). No Qt here.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from . import paths

LOGGER = "ljsms_desktop"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 4            # ljsms.log + ljsms.log.1 … .4 = 5 files
FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"
MASK = "***"
# Third-party loggers whose DEBUG lines show requests (URLs, never bodies, but still filtered).
HTTP_LOGGERS = ("urllib3", "requests")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_secret_re: re.Pattern[str] | None = None

# "key": "…" in JSON (also with single quotes, as a repr'd dict shows it) and key=… in forms/queries.
_KEY_FIELD = re.compile(r"""(?P<pre>(?P<q>["'])(?:key|password)(?P=q)\s*:\s*)(?P<v>"[^"]*"|'[^']*'|[^,}\s]+)""",
                        re.IGNORECASE)
_KEY_PARAM = re.compile(r"(?P<pre>(?<![A-Za-z0-9_])(?:key|password)=)(?P<v>[^&\s\"',]+)", re.IGNORECASE)


def register_secret(value: str | None) -> None:
    """Never let *value* (a password, a key) reach the log. Values shorter than 3 characters are
    ignored (masking every "a" would make the log unreadable and hide nothing)."""
    global _secret_re
    if not value or len(value) < 3:
        return
    with _secrets_lock:
        if value in _secrets:
            return
        _secrets.add(value)
        ordered = sorted(_secrets, key=len, reverse=True)
        _secret_re = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str) -> str:
    """*text* with registered secrets, ``key``/``password`` fields and parameters masked."""
    if not text:
        return text
    pattern = _secret_re
    if pattern is not None:
        text = pattern.sub(MASK, text)
    if "key" in text.lower() or "password" in text.lower():
        text = _KEY_FIELD.sub(lambda m: m.group("pre") + _quoted_mask(m.group("v")), text)
        text = _KEY_PARAM.sub(lambda m: m.group("pre") + MASK, text)
    return text


def _quoted_mask(value: str) -> str:
    return value[0] + MASK + value[0] if value[:1] in ("'", '"') else MASK


class RedactFilter(logging.Filter):
    """Renders each record's message (and its exception text) once, redacted, before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None if record.exc_text else record.exc_info
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _PrivateRotatingHandler(logging.FileHandler):
    """A rotating file whose files are created 0600 (the log names customers' numbers): past *maxBytes* it
    becomes ``.1`` (``.1`` becomes ``.2`` … up to *backupCount*), as ``logging.handlers.RotatingFileHandler``
    does — not that class itself: ``logging.handlers`` imports socket, pickle and queue (~10 ms before the
    window's first paint)."""

    def __init__(self, filename, maxBytes: int = 0, backupCount: int = 0, encoding: str | None = None):  # noqa: N803
        self.maxBytes, self.backupCount = maxBytes, backupCount
        super().__init__(filename, mode="a", encoding=encoding)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:  # noqa: BLE001 - logging's own policy: report on stderr, never raise
            self.handleError(record)

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802 - logging's name
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0:
            return False
        pos = self.stream.tell()
        if not pos or pos + len(self.format(record) + self.terminator) < self.maxBytes:
            return False
        return not os.path.exists(self.baseFilename) or os.path.isfile(self.baseFilename)

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                older, newer = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
                if os.path.exists(older):
                    os.replace(older, newer)
            if os.path.exists(self.baseFilename):
                os.replace(self.baseFilename, self.baseFilename + ".1")
        self.stream = self._open()

    def _open(self):
        path = self.baseFilename
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


_handler: logging.Handler | None = None
_echo: logging.Handler | None = None
_filter = RedactFilter()


def log_file() -> Path:
    """Where the log goes: ``ljsms.log`` in the user log folder (``$LJSMS_HOME/logs`` when set)."""
    return paths.log_path()


def setup_logging(*, debug: bool = False, stderr: bool = False) -> Path | None:
    """Attach the rotating, redacting file handler; returns the log file, or None when it cannot be
    written (the program still runs). Called again (tests, another ``LJSMS_HOME``) it replaces its
    handlers instead of adding more. *debug* sets DEBUG for our logger and the HTTP libraries;
    *stderr* also echoes those records to standard error (``ljsms -v``)."""
    global _handler, _echo
    loggers = [logging.getLogger(name) for name in (LOGGER, *HTTP_LOGGERS)]
    for old in (_handler, _echo):
        if old is not None:
            for logger in loggers:
                logger.removeHandler(old)
            old.close()
    _handler = _echo = None
    logging.getLogger(LOGGER).setLevel(logging.DEBUG if debug else logging.INFO)
    for name in HTTP_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)
    path: Path | None = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":  # the log names customers' numbers: the owner only
            os.chmod(path.parent, 0o700)
        _handler = _PrivateRotatingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        path = None
    if stderr:
        _echo = logging.StreamHandler(sys.stderr)
        _echo.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    # The filter sits on the handlers: a logger's own filters would skip its children's records.
    for handler in (_handler, _echo):
        if handler is None:
            continue
        if handler is _handler:
            handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(_filter)
        for logger in loggers:
            logger.addHandler(handler)
    return path


def current_log_file() -> Path | None:
    return Path(_handler.baseFilename) if _handler is not None else None


# -- uncaught exceptions -------------------------------------------------------------------------------
def format_exception(exc_type, exc, tb) -> str:
    return redact("".join(traceback.format_exception(exc_type, exc, tb)))


def install_excepthooks(on_error: Callable[[str, str], None] | None = None) -> None:
    """Uncaught exceptions — in the main thread, in a Qt slot (PySide hands those to sys.excepthook),
    in any thread — go to the log with their traceback, then to *on_error(summary, details)*; never
    only to stderr. KeyboardInterrupt keeps Python's behaviour."""
    log = logging.getLogger(LOGGER)
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        details = format_exception(exc_type, exc, tb)
        log.critical("uncaught exception\n%s", details)
        if on_error is not None:
            try:
                on_error(redact(f"{exc_type.__name__}: {exc}"), details)
            except Exception:  # noqa: BLE001 - the hook must never raise
                log.exception("the error dialog failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        details = format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        log.critical("uncaught exception in thread %s\n%s", name, details)
        if on_error is not None:
            try:
                on_error(redact(f"{args.exc_type.__name__}: {args.exc_value}"), details)
            except Exception:  # noqa: BLE001
                log.exception("the error dialog failed")

    sys.excepthook = hook
    threading.excepthook = thread_hook
