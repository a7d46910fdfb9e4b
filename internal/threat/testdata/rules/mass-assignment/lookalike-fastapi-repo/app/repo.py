from typing import Optional


class AccountsRepository:
    def __init__(self, conn):
        self.conn = conn

    async def update_account(self, *, account_id: int, email: Optional[str] = None,
                             bio: Optional[str] = None, admin: Optional[bool] = None):
        await self.conn.execute(
            "UPDATE accounts SET email = COALESCE($1, email), bio = COALESCE($2, bio), admin = COALESCE($3, admin) WHERE id = $4",
            email, bio, admin, account_id,
        )
