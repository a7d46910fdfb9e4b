"""A raw-SQL data layer: its tables are created by a migration elsewhere.

Example:
    INSERT INTO audit_log (actor_email, ip_address) VALUES ('a', 'b')
"""

import asyncpg

CREATE_JOURNAL = "CREATE TABLE journal_entries (id uuid PRIMARY KEY, body text, author_email text)"  # want: asset user-data journal_entries author_email,body


async def create_feedback(conn, step_id, comment):
    query = """
        INSERT INTO "Feedback" (id, "stepId", comment, value)
        VALUES ($1, $2, $3, $4)
    """  # want: asset user-data Feedback comment
    await conn.execute(query, step_id, comment)


async def create_thread(conn, data):
    columns = ", ".join(data)
    # A column list built at run time names no column.
    await conn.execute(f"INSERT INTO threads ({columns}) VALUES ($1)", *data.values())


async def log_event(conn, name):
    await conn.execute("INSERT INTO events (name, count) VALUES ($1, 1)", name)
