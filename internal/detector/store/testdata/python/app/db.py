import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# import pymongo
# want: store postgres PostgreSQL (DATABASE_URL)
engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
