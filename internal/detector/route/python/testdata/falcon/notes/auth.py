import falcon

from notes.tokens import verify


class TokenMiddleware:
    def process_request(self, req, resp):
        if req.path in ("/health",):
            return
        token = req.get_header("Authorization")
        if token is None or not verify(token):
            raise falcon.HTTPUnauthorized(title="token required")


def require_login(req, resp, resource, params):
    if not req.context.get("user"):
        raise falcon.HTTPUnauthorized(title="sign in first")
