"""PostgreSQL helpers of the benchmarks: create and drop the benchmark's own database (never `test` nor a
maintenance database), load rows with COPY, and read it into the file cache."""

from urllib.parse import urlparse

REFUSED = ("", "test", "postgres", "template0", "template1")
HINT = "name a database of the benchmark's own"


def database_name(url: str, hint: str = HINT) -> str:
    """The database named in `url`; `test` and the maintenance databases are refused."""
    name = urlparse(url).path.lstrip("/")
    if name in REFUSED:
        raise SystemExit(f"refusing to use the database {name!r}: {hint}")
    return name


def admin_url(url: str) -> str:
    """`url` with the maintenance database `postgres` in place of the benchmark's."""
    base, question, query = url.partition("?")
    return base.rsplit("/", 1)[0] + "/postgres" + question + query


def create_database(url: str, *, fresh: bool, force: bool, hint: str = HINT) -> None:
    """Create the database if missing; if `fresh`, drop it first (`force`: WITH (FORCE), ending the
    sessions still connected to it)."""
    import psycopg

    name = database_name(url, hint)
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}"' + (" WITH (FORCE)" if force else ""))
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str, *, force: bool) -> None:
    """Close Django's connections and drop the database if it exists."""
    import psycopg
    from django.db import connections

    connections.close_all()
    name = database_name(url)
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"' + (" WITH (FORCE)" if force else ""))


def columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields]


def copy_rows(cursor, model, rows) -> int:
    """COPY `rows` (dicts by column name; a missing column is NULL) into the model's table."""
    names = columns(model)
    count = 0
    quoted = ", ".join(f'"{name}"' for name in names)
    with cursor.copy(f"COPY {model._meta.db_table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(name) for name in names])
            count += 1
    return count


def reset_sequence(cursor, model) -> None:
    """Move the table's id sequence past the ids COPY wrote."""
    table = model._meta.db_table
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"
    )


def warm_file_cache(url: str) -> str:
    """Read every table and index of the database once, into the operating system's file cache
    (pg_prewarm in its 'read' mode: PostgreSQL's own shared buffers are left as they are), so that a
    run measures a server that has been running, whose pages are in memory, whatever happened before
    it (right after the data was generated, a fifth of the events table was still to be read from
    disk). Returns the server's shared_buffers and what was done, for the benchmark's report."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        buffers = "shared_buffers " + conn.execute("SHOW shared_buffers").fetchone()[0]
        try:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        except psycopg.Error as error:
            return f"{buffers}; not warmed (pg_prewarm unavailable: {error.diag.message_primary})"
        # the tables and indexes of the schema, and the TOAST tables of its long texts
        size = conn.execute(
            "SELECT COALESCE(SUM(pg_prewarm(c.oid::regclass, 'read')), 0)"
            " * current_setting('block_size')::bigint FROM pg_class c"
            " WHERE (c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i'))"
            " OR c.oid IN (SELECT t.reltoastrelid FROM pg_class t"
            " WHERE t.relnamespace = 'public'::regnamespace)"
        ).fetchone()[0]
    return f"{buffers}; {size // 2**20:,} MB read into the file cache first (pg_prewarm 'read')"
