# Routes added by a function handed the app (init(application) from the
# app factory): the resources are modules whose functions respond.
from notes.v1 import tags


def init(application):
    application.add_route("/v1/tags", tags)  # want: GET /v1/tags; POST /v1/tags
