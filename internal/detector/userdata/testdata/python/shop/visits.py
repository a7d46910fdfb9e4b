from peewee import CharField, ForeignKeyField, IntegerField, Model

from .tables import Customer


class Visit(Model):  # want: asset user-data Visit pages
    visitor = ForeignKeyField(Customer, backref="visits")
    pages = IntegerField()


class Banner(Model):
    slot = CharField()
