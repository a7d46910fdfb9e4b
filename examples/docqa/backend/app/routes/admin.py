import secrets

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from sqlalchemy.orm import Session

from ..config import ADMIN_PASSWORD
from ..db import get_db
from ..models import User

router = APIRouter(prefix="/admin")
basic = HTTPBasic()


def weak_admin_check(credentials: HTTPBasicCredentials = Depends(basic)):
    # One shared password, defaulting to admin123, on the public internet.
    if not secrets.compare_digest(credentials.password, ADMIN_PASSWORD):
        raise HTTPException(status_code=401)


@router.get("")
def dashboard(db: Session = Depends(get_db), _=Depends(weak_admin_check)):
    return [{"id": u.id, "email": u.email, "plan": u.plan} for u in db.query(User).all()]


@router.delete("/users/{user_id}")
def delete_user(user_id: int, db: Session = Depends(get_db), _=Depends(weak_admin_check)):
    db.query(User).filter(User.id == user_id).delete()
    db.commit()
    return {"deleted": user_id}
