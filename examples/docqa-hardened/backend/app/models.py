import uuid

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import UUID

from .db import Base


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True, nullable=False)
    email_verified = Column(Boolean, default=False)
    password_hash = Column(String, nullable=False)
    session_token = Column(String, index=True)
    is_admin = Column(Boolean, default=False)
    mfa_secret = Column(String)
    plan = Column(String, default="free")
    credits = Column(Integer, default=20)


class Document(Base):
    __tablename__ = "documents"

    # Opaque ids: nothing to enumerate.
    id = Column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
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


class ProcessedEvent(Base):
    """Stripe events already applied: each is applied once."""

    __tablename__ = "processed_events"

    event_id = Column(String, primary_key=True)
