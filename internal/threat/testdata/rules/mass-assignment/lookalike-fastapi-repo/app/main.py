from typing import Optional

from fastapi import Body, Depends, FastAPI
from pydantic import BaseModel

from app.repo import AccountsRepository
from app.deps import current_account, get_repo

app = FastAPI()


class AccountUpdate(BaseModel):
    email: Optional[str] = None
    bio: Optional[str] = None


@app.put("/account")
async def update_account(
    update: AccountUpdate = Body(..., embed=True),
    me=Depends(current_account),
    repo: AccountsRepository = Depends(get_repo),
):
    # The model declares no admin field: the repository never gets one.
    await repo.update_account(account_id=me.id, **update.dict())
    return {"ok": True}
