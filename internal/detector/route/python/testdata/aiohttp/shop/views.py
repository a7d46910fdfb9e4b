from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/notes/{id:\\d+}")  # want: GET /notes/{id}
async def note(request):
    return web.json_response({"id": request.match_info["id"]})


@routes.post("/notes")  # want: POST /notes
async def add_note(request):
    body = await request.json()
    return web.json_response(body, status=201)


@routes.route("DELETE", "/notes/{id}")  # want: DELETE /notes/{id}
async def drop_note(request):
    return web.Response(status=204)


@routes.view("/profile")
class ProfileView(web.View):
    async def get(self):  # want: GET /profile
        return web.json_response({})

    async def post(self):  # want: POST /profile
        return web.json_response(await self.request.json())


async def catalog(request):
    return web.json_response([])


async def review(request):
    return web.json_response({}, status=201)


class CartView(web.View):
    async def get(self):  # want: GET /cart
        return web.json_response([])


latest = [
    web.get("/catalog/latest", catalog),  # want: GET /catalog/latest
]
