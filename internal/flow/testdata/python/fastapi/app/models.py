from pydantic import BaseModel
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Report(Base):
    __tablename__ = "reports"
    id = Column(Integer, primary_key=True)
    title = Column(String)
    owner = Column(String)
    is_public = Column(Integer)


class ReportIn(BaseModel):
    title: str
    owner: str


class Job(BaseModel):
    command: str
    host: str
    callback: str
