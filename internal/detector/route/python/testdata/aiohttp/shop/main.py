# An aiohttp shop: routes added on the router by a setup function, a
# RouteTableDef's decorators, a list of route definitions, and an admin
# sub-application behind a middleware that rejects anonymous callers.
from aiohttp import web

from shop import views
from shop.admin import admin
from shop.middlewares import error_middleware
from shop.routes import setup_routes

app = web.Application(middlewares=[error_middleware])
setup_routes(app)
app.add_routes(views.routes)
app.add_routes([
    web.get("/catalog", views.catalog),  # want: GET /catalog
    web.post("/catalog/{item_id:\\d+}/reviews", views.review),  # want: POST /catalog/{item_id}/reviews
    web.view("/cart", views.CartView),
])
app.add_subapp("/admin", admin)
app.add_routes(views.latest)

if __name__ == "__main__":
    web.run_app(app)
