from sqlalchemy import Column, Integer, Text, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()
Session = sessionmaker(bind=create_engine("sqlite:///shop.db"))


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    body = Column(Text)
    link = Column(Text)


def latest_posts():
    with Session() as session:
        return session.query(Post).order_by(Post.id.desc()).all()
