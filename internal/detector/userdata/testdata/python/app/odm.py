"""Models in peewee, mongoengine and Beanie; a dataclass and a pydantic
schema with the same fields are no stored model."""

from dataclasses import dataclass

import mongoengine as me
from beanie import Document
from peewee import CharField, DateField, Model
from pydantic import BaseModel


class Patient(Model):  # want: asset user-data Patient date_of_birth,diagnosis
    date_of_birth = DateField()
    diagnosis = CharField()


class Contact(me.Document):  # want: asset user-data Contact phone
    phone = me.StringField()
    label = me.StringField()


class Subscriber(Document):  # want: asset user-data Subscriber email
    email: str
    joined: int


@dataclass
class SignupForm:
    email: str
    password: str


class SignupBody(BaseModel):
    email: str
    password: str
