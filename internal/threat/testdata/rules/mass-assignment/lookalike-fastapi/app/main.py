from typing import Optional

from fastapi import Depends, FastAPI
from pydantic import BaseModel
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session, declarative_base

from app.db import get_db, current_user

Base = declarative_base()
app = FastAPI()


class Member(Base):
    __tablename__ = "members"
    id = Column(Integer, primary_key=True)
    display_name = Column(String)
    email = Column(String)
    role = Column(String, default="member")


class ProfilePatch(BaseModel):
    # pydantic drops fields the model does not declare: a role sent in
    # the body never reaches the record.
    display_name: Optional[str] = None
    email: Optional[str] = None


class Invite(BaseModel):
    email: str
    display_name: str


@app.patch("/profile")
def patch_profile(patch: ProfilePatch, db: Session = Depends(get_db), me=Depends(current_user)):
    member = db.query(Member).get(me.id)
    for name, value in patch.dict().items():
        setattr(member, name, value)
    db.commit()
    return {"id": member.id}


@app.post("/members")
def invite(body: Invite, db: Session = Depends(get_db), me=Depends(current_user)):
    member = Member(**body.dict())
    db.add(member)
    db.commit()
    return {"id": member.id}
