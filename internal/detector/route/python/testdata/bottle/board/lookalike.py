# Not Bottle: an RPC library's route decorator, and a Bottle app whose
# before_request hook only logs.
import logging

from bottle import Bottle, request
from rpckit import route

status = Bottle()


@route("/rpc/ping")
def ping():
    return "pong"


@status.hook("before_request")
def log_request():
    logging.info("%s %s", request.method, request.path)


@status.get("/status")  # want: GET /status
def show_status():
    return {"ok": True}
