from starlette.responses import JSONResponse
from starlette.routing import Mount, Route


async def list_posts(request):
    return JSONResponse([])


async def create_post(request):
    return JSONResponse({}, status_code=201)


api_routes = [
    Route("/posts", list_posts),  # want: GET /api/posts
    Mount("/v2", routes=[
        Route("/posts", create_post, methods=["POST"]),  # want: POST /api/v2/posts
    ]),
]
