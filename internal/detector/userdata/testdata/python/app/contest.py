from app.db import db


class Challenge(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))


# Lookalike: a challenge's hint is the operators' text, not a user's: it
# belongs to a model no user owns.
class Hint(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    challenge_id = db.Column(db.Integer, db.ForeignKey("challenge.id"))
    content = db.Column(db.Text)


# A user's answer to the same challenge is theirs.
class Answer(db.Model):  # want: asset user-data Answer content
    id = db.Column(db.Integer, primary_key=True)
    challenge_id = db.Column(db.Integer, db.ForeignKey("challenge.id"))
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    content = db.Column(db.Text)


# No relation read: who writes a page is unknown, so its text stays.
class Page(db.Model):  # want: asset user-data Page content
    id = db.Column(db.Integer, primary_key=True)
    content = db.Column(db.Text)


# A household users join through a membership table: its records are its
# members' text, though no user owns the household itself.
class Household(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))


class Membership(db.Model):  # want: asset user-data Membership role
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    household_id = db.Column(db.Integer, db.ForeignKey("household.id"))
    role = db.Column(db.String(20))


class Chore(db.Model):  # want: asset user-data Chore notes
    id = db.Column(db.Integer, primary_key=True)
    household_id = db.Column(db.Integer, db.ForeignKey("household.id"))
    notes = db.Column(db.Text)


# A user's rating of a challenge is the user's record (a score and a
# review), not a membership: it joins no user to the challenge, whose hint
# stays the operators'.
class Rating(db.Model):  # want: asset user-data Rating rated_on,review,score
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    challenge_id = db.Column(db.Integer, db.ForeignKey("challenge.id"))
    score = db.Column(db.Integer)
    review = db.Column(db.String(2000))
    rated_on = db.Column(db.DateTime)
