# A second Falcon app with no middleware: a hook on a resource class runs
# before each of its responders, one on a responder before that one.
import falcon
import falcon.asgi

from notes.auth import require_login

site = falcon.asgi.App()


@falcon.before(require_login)
class AccountResource:
    async def on_get(self, req, resp):
        resp.media = {}


class PageResource:
    async def on_get(self, req, resp, slug):
        resp.media = {"slug": slug}

    @falcon.before(require_login)
    async def on_put(self, req, resp, slug):
        resp.media = {}


site.add_route("/account", AccountResource())  # want: GET /account
site.add_route("/pages/{slug}", PageResource())  # want: GET /pages/{slug}; PUT /pages/{slug}
site.add_static_route("/assets", "/srv/assets")  # want: GET /assets
