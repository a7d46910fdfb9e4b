from flask import Flask, abort, jsonify
from flask_login import LoginManager, UserMixin, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login = LoginManager(app)


class Member(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password_hash = db.Column(db.String(128))


class Story(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text)
    member_id = db.Column(db.Integer, db.ForeignKey("member.id"))


# Every member reads every story: the list is the product.
@app.route("/stories")
@login_required
def stories():
    page = Story.query.order_by(Story.id.desc()).paginate(page=1, per_page=20)
    return jsonify([s.text for s in page.items])


# One story by id shows nothing the list above does not.
@app.route("/stories/<int:story_id>")
@login_required
def story(story_id):
    s = Story.query.get_or_404(story_id)
    return jsonify(s.text)
