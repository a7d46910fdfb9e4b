from flask import Flask, redirect, render_template, request
from flask_sqlalchemy import SQLAlchemy

# A clinic's front desk with no login at all: anyone at the desk lists,
# opens and edits every pet owner's record. Nobody signs in, so no record
# is another user's: the records of people it keeps are no accounts.
app = Flask(__name__)
db = SQLAlchemy(app)


class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first_name = db.Column(db.String(40))
    last_name = db.Column(db.String(40))
    telephone = db.Column(db.String(20))


@app.get("/owners")
def list_owners():
    last = request.args.get("lastName", "")
    owners = Owner.query.filter(Owner.last_name.startswith(last)).all()
    return render_template("owners.html", owners=owners)


@app.get("/owners/<int:owner_id>")
def show_owner(owner_id):
    owner = Owner.query.get_or_404(owner_id)
    return render_template("owner.html", owner=owner)


@app.post("/owners/<int:owner_id>/edit")
def edit_owner(owner_id):
    owner = Owner.query.get_or_404(owner_id)
    owner.telephone = request.form["telephone"]
    db.session.commit()
    return redirect(f"/owners/{owner_id}")
