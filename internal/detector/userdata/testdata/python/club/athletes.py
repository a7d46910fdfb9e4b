from club import ClubModel, RequestSchema, db


class Athlete(ClubModel):  # want: asset user-data Athlete email
    __tablename__ = "athletes"
    id = db.Column(db.Integer, primary_key=True)
    nickname = db.Column(db.String(40))
    email = db.Column(db.String(120), unique=True)


class SignupForm(RequestSchema):
    """A request schema on the aliased pydantic base: no model, no asset."""

    email: str
    nickname: str
