import os
import shutil
from pathlib import Path

from fastapi import APIRouter, UploadFile

router = APIRouter()
UPLOAD_DIR = Path("uploads")  # want: store filesystem Local folder uploads/


@router.post("/upload")
async def upload(file: UploadFile):
    dest = UPLOAD_DIR / os.path.basename(file.filename)
    with open(dest, "wb") as out:
        shutil.copyfileobj(file.file, out)
    return {"ok": True}
