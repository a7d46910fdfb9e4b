"""SQLModel tables that inherit their columns from shared schema classes."""

from pydantic import EmailStr
from sqlmodel import Field, Relationship, SQLModel


class MemberBase(SQLModel):
    email: EmailStr = Field(unique=True, index=True, max_length=255)
    full_name: str | None = Field(default=None, max_length=255)


class MemberCreate(MemberBase):
    password: str = Field(min_length=8)


class Member(MemberBase, table=True):  # want: asset user-data Member email,full_name,hashed_password
    id: int | None = Field(default=None, primary_key=True)
    hashed_password: str
    notes: list["Note"] = Relationship(back_populates="owner")


class NoteBase(SQLModel):
    title: str = Field(max_length=255)
    body: str | None = None


class Note(NoteBase, table=True):  # want: asset user-data Note body
    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="member.id")
    owner: Member | None = Relationship(back_populates="notes")
