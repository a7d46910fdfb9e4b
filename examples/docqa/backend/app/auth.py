from fastapi import Cookie, Depends, HTTPException
from sqlalchemy.orm import Session

from .db import get_db
from .models import User


def get_current_user(session: str = Cookie(None), db: Session = Depends(get_db)) -> User:
    user = db.query(User).filter(User.session_token == session).first()
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    return user
