from aiohttp import web


@web.middleware
async def error_middleware(request, handler):
    # Turns errors into JSON; lets every request through.
    try:
        return await handler(request)
    except web.HTTPException as exc:
        return web.json_response({"error": exc.reason}, status=exc.status)


@web.middleware
async def require_login(request, handler):
    if request.get("user") is None:
        raise web.HTTPUnauthorized()
    return await handler(request)
