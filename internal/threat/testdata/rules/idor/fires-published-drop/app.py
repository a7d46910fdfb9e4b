import hmac
import os
from functools import wraps

from flask import Flask, abort, redirect, render_template, request, session
from flask_sqlalchemy import SQLAlchemy

# A single-author blog: the one login is the author's password, read from
# the environment. Visitors read posts by slug, category or tag and leave
# comments on them, and anyone may post a paste that others fetch by its
# sequential id: a visitor's object, one id away from the next.
app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(80), unique=True)
    title = db.Column(db.String(200))
    category = db.Column(db.String(40))
    body = db.Column(db.Text)
    comments = db.relationship("Comment")


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey("post.id"))
    author = db.Column(db.String(80))
    text = db.Column(db.Text)


def author_only(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not session.get("author"):
            abort(401)
        return view(*args, **kwargs)
    return wrapped


@app.post("/login")
def login():
    if not hmac.compare_digest(request.form["password"], os.environ["AUTHOR_PASSWORD"]):
        abort(401)
    session["author"] = True
    return redirect("/")


@app.get("/blog/<slug>")
def show_post(slug):
    post = Post.query.filter_by(slug=slug).first_or_404()
    return render_template("post.html", post=post)


@app.get("/blog/category/<category>")
def by_category(category):
    posts = Post.query.filter_by(category=category).all()
    return render_template("index.html", posts=posts)


@app.post("/blog/<int:post_id>/comments")
def add_comment(post_id):
    post = Post.query.get_or_404(post_id)
    post.comments.append(Comment(author=request.form["author"], text=request.form["text"]))
    db.session.commit()
    return redirect("/blog/" + post.slug)


@app.post("/blog/<int:post_id>")
@author_only
def edit_post(post_id):
    post = Post.query.get_or_404(post_id)
    post.title = request.form["title"]
    post.body = request.form["body"]
    db.session.commit()
    return redirect("/blog/" + post.slug)


class Paste(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text)


@app.post("/pastes")
def create_paste():
    paste = Paste(text=request.form["text"])
    db.session.add(paste)
    db.session.commit()
    return redirect("/pastes/%d" % paste.id)


@app.get("/pastes/<int:paste_id>")
def show_paste(paste_id):
    paste = Paste.query.get_or_404(paste_id)
    return paste.text
