from pathlib import Path

from aiohttp import web

from shop import handlers


def setup_routes(app: web.Application):
    app.router.add_get("/health", handlers.health)  # want: GET /health
    app.router.add_route("POST", "/login", handlers.login)  # want: POST /login
    app.router.add_route("*", "/echo", handlers.echo)  # want: ANY /echo
    app.router.add_view("/items/{id}", handlers.ItemView)
    app.router.add_static("/static", Path(__file__).parent / "static")  # want: GET /static
    # The router's bound method kept in a name, then called.
    add_route = app.router.add_route
    add_route("GET", "/orders/{id}", handlers.health)  # want: GET /orders/{id}
    add_route("*", "/any", handlers.echo)  # want: ANY /any
