from flask import Flask, redirect, render_template, request
from flask_login import LoginManager, UserMixin, login_required, login_user
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash

# The same front desk, where each pet owner signs in: an owner's record
# opened by id, with no owner check, is another account's.
app = Flask(__name__)
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Owner(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first_name = db.Column(db.String(40))
    last_name = db.Column(db.String(40))
    telephone = db.Column(db.String(20))
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(200))


@app.post("/login")
def login():
    owner = Owner.query.filter_by(email=request.form["email"]).first()
    if owner is None or not check_password_hash(owner.password_hash, request.form["password"]):
        return redirect("/login")
    login_user(owner)
    return redirect("/")


@app.get("/owners/<int:owner_id>")
@login_required
def show_owner(owner_id):
    owner = Owner.query.get_or_404(owner_id)
    return render_template("owner.html", owner=owner)


@app.post("/owners/<int:owner_id>/edit")
@login_required
def edit_owner(owner_id):
    owner = Owner.query.get_or_404(owner_id)
    owner.telephone = request.form["telephone"]
    db.session.commit()
    return redirect(f"/owners/{owner_id}")
