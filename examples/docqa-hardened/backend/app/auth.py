import logging

from fastapi import Cookie, Depends, HTTPException
from sqlalchemy.orm import Session

from .db import get_db
from .models import User

log = logging.getLogger("docqa.auth")


def get_current_user(session: str = Cookie(None), db: Session = Depends(get_db)) -> User:
    user = db.query(User).filter(User.session_token == session).first()
    if user is None:
        raise HTTPException(status_code=401, detail="sign in first")
    return user


def get_verified_user(user: User = Depends(get_current_user)) -> User:
    # No API access until the e-mail address is verified.
    if not user.email_verified:
        raise HTTPException(status_code=403, detail="verify your e-mail first")
    return user


def deny(user: User, what: str):
    # Authorization denials are logged, so probing shows up in alerts.
    log.warning("authorization denied: user=%s resource=%s", user.id, what)
    raise HTTPException(status_code=404)
