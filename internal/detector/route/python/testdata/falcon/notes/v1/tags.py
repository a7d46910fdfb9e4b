from notes.auth import require_login

import falcon


def on_get(req, resp):
    resp.media = []


@falcon.before(require_login)
def on_post(req, resp):
    resp.status = falcon.HTTP_201
