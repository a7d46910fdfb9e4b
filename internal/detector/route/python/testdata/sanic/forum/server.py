# A Sanic forum: decorators on the app and on blueprints grouped under a
# version prefix, a class-based view added with add_route, and Sanic's
# <name:type> parameters.
from sanic import Sanic, Blueprint
from sanic.response import json
from sanic.views import HTTPMethodView

from forum.threads import threads

app = Sanic("forum")
posts = Blueprint("posts", url_prefix="/posts")
api = Blueprint.group(posts, threads, url_prefix="/v1")


@app.get("/")  # want: GET /
async def index(request):
    return json({})


@app.route("/search", methods=["GET", "POST"])  # want: GET /search; POST /search
async def search(request):
    return json({})


@posts.get("/<post_id:int>")  # want: GET /v1/posts/{post_id}
async def show_post(request, post_id):
    return json({"id": post_id})


@app.websocket("/live")  # want: GET /live
async def live(request, ws):
    await ws.send("hi")


class Profile(HTTPMethodView):
    async def get(self, request, name):  # want: GET /users/{name}
        return json({})

    async def patch(self, request, name):  # want: PATCH /users/{name}
        return json({})


def feed(request):  # want: GET /feed
    return json([])


app.add_route(Profile.as_view(), "/users/<name:str>")
app.add_route(feed, "/feed")
app.blueprint(api)
app.static("/assets", "./static")  # want: GET /assets
