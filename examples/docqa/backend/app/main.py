import traceback

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .routes import admin, billing, chat, documents

app = FastAPI(title="docqa", debug=True)

app.include_router(chat.router)
app.include_router(documents.router)
app.include_router(billing.router)
app.include_router(admin.router)


@app.exception_handler(Exception)
async def show_errors(request: Request, exc: Exception):
    # Verbose errors: the stack trace goes back to whoever asked.
    return JSONResponse(status_code=500, content={"error": str(exc), "trace": traceback.format_exc()})
