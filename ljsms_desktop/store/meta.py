"""Small key/value facts kept in the ``meta`` table."""

from __future__ import annotations

import secrets
import sqlite3

# Keys the rest of the program reads.
INSTALL_ID = "install_id"
NEXT_CODE = "next_code"
LAST_PULL_AT = "last_pull_at"
LAST_PULL_RESULT = "last_pull_result"
LAST_ERROR = "last_pull_error"
LAST_ERROR_AT = "last_pull_error_at"
POSSIBLE_LOSSES = "pull_possible_losses"  # JSON list of {at, kind, up_to}: pulls whose answer broke after hand-out

# Extension numbers are handed out sequentially from here (short: some accounts allow only a
# few extra digits after their own extension).
CODE_BASE = 101


def get(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, str(value)))


def delete(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def install_id(conn: sqlite3.Connection) -> str:
    """Six random characters naming this data file; part of every batch ``ext``.

    Another computer using the same account (and this program) writes its own batches; the id
    keeps their reports from being taken for ours. Call inside a transaction.
    """
    value = get(conn, INSTALL_ID)
    if value is None:
        value = secrets.token_hex(3)
        put(conn, INSTALL_ID, value)
    return value


def allocate_code(conn: sqlite3.Connection) -> str:
    """The next unused extension number (digits, at most 8). Call inside a transaction."""
    start = int(get(conn, NEXT_CODE, str(CODE_BASE)))
    code = start
    while conn.execute("SELECT 1 FROM campaigns WHERE code = ?", (str(code),)).fetchone():
        code += 1
    if code > 99_999_999:
        raise ValueError("extension numbers exhausted")
    put(conn, NEXT_CODE, str(code + 1))
    return str(code)
