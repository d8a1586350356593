"""The store on PostgreSQL (psycopg 3): one dialect layer, so the store's modules keep one SQL text each.

:func:`connect` returns a :class:`PgConnection` that answers the part of ``sqlite3.Connection`` the store uses
(``execute``, ``executemany``, ``in_transaction``, cursors with ``rowcount``/``lastrowid``), translating each
statement once (cached):

* placeholders: ``?`` and ``?NNN`` → ``%s`` (numbered ones reordered), a literal ``%`` → ``%%``;
* ``INSERT INTO`` a table with an ``id`` (campaigns, batches, pulls, replies) gains ``RETURNING id`` →
  ``lastrowid``; ``CAST(… AS INTEGER)`` → ``BIGINT`` (11-digit numbers);
* ``BEGIN IMMEDIATE`` → ``BEGIN`` + a transaction-level advisory lock that every writer takes: writers queue
  one after another as on SQLite (what the store's read-then-write transactions rely on), across desktops;
  both go in one pipeline with the transaction's first statement (``begin_now()`` sends them at once, with a
  savepoint for a report pull if asked; ``query_prepared`` sends them in the same simple query as its statement);
  ``execute_at_commit`` puts a statement in the COMMIT's round trip — one simple query of ``EXECUTE``s of
  statements ``PREPARE``d once per connection, parameters bound here (a batch's claim and accepted marks);
* ``PRAGMA synchronous = NORMAL|FULL`` → ``synchronous_commit`` off|on (a pull's commit, as on SQLite);
  ``PRAGMA busy_timeout = N`` → ``lock_timeout``; other PRAGMAs do nothing.

Errors come out as the store expects them: a broken constraint as ``sqlite3.IntegrityError`` (the store's
fast paths catch it), a lost or refused connection as ``StoreError("unreachable")`` and a lock wait that
timed out as ``StoreError("locked")``, with the URL's password never in any text (``target.redact``).
Schema: the same ``MIGRATIONS`` as SQLite, each statement translated (``pg_schema``), the version in a
``schema_version`` table instead of ``PRAGMA user_version``.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus

from .errors import StoreError
from .target import describe, redact

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 5
# Advisory lock keys (two int4: namespace, key). The namespace is "LJSM" in ASCII.
NAMESPACE = 0x4C4A534D
WRITER_KEY = 1          # pg_advisory_xact_lock(NAMESPACE, 1): the one writer at a time (BEGIN IMMEDIATE)
CAMPAIGN_BASE = 1 << 20  # (NAMESPACE + 1, campaign id): a campaign's sender
POLLER_NAMESPACE = NAMESPACE + 2  # (NAMESPACE + 2, hash of the account): the account's poller

NOTIFY_CHANNEL = "ljsms_changes"

_ID_TABLES = ("campaigns", "batches", "pulls", "replies")
_INSERT_ID = re.compile(r"^\s*INSERT\s+INTO\s+(%s)\b" % "|".join(_ID_TABLES), re.IGNORECASE)
_PRAGMA = re.compile(r"^\s*PRAGMA\s+(\w+)\s*(?:=\s*(\S+))?\s*;?\s*$", re.IGNORECASE)
_INSERT_TABLE = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)
_SELF_PLUS = re.compile(r"\b(\w+)\s*=\s*\1\s*([-+])\s*excluded\.", re.IGNORECASE)
_RELEASE = re.compile(r"^RELEASE\s+(SAVEPOINT\s+)?\w+$", re.IGNORECASE)
_CAST_INT = re.compile(r"\bAS\s+INTEGER\s*\)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%%|%s")


def unreachable(url: str, exc: BaseException) -> StoreError:
    detail = redact(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    where = describe(url)
    return StoreError("unreachable", f"无法连接团队数据库 {where}：{detail}。已显示的内容仍可查看，发送需等数据库恢复。",
                      f"Cannot reach the team database {where}: {detail}.", detail=detail, url=where)


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> tuple[str, tuple[int, ...] | None, bool, bool]:
    """(PostgreSQL text, parameter order or None when positional, RETURNING id added, has placeholders)."""
    m = _PRAGMA.match(sql)
    if m:
        name, value = m.group(1).lower(), (m.group(2) or "").strip("'\"").upper()
        if name == "synchronous" and value:
            return ("SET synchronous_commit = " + ("off" if value in ("NORMAL", "OFF", "0", "1") else "on"),
                    None, False, False)
        if name == "busy_timeout" and value:
            return f"SET lock_timeout = {int(value)}", None, False, False
        return "SELECT NULL WHERE false", None, False, False
    stripped = sql.strip().rstrip(";").strip().upper()
    if stripped in ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE", "BEGIN DEFERRED"):
        return "BEGIN", None, False, False
    out: list[str] = []
    order: list[int] = []
    numbered = False
    i, n = 0, len(sql)
    next_pos = 0
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            j = i + 1
            while j < n:
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1].replace("%", "%%"))
            i = j + 1
            continue
        if ch == "?":
            j = i + 1
            while j < n and sql[j].isdigit():
                j += 1
            if j > i + 1:
                numbered = True
                order.append(int(sql[i + 1:j]) - 1)
            else:
                order.append(next_pos)
                next_pos += 1
            out.append("%s")
            i = j
            continue
        if ch == "%":
            out.append("%%")
        else:
            out.append(ch)
        i += 1
    text = _CAST_INT.sub("AS BIGINT)", "".join(out))
    insert = _INSERT_TABLE.match(text)
    if insert:  # DO UPDATE SET n = n + excluded.n: PostgreSQL wants the table's own column named as such
        text = _SELF_PLUS.sub(lambda m: f"{m.group(1)} = {insert.group(1)}.{m.group(1)} {m.group(2)} excluded.",
                              text)
    if not order:  # no parameters: psycopg sends the text as it is, so no %% escapes
        text = text.replace("%%", "%")
    returning = bool(_INSERT_ID.match(text)) and "RETURNING" not in text.upper()
    if returning:
        text = text.rstrip().rstrip(";") + " RETURNING id"
    return text, (tuple(order) if numbered else None), returning, bool(order)


def _notify_statements(kinds: set[str]) -> list[str]:
    """The NOTIFY of what a transaction changed, sent with its COMMIT (delivered only if it commits); *kinds*
    are identifiers (``notify_changed`` keeps only those), so they go as a literal."""
    return [f"SELECT pg_notify('{NOTIFY_CHANNEL}', '{','.join(sorted(kinds))}')"] if kinds else []


def _params(params: Sequence, order: tuple[int, ...] | None) -> Sequence:
    if order is not None:
        params = [params[k] for k in order]
    if any(type(p) is bool for p in params):
        params = [int(p) if type(p) is bool else p for p in params]
    return params


class PgCursor:
    """What the store reads of a sqlite3 cursor: rows (fetchone/fetchall/fetchmany/iteration), rowcount, lastrowid."""

    __slots__ = ("_cur", "rowcount", "lastrowid", "description")

    def __init__(self, cur, rowcount: int, returning: bool):
        self._cur = cur
        self.rowcount = rowcount
        self.lastrowid = None
        self.description = cur.description if cur is not None else None
        if returning and cur is not None and cur.description is not None:
            row = cur.fetchone()
            self.lastrowid = row[0] if row else None
            self.description = None

    def fetchone(self):
        if self.description is None:
            return None
        return self._cur.fetchone()

    def fetchall(self) -> list:
        if self.description is None:
            return []
        return self._cur.fetchall()

    def fetchmany(self, size: int = 1) -> list:
        if self.description is None:
            return []
        return self._cur.fetchmany(size)

    def __iter__(self):
        if self.description is None:
            return iter(())
        return iter(self._cur)

    def close(self) -> None:
        if self._cur is not None:
            self._cur.close()


class PgConnection:
    """A psycopg connection (autocommit: transactions are explicit, as with sqlite3's isolation_level=None)."""

    dialect = "postgresql"

    def __init__(self, raw: psycopg.Connection, url: str):
        self.raw = raw
        self.url = url
        self._pending: dict[str, str] = {}  # SET statements sent with the next BEGIN (one round trip, not three)
        self._notices: set[str] = set()     # what the open transaction changed: NOTIFY sent with its COMMIT
        self._released: list[str] = []      # RELEASE SAVEPOINTs, sent with the COMMIT (a savepoint kept a little
                                            # longer changes nothing; it saves a round trip per report pull)
        self._at_commit: list[tuple] = []   # (text, params, check): statements sent in the COMMIT's round trip
        self._begin_pending = False         # BEGIN IMMEDIATE not sent yet: it goes, with the writers' lock, in
                                            # one pipeline with the transaction's first statement (begin_now()
                                            # sends it at once, for a caller that needs the lock before acting)
        self._prepared: dict[str, str] = {}  # text of a statement sent with COMMITs → its PREPAREd name here
        self._prepared_gen = 0              # names after a failed COMMIT start afresh (was the PREPARE run?)
        self._armed: str | None = None      # a savepoint begin_now() set right after BEGIN, not yet used: the
                                            # first query_prepared(savepoint=) of that name needs no SAVEPOINT

    # -- the sqlite3.Connection surface the store uses --------------------------------------
    @property
    def in_transaction(self) -> bool:
        return self._begin_pending or self.raw.info.transaction_status != TransactionStatus.IDLE

    def _begin_statements(self) -> list[str]:
        return [*self._pending.values(), "BEGIN", f"SELECT pg_advisory_xact_lock({NAMESPACE}, {WRITER_KEY})"]

    def begin_now(self, savepoint: str | None = None) -> None:
        """Send a pending BEGIN (and take the writers' lock) now. *savepoint*: also set a savepoint of that name
        in the same round trip, which ``query_prepared(savepoint=name)`` then uses if nothing ran since (the
        poller's report pull, asked for once the lock is held)."""
        if not self._begin_pending:
            return
        statements = self._opening(savepoint)
        with self._errors():
            try:
                self.raw.execute("; ".join(statements))
            except psycopg.Error:
                self._abandon()   # the lock wait timed out (or the connection broke): no transaction is left open
                raise
        self._armed = savepoint

    def _opening(self, savepoint: str | None = None) -> list[str]:
        """What must go before a transaction's next statement: a BEGIN not sent yet (with pending settings and the
        writers' lock) and, asked for, a fresh savepoint — none when ``begin_now`` set it and nothing ran since."""
        armed, self._armed = self._armed, None
        if self._begin_pending:
            self._begin_pending = False
            head = self._begin_statements() + ([f"SAVEPOINT {savepoint}"] if savepoint else [])
        elif savepoint and armed != savepoint:
            head = [*self._pending.values(), f"SAVEPOINT {savepoint}"]
        else:
            return []
        self._pending.clear()
        return head

    def pipeline_begin(self) -> None:
        """Inside ``raw.pipeline()``: queue a pending BEGIN and the writers' lock before what follows."""
        if self._begin_pending:
            self._begin_pending = False
            for statement in self._begin_statements():
                self.raw.execute(statement, prepare=False)
            self._pending.clear()

    def execute(self, sql: str, params: Sequence = ()) -> PgCursor:
        text, order, returning, has_params = translate(sql)
        self._armed = None  # a statement after the savepoint: rolling back to it would undo this too
        with self._errors():
            if text.startswith("SET ") and not self.in_transaction:
                self._pending[text.split("=")[0]] = text  # a session setting: goes with the next statement
                return PgCursor(None, -1, False)
            if text == "BEGIN":  # BEGIN IMMEDIATE: sent with the next statement (the writers' lock first)
                self._begin_pending = True
                return PgCursor(None, -1, False)
            if text == "COMMIT" and self._at_commit:
                return self._commit_with_statements()
            if text == "ROLLBACK":
                self._at_commit.clear()
            if self._begin_pending:
                if text in ("COMMIT", "ROLLBACK"):  # nothing was done in the transaction: nothing to send
                    self._begin_pending = False
                    self._notices.clear()
                    self._released.clear()
                    return PgCursor(None, -1, False)
                cur = self.raw.cursor()
                with self.raw.pipeline():  # a failure leaves the transaction to its caller's ROLLBACK
                    self.pipeline_begin()
                    cur.execute(text, _params(params, order) if has_params else None, prepare=False)
                return PgCursor(cur, cur.rowcount, returning)
            if _RELEASE.match(text) and self.in_transaction:  # (no SET is pending inside a transaction)
                self._released.append(text)
                return PgCursor(None, -1, False)
            cur = self.raw.cursor()
            if self._pending:
                cur.execute("; ".join(self._pending.values()))
                self._pending.clear()
            if text in ("COMMIT", "ROLLBACK") and (self._notices or self._released):
                notices, self._notices = self._notices, set()
                released, self._released = self._released, []
                if text == "COMMIT":  # the NOTIFY is delivered when (and only if) the transaction commits
                    cur.execute("; ".join([*released, *_notify_statements(notices), "COMMIT"]))
                    return PgCursor(None, -1, False)
            cur.execute(text, _params(params, order) if has_params else None, prepare=False)
            return PgCursor(cur, cur.rowcount, returning)

    def execute_at_commit(self, sql: str, params: Sequence, check: Callable[[int], None]) -> None:
        """Send *sql* with the open transaction's COMMIT, in one round trip (``_commit_with_statements``);
        ``check(rowcount)`` runs once the COMMIT returned and may raise (the caller then learns of it before acting
        on it)."""
        if not self.in_transaction:
            raise RuntimeError("execute_at_commit outside a transaction")
        text, order, _returning, has_params = translate(sql)
        self._at_commit.append((text, _params(params, order) if has_params else None, check))

    def _commit_with_statements(self) -> PgCursor:
        """The transaction's COMMIT with the statements put aside for it (and a BEGIN not sent yet): one simple
        query, so one round trip and one wait. psycopg's pipeline mode had cost a wait per statement; under the
        sender threads' load each wait for the GIL made a batch's claim take ~2.5 ms instead of ~0.5 ms (the
        runner's own thread is the one that commits)."""
        at_commit, self._at_commit = self._at_commit, []
        notices, self._notices = self._notices, set()
        released, self._released = self._released, []
        with self._errors():  # an error leaves the transaction to its caller's ROLLBACK
            cur = self._simple_query(self._opening(), [(text, params) for text, params, _check in at_commit],
                                     [*released, *_notify_statements(notices), "COMMIT"])
            rowcounts = []
            for _ in at_commit:
                rowcounts.append(cur.rowcount)
                cur.nextset()
        for rowcount, (_text, _params, check) in zip(rowcounts, at_commit):
            check(rowcount)
        return PgCursor(None, -1, False)

    def query_prepared(self, text: str, params: Sequence, *, savepoint: str | None = None):
        """Run *text* (``%s`` placeholders; *params* in order) as one simple query with what must go before it
        (``_opening``: a BEGIN not sent yet, the writers' lock, a savepoint *savepoint*) and, the first time on
        this connection, its ``PREPARE`` — one round trip and one psycopg call where a pull had taken three and
        two. Returns the cursor on its result. psycopg errors are left to the caller (the transaction, begun or
        not, is the caller's to roll back)."""
        return self._simple_query(self._opening(savepoint), [(text, params)], [])

    def _simple_query(self, head: list[str], body: list[tuple[str, Sequence | None]], tail: list[str]):
        """*head*, each (text, params) of *body* — with parameters, an ``EXECUTE`` of the statement PREPAREd once
        on this connection (its ``PREPARE`` goes first the first time), the values bound here — and *tail*, as one
        simple query (no parameters: psycopg sends it as it is). Returns the cursor on *body*'s first result."""
        bind = psycopg.ClientCursor(self.raw).mogrify
        prepare: list[str] = []
        middle = [text if params is None else self._execute_prepared(text, params, bind, prepare)
                  for text, params in body]
        cur = self.raw.cursor()
        try:
            cur.execute("; ".join([*prepare, *head, *middle, *tail]))
        except psycopg.Error as exc:
            self._forget_prepared(exc, bool(prepare))
            raise
        for _ in range(len(prepare) + len(head)):
            cur.nextset()
        return cur

    def _forget_prepared(self, exc: psycopg.Error, prepared_now: bool) -> None:
        """After a failed query: when it carried PREPAREs (which of them ran is unknown, and they outlive a
        rollback) or found one of ours gone, statements get new names from now on and are PREPAREd again."""
        if prepared_now or isinstance(exc, pg_errors.InvalidSqlStatementName):
            self._prepared.clear()
            self._prepared_gen += 1

    def _execute_prepared(self, text: str, params: Sequence, bind: Callable, prepare: list[str]) -> str:
        """``EXECUTE name(literals)`` of *text*, adding its ``PREPARE`` to *prepare* the first time on this
        connection: the server plans a batch's claim and accepted mark once, not on every commit."""
        name = self._prepared.get(text)
        if name is None:
            name = self._prepared[text] = f"lj_{self._prepared_gen}_{len(self._prepared)}"
            numbers = iter(range(1, 1000))
            prepare.append(f"PREPARE {name} AS "
                           + _PLACEHOLDER.sub(lambda m: "%" if m.group() == "%%" else f"${next(numbers)}", text))
        return bind(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)

    def _abandon(self) -> None:
        self._armed = None
        self._at_commit.clear()
        self._begin_pending = False
        self._notices.clear()
        self._released.clear()
        if self.raw.info.transaction_status in (TransactionStatus.INTRANS, TransactionStatus.INERROR):
            try:
                self.raw.execute("ROLLBACK")
            except psycopg.Error:
                pass

    def notify_changed(self, kinds: Iterable[str]) -> None:
        """Tell every desktop LISTENing that *kinds* changed: with the open transaction's COMMIT, else now."""
        kinds = {k for k in kinds if k.isidentifier()}
        if not kinds:
            return
        if self.in_transaction:
            self._notices |= kinds
            return
        notify(self, ",".join(sorted(kinds)))

    def executemany(self, sql: str, seq: Iterable[Sequence]) -> PgCursor:
        text, order, _returning, _has = translate(sql)
        if _returning:
            text = text[: -len(" RETURNING id")]
        rows = [_params(p, order) for p in seq]
        self._armed = None
        self.begin_now()
        with self._errors():
            cur = self.raw.cursor()
            if self._pending:
                cur.execute("; ".join(self._pending.values()))
                self._pending.clear()
            if not rows:
                return PgCursor(None, 0, False)
            cur.executemany(text, rows)
            return PgCursor(None, cur.rowcount, False)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        """Bulk insert by COPY (binary protocol off: text COPY is fastest for short text columns here)."""
        self._armed = None
        self.begin_now()
        with self._errors(), self.raw.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                write = copy.write_row
                for row in rows:
                    write(row)

    def close(self) -> None:
        self.raw.close()

    @property
    def closed(self) -> bool:
        return self.raw.closed

    def create_function(self, *args, **kwargs):  # pragma: no cover - a bug if reached
        raise NotImplementedError("SQL functions written in Python exist only on SQLite")

    # -- errors --------------------------------------------------------------------------------
    def _errors(self):
        return _ErrorMap(self.url)


class _ErrorMap:
    __slots__ = ("url",)

    def __init__(self, url: str):
        self.url = url

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is None:
            return False
        if isinstance(exc, pg_errors.IntegrityError):
            raise sqlite3.IntegrityError(redact(str(exc))) from exc
        if isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.DeadlockDetected)):
            raise StoreError("locked", "团队数据库正忙（另一台电脑正在写入），请稍后重试。",
                             "The team database is busy (another desktop is writing); try again shortly.") from exc
        if isinstance(exc, pg_errors.DiskFull):
            raise StoreError("disk_full", "团队数据库的磁盘空间已满。", "The team database server's disk is full.") from exc
        if isinstance(exc, pg_errors.InsufficientPrivilege):
            raise StoreError("readonly", f"团队数据库拒绝写入（权限不足）：{redact(exc)}",
                             f"The team database refused the write (privileges): {redact(exc)}") from exc
        if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
            raise unreachable(self.url, exc) from exc
        return False


