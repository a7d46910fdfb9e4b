import bleach
from flask import Blueprint, redirect, render_template, request
from markupsafe import escape

from shop.posts import Post, Session, latest_posts

pages = Blueprint("pages", __name__)


@pages.route("/profile")
def profile():
    # templates/profile.html writes bio with |safe.
    return render_template("profile.html", bio=request.args.get("bio"), name=request.args.get("name"))


@pages.route("/notes", methods=["POST"])
def notes():
    context = {"note": request.form["note"], "title": "Notes"}
    return render_template("notes.html", **context)


@pages.route("/profile-escaped")
def profile_escaped():
    # Lookalike: the raw value is escaped first.
    return render_template("profile_escaped.html", bio=escape(request.args.get("bio")))


@pages.route("/profile-card")
def profile_card():
    # Lookalike: the template escapes what the request sent; only its
    # own constant is raw.
    return render_template("card.html", name=request.args.get("name"), banner="<b>hi</b>")


@pages.route("/page")
def page():
    return render_template(request.args["page"] + ".html")  # want: path-traversal via=query


# Lookalike: the request picks one of the app's own templates.
@pages.route("/page-safe")
def page_safe():
    name = request.args.get("page", "")
    if name not in ("about", "help"):
        name = "about"
    return render_template(name + ".html")


@pages.route("/board")
def board():
    # templates/board.html loops over posts and writes each body with
    # |safe: what one user saved runs in every viewer's page.
    return render_template("board.html", posts=latest_posts(), heading="Board")


@pages.route("/board/<int:post_id>")
def board_post(post_id):
    with Session() as session:
        post = session.query(Post).filter(Post.id == post_id).first()
        # Lookalikes: the body cleaned before it is marked safe, and a
        # stored link followed: a record's value is the app's own to
        # every sink but a page's HTML.
        return render_template("board_post.html", post=post, body=bleach.clean(post.body))


@pages.route("/board/<int:post_id>/go")
def board_go(post_id):
    with Session() as session:
        post = session.query(Post).get(post_id)
        return redirect(post.link)


@pages.route("/board/preview", methods=["POST"])
def board_preview():
    # The same line reached by the request's own post: a reflected
    # weakness beside the stored one, each its own.
    return render_template("board.html", posts=[request.form], heading="Preview")


@pages.route("/board/table")
def board_table():
    # templates/board_table.html lists the posts with Bootstrap-Flask's
    # render_table, the body column marked safe.
    return render_template("board_table.html", posts=latest_posts(), links=latest_posts())
