from uuid import UUID

from fastapi import APIRouter, Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

app = FastAPI()
router = APIRouter(prefix="/api/users/{user_id}")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/login")


def get_current_user(token: str = Depends(oauth2_scheme)):
    claims = decode_token(token)
    if claims is None:
        raise HTTPException(status_code=401, detail="bad token")
    # The admin claim is handed along; every signed-in caller passes.
    return Caller(user_id=claims["sub"], is_admin=claims.get("is_admin", False))


# No caller at all: the card's owner is compared with the path's own
# user id, which whoever calls chooses.
@router.get("/cards/{card_id}")
def get_card(user_id: UUID, card_id: UUID, db: Session = Depends(get_db)):
    card = db.get(Card, card_id)
    if not card or card.user_id != user_id:
        raise HTTPException(status_code=404, detail="no such card")
    return card


app.include_router(router)
