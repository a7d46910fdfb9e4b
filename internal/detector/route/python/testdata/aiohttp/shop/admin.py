from aiohttp import web

from shop.middlewares import require_login


async def stats(request):
    return web.json_response({})


admin = web.Application(middlewares=[require_login])
admin.router.add_get("/stats", stats)  # want: GET /admin/stats
