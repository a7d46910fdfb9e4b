from fastapi import Depends, FastAPI, WebSocket
from fastapi.staticfiles import StaticFiles

from .api import api_router
from .core.config import settings
from .deps import verify_api_key
from .routers import items, partners, reports, users, views

app = FastAPI(title="inventory")

app.include_router(items.router, prefix="/api")
app.include_router(users.router, prefix=settings.API_V1_STR, dependencies=[Depends(verify_api_key)])
app.include_router(api_router)
app.mount("/static", StaticFiles(directory="static"), name="static")  # want: GET /static


@app.get("/")  # want: GET /
def root():
    return {"name": "inventory"}


@app.websocket("/ws/{room}")  # want: GET /ws/{room}
async def room_socket(websocket: WebSocket, room: str):
    await websocket.accept()
    await websocket.send_text(room)


app.include_router(views.router)

import os  # noqa: E402

from .core.cached import get_settings  # noqa: E402

app.include_router(reports.router, prefix=get_settings().REPORTS_PREFIX)

# A prefix read from the environment is not known: its routes are listed
# under an unknown prefix, and the mount is said once. The constant and
# settings prefixes above are known and say nothing.
app.include_router(partners.router, prefix=os.environ["PARTNER_PREFIX"])  # want: missed 1
