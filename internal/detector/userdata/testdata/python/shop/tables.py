from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship
from sqlmodel import Field, SQLModel

Base = declarative_base()


class Customer(Base):  # want: asset user-data Customer email
    __tablename__ = "customer_account"

    id = Column(Integer, primary_key=True)
    email = Column(String(320))
    baskets = relationship("Basket", back_populates="customer")


class Basket(Base):  # want: asset user-data Basket total
    __tablename__ = "baskets"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customer_account.id"), nullable=False)
    total = Column(Integer)


class Depot(Base):
    __tablename__ = "depots"

    id = Column(Integer, primary_key=True)
    code = Column(String(8))


# Belongs to a depot, which belongs to no one.
class Shelf(Base):
    __tablename__ = "shelves"

    id = Column(Integer, primary_key=True)
    depot_id = Column(Integer, ForeignKey("depots.id"))
    label = Column(String(20))


class Reading(SQLModel, table=True):  # want: asset user-data Reading unit,value
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer_account.id")
    value: float
    unit: str
