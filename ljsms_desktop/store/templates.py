"""Saved templates: the vendor's template id with its registered text, so a user picks instead of retyping."""

from __future__ import annotations

import sqlite3

from .models import SavedTemplate, now_text


def save(conn: sqlite3.Connection, template_id: str, text: str, name: str = "") -> None:
    conn.execute("INSERT INTO templates (template_id, text, name, saved_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (template_id) DO UPDATE SET text = excluded.text, name = excluded.name, "
                 "saved_at = excluded.saved_at", (template_id, text, name, now_text()))


def get(conn: sqlite3.Connection, template_id: str) -> SavedTemplate | None:
    row = conn.execute("SELECT template_id, text, name, saved_at FROM templates WHERE template_id = ?",
                       (template_id,)).fetchone()
    return SavedTemplate(*row) if row else None


def all_templates(conn: sqlite3.Connection) -> list[SavedTemplate]:
    return [SavedTemplate(*r) for r in conn.execute(
        "SELECT template_id, text, name, saved_at FROM templates ORDER BY template_id")]


def delete(conn: sqlite3.Connection, template_id: str) -> bool:
    return conn.execute("DELETE FROM templates WHERE template_id = ?", (template_id,)).rowcount == 1
