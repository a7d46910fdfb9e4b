# Lookalikes: an HTTP client's get and a plugin registry's add_route are
# no routes, though this module imports aiohttp.
import aiohttp


class Registry:
    def add_route(self, method, path, handler):
        pass


registry = Registry()
registry.add_route("GET", "/plugin", print)


async def fetch():
    async with aiohttp.ClientSession() as session:
        async with session.get("/remote") as resp:
            return await resp.text()


# The registry's bound method, kept in a name: still no route.
plugin_route = registry.add_route
plugin_route("GET", "/plugin-alias", print)
