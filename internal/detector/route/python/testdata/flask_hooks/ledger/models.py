from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Book(db.Model):
    code = db.Column(db.String(64), primary_key=True)
    name = db.Column(db.UnicodeText)


class Entry(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    book_id = db.Column(db.String(64), db.ForeignKey("book.code"))
    label = db.Column(db.UnicodeText)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    book_id = db.Column(db.String(64), db.ForeignKey("book.code"))
    text = db.Column(db.UnicodeText)
