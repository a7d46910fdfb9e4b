from sqlalchemy import Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, declarative_base, mapped_column, relationship

Base = declarative_base()


class User(Base):  # want: asset user-data User email,hashed_password; asset integrity User credits,plan
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(320), unique=True, nullable=False)
    hashed_password = Column(String, nullable=False)
    email_verified = Column(Integer, default=0)
    plan = Column(String, default="free")
    credits = Column(Integer, default=10)
    documents = relationship("Document", back_populates="owner")


class Document(Base):  # want: asset user-data Document filename,s3_key
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    s3_key: Mapped[str]
    content_type: Mapped[str] = mapped_column(String(100))


class Message(Base):  # want: asset user-data Message content
    __tablename__ = "messages"

    id = Column(Integer, primary_key=True)
    role = Column(String(16))
    content = Column(Text)

    def preview(self):
        password = "not a field"
        return self.content[:40]


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    label = Column(String(50))
