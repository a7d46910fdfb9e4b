from sanic import Blueprint
from sanic.response import json

threads = Blueprint("threads", url_prefix="/threads")


@threads.post("/")  # want: POST /v1/threads
async def create_thread(request):
    return json({}, status=201)
