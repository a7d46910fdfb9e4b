# A Starlette board: a routes table with functions, an HTTPEndpoint class,
# a websocket, nested Mounts, a sub-app, static files, and starlette's
# requires() guarding the admin page.
from starlette.applications import Starlette
from starlette.authentication import requires
from starlette.endpoints import HTTPEndpoint
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, Router, WebSocketRoute
from starlette.staticfiles import StaticFiles

from board.api import api_routes


async def homepage(request):
    return JSONResponse({})


@requires("authenticated")
async def admin(request):
    return JSONResponse({})


class Topic(HTTPEndpoint):
    async def get(self, request):
        return JSONResponse({})

    async def delete(self, request):
        return JSONResponse({})


async def feed(websocket):
    await websocket.accept()


legacy = Router(routes=[
    Route("/ping", homepage),  # want: GET /legacy/ping
])

routes = [
    Route("/", homepage),  # want: GET /
    Route("/admin", admin, methods=["GET", "POST"]),  # want: GET /admin; POST /admin
    Route("/topics/{topic_id:int}", Topic),  # want: GET /topics/{topic_id}; DELETE /topics/{topic_id}
    WebSocketRoute("/feed", feed),  # want: GET /feed
    Mount("/api", routes=api_routes),
    Mount("/legacy", app=legacy),
    Mount("/static", app=StaticFiles(directory="static"), name="static"),  # want: GET /static
]

app = Starlette(debug=False, routes=routes)
