from pathlib import Path

from aiohttp import web


async def rooms(request):
    return web.json_response([])


app = web.Application()
app.router.add_get("/api/rooms", rooms)  # want: route GET /api/rooms
app.router.add_static("/static", Path(__file__).parent / "static")  # want: route GET /static; serves /static/css/chat.css
# media/ sits beside the project, and nothing mounts it.
web.run_app(app)
