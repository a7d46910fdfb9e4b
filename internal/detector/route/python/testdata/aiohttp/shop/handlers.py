from aiohttp import web


async def health(request):
    return web.json_response({"ok": True})


async def login(request):
    data = await request.post()
    return web.json_response({"user": data.get("user")})


async def echo(request):
    return web.Response(text=request.query.get("msg", ""))


class ItemView(web.View):
    async def get(self):  # want: GET /items/{id}
        return web.json_response({"id": self.request.match_info["id"]})

    async def delete(self):  # want: DELETE /items/{id}
        return web.Response(status=204)
