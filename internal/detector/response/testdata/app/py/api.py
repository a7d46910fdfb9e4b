from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from .db import get_db
from .models import Member
from .schemas import MemberOut

app = FastAPI()


@app.get("/members/{member_id}")
def read_member(member_id: int, db: Session = Depends(get_db)):
    member = db.query(Member).get(member_id)
    return member  # want: sensitive-response


@app.get("/v2/members/{member_id}", response_model=MemberOut)
def read_member_v2(member_id: int, db: Session = Depends(get_db)):
    member = db.query(Member).get(member_id)
    return member
