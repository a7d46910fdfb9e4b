from enum import Enum
from typing import Literal

from fastapi import Depends, FastAPI
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
app = FastAPI()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = Column(String)
    password_hash = Column(String)


class Report(Base):
    __tablename__ = "reports"
    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer)
    period = Column(String)
    body = Column(String)


class Period(str, Enum):
    daily = "daily"
    weekly = "weekly"


def get_db():
    yield Session()


# The same lookups by a plain integer: any report.
@app.get("/reports/latest/{period}")
def latest(period: int, db: Session = Depends(get_db)):
    return db.query(Report).filter(Report.period == period).first()


@app.get("/reports/summary/{scope}")
def summary(scope: int, db: Session = Depends(get_db)):
    return db.query(Report).filter(Report.period == scope).count()
