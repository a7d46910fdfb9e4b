from app.models import Base
from sqlalchemy import Column, String


class FakeUser(Base):
    __tablename__ = "fake_users"
    email = Column(String)
    password = Column(String)
