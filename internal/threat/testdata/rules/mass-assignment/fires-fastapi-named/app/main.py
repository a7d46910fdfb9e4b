from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlalchemy import Column, Boolean, Integer, String
from sqlalchemy.orm import Session, declarative_base

from app.db import get_db, current_user

Base = declarative_base()
app = FastAPI()


class Reader(Base):
    __tablename__ = "readers"
    id = Column(Integer, primary_key=True)
    nickname = Column(String)
    is_admin = Column(Boolean, default=False)


@app.put("/readers/{reader_id}")
def edit_reader(
    reader_id: int,
    nickname: Optional[str] = Query(None),
    is_admin: Optional[bool] = Query(None),
    db: Session = Depends(get_db),
    me=Depends(current_user),
):
    reader = db.query(Reader).get(reader_id)
    if reader is None:
        raise HTTPException(status_code=404)
    # The fields are named one by one, but one of them is the admin
    # flag, taken from the caller's query string.
    changes = {}
    if nickname is not None:
        changes["nickname"] = nickname
    if is_admin is not None:
        changes["is_admin"] = is_admin
    for field, value in changes.items():
        setattr(reader, field, value)
    db.commit()
    return {"id": reader.id}
