# Not Falcon: a plugin registry with its own add_route, and a Falcon app
# whose middleware only logs (its name says auth; it refuses no one).
import logging

import falcon


class Registry:
    def add_route(self, path, handler):
        pass


class Handler:
    def on_get(self, req, resp):
        pass


registry = Registry()
registry.add_route("/plugins", Handler())


class AuthMiddleware:
    def process_request(self, req, resp):
        logging.info("auth header: %s", bool(req.get_header("Authorization")))


metrics = falcon.App()
metrics.add_middleware(AuthMiddleware())
metrics.add_route("/metrics", Handler())  # want: GET /metrics
