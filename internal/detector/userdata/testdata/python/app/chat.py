from typing import Optional

from pydantic import BaseModel
from sqlmodel import Field, SQLModel


class Conversation(SQLModel, table=True):  # want: asset user-data Conversation prompt
    id: Optional[int] = Field(default=None, primary_key=True)
    prompt: str
    model: str = "gpt-4o-mini"
    token_count: int = 0


class ConversationCreate(SQLModel):
    prompt: str
    email: str


class SignupRequest(BaseModel):
    email: str
    password: str
