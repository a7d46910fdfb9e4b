from fastapi import Header, HTTPException
from sqlalchemy import Column, Integer, String, Text, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()
engine = create_engine("sqlite:///notes.db")
SessionLocal = sessionmaker(bind=engine)


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, nullable=False)
    text = Column(Text)
    title = Column(String(200))


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_current_user(authorization: str = Header("")):
    if not authorization:
        raise HTTPException(status_code=401)
    return {"id": int(authorization.split(":")[-1])}
