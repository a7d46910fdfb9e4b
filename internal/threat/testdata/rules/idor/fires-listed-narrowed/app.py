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
    shared = db.Column(db.Boolean)
    member_id = db.Column(db.Integer, db.ForeignKey("member.id"))


# The list shows only the stories their authors shared...
@app.route("/stories")
@login_required
def stories():
    page = Story.query.filter_by(shared=True).paginate(page=1, per_page=20)
    return jsonify([s.text for s in page.items])


# ...while one by id is any story, shared or not: the row stays.
@app.route("/stories/<int:story_id>")
@login_required
def story(story_id):
    s = Story.query.get_or_404(story_id)
    return jsonify(s.text)