def _raw_connect(url: str) -> psycopg.Connection:
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                              application_name="ljsms-desktop")
    except psycopg.Error as exc:
        raise unreachable(url, exc) from None
    # psycopg's own prepared statements off: it answers a ROLLBACK (also ROLLBACK TO SAVEPOINT) with DEALLOCATE
    # ALL once it has some (executemany prepares), which would drop the statements PgConnection PREPAREs itself
    # (claims, accepted marks, report pulls: see _execute_prepared); the store's other statements run unprepared.
    raw.prepare_threshold = None
    return raw


def connect(url: str, *, migrate_schema: bool = True) -> PgConnection:
    """A connection to the team database at *url*, its schema brought to the current version."""
    raw = _raw_connect(url)
    conn = PgConnection(raw, url)
    try:
        with conn._errors():
            raw.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
        if migrate_schema:
            from .pg_schema import migrate
            migrate(conn)
    except BaseException:
        raw.close()
        raise
    return conn


def listen_connection(url: str) -> psycopg.Connection:
    """A raw autocommit connection for LISTEN (see jobs' listener); errors as StoreError("unreachable")."""
    return _raw_connect(url)


def notify(conn: PgConnection, what: str) -> None:
    """Tell every desktop listening that *what* changed (``campaigns``, ``reports``, ``replies``, ``suppression``,
    ``templates``); sent at commit when inside a transaction. Best effort: a notice that cannot go is not an error."""
    try:
        conn.raw.execute("SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, what))
    except psycopg.Error as exc:  # the next poll or reconnect re-queries anyway
        log.debug("notify %s failed: %s", what, redact(exc))
