from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session, declarative_base

from app.db import get_db, current_user

Base = declarative_base()
app = FastAPI()


class Shelf(Base):
    __tablename__ = "shelves"
    id = Column(Integer, primary_key=True)
    label = Column(String)
    colour = Column(String)
    position = Column(Integer)


@app.put("/shelves/{shelf_id}")
def edit_shelf(
    shelf_id: int,
    label: Optional[str] = Query(None),
    colour: Optional[str] = Query(None),
    position: Optional[int] = Query(None),
    db: Session = Depends(get_db),
    me=Depends(current_user),
):
    shelf = db.query(Shelf).get(shelf_id)
    if shelf is None:
        raise HTTPException(status_code=404)
    # Each field the caller may change is named here, one by one: the
    # loop sets only these.
    changes = {}
    if label is not None:
        changes["label"] = label
    if colour is not None:
        changes["colour"] = colour
    if position is not None:
        changes["position"] = position
    for field, value in changes.items():
        setattr(shelf, field, value)
    db.commit()
    return {"id": shelf.id}
