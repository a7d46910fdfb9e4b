from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Sheet(db.Model):
    id = db.Column(db.String(64), primary_key=True)
    secret_hash = db.Column(db.String(128))
    lines = db.relationship("Line", lazy="dynamic")


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sheet_id = db.Column(db.String(64), db.ForeignKey("sheet.id"))
    amount = db.Column(db.Integer)
    note = db.Column(db.UnicodeText)
