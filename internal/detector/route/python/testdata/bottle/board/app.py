# A Bottle board: routes on the default app (the bottle module's route
# decorators) and on Bottle() instances, an admin app mounted under a
# prefix whose before_request hook refuses a caller with no session, and
# auth_basic on one route.
import hmac
import os

import bottle
from bottle import Bottle, auth_basic, post, request, route

from board.admin import admin


@route("/")  # want: GET /
def index():
    return "board"


@route("/posts/<post_id:int>", method=["GET", "DELETE"])  # want: GET /posts/{post_id}; DELETE /posts/{post_id}
def post_detail(post_id):
    return {"id": post_id}


def check(user, password):
    return hmac.compare_digest(password, os.environ["BOARD_PASSWORD"])


@post("/posts")  # want: POST /posts
@auth_basic(check)
def create_post():
    return {"title": request.forms.get("title")}


api = Bottle()


@api.get("/tags/<name:re:[a-z]+>")  # want: GET /api/tags/{name}
def tag(name):
    return {"tag": name}


@api.route("/search", method="POST")  # want: POST /api/search
def search():
    return []


@bottle.get("/about")  # want: GET /about
def about():
    return "about"


def health():
    return "ok"


api.route("/health", callback=health)  # want: GET /api/health

site = Bottle()
site.mount("/api", api)
site.mount("/admin", admin)
