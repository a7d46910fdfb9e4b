from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

BASE = Path(__file__).resolve().parent

app = FastAPI()


@app.get("/api/health")  # want: route GET /api/health
def health():
    return {"ok": True}


app.mount("/public", StaticFiles(directory="public"), name="public")  # want: route GET /public; serves /public/js/app.js
app.mount("/web", StaticFiles(directory=BASE / "web"), name="web")  # want: route GET /web; serves /web/index.html
# Built at run time: the mount alone.
app.mount("/uploads", StaticFiles(directory=get_upload_dir()), name="uploads")  # want: route GET /uploads
