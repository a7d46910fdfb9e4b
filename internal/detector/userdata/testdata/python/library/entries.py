from app.db import db


# Single-table inheritance: the subclasses live in the parent's table, and
# the one that references a user makes the table a user's.
class Entry(db.Model):  # want: asset user-data Entry kind,value
    __tablename__ = "entries"
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(80))
    value = db.Column(db.JSON)
    __mapper_args__ = {"polymorphic_on": kind}


class UserEntry(Entry):
    __mapper_args__ = {"polymorphic_identity": "user"}
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))


class TeamEntry(Entry):
    __mapper_args__ = {"polymorphic_identity": "team"}
    team_id = db.Column(db.Integer, db.ForeignKey("teams.id"))
