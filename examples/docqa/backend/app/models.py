from sqlalchemy import Column, ForeignKey, Integer, String, Text, DateTime, func

from .db import Base


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True, nullable=False)
    password_hash = Column(String, nullable=False)
    session_token = Column(String, index=True)
    plan = Column(String, default="free")
    credits = Column(Integer, default=20)


class Document(Base):
    __tablename__ = "documents"

    # Sequential ids: the IDOR row of the threat map.
    id = Column(Integer, primary_key=True, autoincrement=True)
    owner_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    filename = Column(String, nullable=False)
    s3_key = Column(String, nullable=False)
    content = Column(Text)
    created_at = Column(DateTime, server_default=func.now())


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    prompt = Column(Text, nullable=False)
    answer = Column(Text)
