import uuid

import boto3
import magic
from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from sqlalchemy.orm import Session

from ..auth import deny, get_current_user
from ..config import S3_BUCKET
from ..db import get_db
from ..models import Document, User

router = APIRouter(prefix="/api")
s3 = boto3.client("s3")

ALLOWED_MIME_TYPES = {"application/pdf", "text/plain", "text/markdown"}


@router.post("/upload")
def upload(file: UploadFile = File(...), user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    head = file.file.read(2048)
    file.file.seek(0)
    # Trust the bytes, not the client's Content-Type.
    if magic.from_buffer(head, mime=True) not in ALLOWED_MIME_TYPES:
        raise HTTPException(status_code=415, detail="unsupported file type")
    key = str(uuid.uuid4())
    s3.upload_fileobj(file.file, S3_BUCKET, key)
    doc = Document(owner_id=user.id, filename=file.filename, s3_key=key)
    db.add(doc)
    db.commit()
    return {"id": str(doc.id)}


@router.get("/documents/{id}")
def get_document(id: uuid.UUID, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    doc = db.query(Document).filter(Document.id == id, Document.owner_id == user.id).first()
    if doc is None:
        deny(user, str(id))
    url = s3.generate_presigned_url("get_object", Params={"Bucket": S3_BUCKET, "Key": doc.s3_key}, ExpiresIn=300)
    return {"id": str(doc.id), "filename": doc.filename, "url": url}
