import asyncpg

from app.repo import AccountsRepository


async def get_repo():
    conn = await asyncpg.connect()
    return AccountsRepository(conn)


def current_account():
    return None
