"""The database's full-text index over entries' own analysed keys: FTS5 or PostgreSQL tsvector.

Both hold exactly the keys our analyser made (stems, and stem pairs joined by "_"), so the
two databases find the same candidates; neither engine's stemmer is used. They only choose
candidates: the ranker scores them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from django.db import connection

from signpost.directory.search.documents import FieldKeys

STRONG_FIELDS = frozenset({"name", "alternate_name", "terms"})
FTS_TABLE = "searchindex_fts"
ROWS_TABLE = "searchindex_fts_rows"  # SQLite: each FTS row's service and ages, narrow
ENTRY_TABLE = "searchindex_searchentry"


def token(key: str) -> str:
    """A ranker key as one full-text token ("low mood" -> "low_mood")."""
    return key.replace(" ", "_")


def texts_of(fields: FieldKeys) -> tuple[str, str]:
    """The strong (name, terms) and body token texts of one entry."""
    strong: list[str] = []
    body: list[str] = []
    for field, keys, _length in fields:
        (strong if field in STRONG_FIELDS else body).extend(token(k) for k in keys)
    return " ".join(strong), " ".join(body)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


Row = tuple[int, str, str, UUID, int | None, int | None]  # id, strong, body, service, ages


def write(rows: Iterable[Row]) -> None:
    """Index entries; earlier rows for them are replaced."""
    rows = list(rows)
    if not rows:
        return
    with connection.cursor() as cursor:
        if is_postgresql():
            cursor.executemany(
                f"UPDATE {ENTRY_TABLE} SET tsv = setweight(%s::tsvector, 'A')"
                " || setweight(%s::tsvector, 'B') WHERE id = %s",
                [(_pg_literal(strong), _pg_literal(body), pk) for pk, strong, body, *_ in rows],
            )
        else:
            remove([row[0] for row in rows])
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, strong, body) VALUES (%s, %s, %s)",
                [row[:3] for row in rows],
            )
            cursor.executemany(
                f"INSERT INTO {ROWS_TABLE} (id, service_id, minimum_age, maximum_age)"
                " VALUES (%s, %s, %s, %s)",
                [(pk, service.hex, low, high) for pk, _s, _b, service, low, high in rows],
            )


def remove(entry_ids: Sequence[int]) -> None:
    """Drop entries from the full-text table (PostgreSQL's column goes with its row)."""
    if is_postgresql() or not entry_ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(entry_ids), 500):
            chunk = list(entry_ids[start : start + 500])
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {ROWS_TABLE} WHERE id IN ({marks})", chunk)


def clear() -> None:
    """Empty the full-text table (before a rebuild)."""
    if not is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
            cursor.execute(f"DELETE FROM {ROWS_TABLE}")


def _pg_literal(text: str) -> str:
    """Tokens as a tsvector literal: each quoted, so no parser or dictionary touches them."""
    return " ".join(f"'{t}'" for t in text.split())


def candidates(keys: Iterable[str], where: str, params: Sequence[Any], limit: int) -> list[int]:
    """Ids of the eligible entries holding any key, the engine's own best `limit` first.

    `where` is SQL over the entry's service_id, minimum_age and maximum_age, aliased `e`.
    """
    tokens = sorted({token(k) for k in keys if k})
    if not tokens:
        return []
    with connection.cursor() as cursor:
        if is_postgresql():
            query = " | ".join(f"'{t}'" for t in tokens)
            cursor.execute(
                f"SELECT e.id FROM {ENTRY_TABLE} e WHERE e.tsv @@ %s::tsquery AND {where}"
                " ORDER BY ts_rank(e.tsv, %s::tsquery) DESC, e.id LIMIT %s",
                [query, *params, query, limit],
            )
        else:
            query = " OR ".join(f'"{t}"' for t in tokens)
            cursor.execute(
                f"SELECT e.id FROM {FTS_TABLE} f JOIN {ROWS_TABLE} e ON e.id = f.rowid"
                f" WHERE {FTS_TABLE} MATCH %s AND {where}"
                f" ORDER BY bm25({FTS_TABLE}, 3.0, 1.0), e.id LIMIT %s",
                [query, *params, limit],
            )
        return [row[0] for row in cursor.fetchall()]
