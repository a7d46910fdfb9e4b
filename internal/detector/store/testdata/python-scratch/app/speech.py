import os
import uuid

from fastapi import APIRouter, UploadFile

router = APIRouter()


# The upload is written to a scratch file for the transcriber, then
# removed: nothing is kept on disk.
@router.post("/transcribe")
async def transcribe(file: UploadFile):
    audio_path = f"{uuid.uuid4()}.webm"
    try:
        with open(audio_path, "wb") as out:
            out.write(await file.read())
        return {"text": run_model(audio_path)}
    finally:
        os.remove(audio_path)


def run_model(path):
    return path
