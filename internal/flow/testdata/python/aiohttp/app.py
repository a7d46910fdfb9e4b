# aiohttp handlers take the request: its match_info, query, post() and
# json() are request data. The lookalikes use the app's own values or
# a number parsed from the request.
import subprocess

from aiohttp import web

routes = web.RouteTableDef()
COMMANDS = {"uptime": "uptime"}


@routes.get("/run/{name}")
async def run(request):
    name = request.match_info["name"]
    subprocess.call("echo " + name, shell=True)  # want: command-injection via=param
    return web.Response(text="ok")


@routes.get("/tool")
async def tool(request):
    subprocess.call(COMMANDS["uptime"], shell=True)
    return web.Response(text="ok")


async def search(request):
    q = request.query.get("q")
    subprocess.call("grep " + q, shell=True)  # want: command-injection via=query
    return web.Response(text="ok")


async def create(request):
    data = await request.post()
    async with request.app["db"].acquire() as conn:
        await conn.execute("INSERT INTO notes VALUES ('%s')" % data["title"])  # want: sql-injection via=body
    return web.Response(text="ok")


async def page(request):
    n = int(request.query.get("n", "1"))
    async with request.app["db"].acquire() as conn:
        await conn.execute("SELECT * FROM notes LIMIT 10 OFFSET %d" % (n * 10))
    return web.Response(text="ok")


async def rename(request):
    body = await request.json()
    subprocess.call(["mv", "notes.txt", body["to"]])
    subprocess.call("mv notes.txt " + body["to"], shell=True)  # want: command-injection via=body
    return web.Response(text="ok")


async def notes(request):
    # The method test narrows request.method only, also through its own
    # normalised text; the form is still what the client sent.
    if request.method.upper() == "POST":
        data = await request.post()
        async with request.app["db"].acquire() as conn:
            await conn.execute("DELETE FROM notes WHERE title = '%s'" % data["title"])  # want: sql-injection via=body
    return web.Response(text="ok")


async def export(request):
    # Lookalike: the query value compared equal to a literal is that
    # literal in the branch.
    if request.query.get("fmt") == "csv":
        subprocess.call("export --format " + request.query.get("fmt"), shell=True)
    return web.Response(text="ok")


app = web.Application()
app.add_routes(routes)
app.add_routes([
    web.get("/search", search),
    web.post("/notes", create),
    web.get("/notes", page),
    web.post("/rename", rename),
    web.route("*", "/notes/manage", notes),
    web.get("/export", export),
])
