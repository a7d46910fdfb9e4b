import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded

from .limits import limiter
from .routes import billing, chat, documents

log = logging.getLogger("docqa")

app = FastAPI(title="docqa")
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

app.include_router(chat.router)
app.include_router(documents.router)
app.include_router(billing.router)


@app.exception_handler(Exception)
async def generic_error(request: Request, exc: Exception):
    # Details go to the log, never to the client.
    log.exception("unhandled error on %s", request.url.path)
    return JSONResponse(status_code=500, content={"error": "internal error"})
