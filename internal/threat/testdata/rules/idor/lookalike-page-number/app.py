from flask import Flask, jsonify
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
PAGE_SIZE = 20


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    password_hash = db.Column(db.String(128))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey("account.id"))
    title = db.Column(db.String(200))


class PostStore:
    def find_latest(self, page):
        start = (max(1, page) - 1) * PAGE_SIZE
        return Post.query.order_by(Post.id.desc()).offset(start).limit(PAGE_SIZE).all()


posts = PostStore()


# The path's number only picks a page of the public list.
@app.get("/blog/page/<int:page>")
def blog_page(page):
    return jsonify([p.title for p in posts.find_latest(page)])


@app.get("/api/posts/<int:offset>")
def posts_from(offset):
    rows = db.session.execute(db.select(Post).offset(offset * PAGE_SIZE).limit(PAGE_SIZE)).scalars()
    return jsonify([p.title for p in rows])
