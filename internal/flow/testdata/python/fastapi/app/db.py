from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///reports.db")


def get_db():
    with Session(engine) as session:
        yield session


def search_reports(session, owner, term):
    sql = "SELECT id, title FROM reports WHERE owner = '%s' AND title LIKE '%%%s%%'" % (owner, term)
    return session.execute(text(sql)).all()  # want: sql-injection via=query
