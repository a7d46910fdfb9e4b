import boto3
from fastapi import APIRouter, Depends, File, UploadFile
from sqlalchemy.orm import Session

from ..auth import get_current_user
from ..config import S3_BUCKET
from ..db import get_db
from ..models import Document, User

router = APIRouter(prefix="/api")
s3 = boto3.client("s3")


@router.post("/upload")
def upload(file: UploadFile = File(...), user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    # The key is user_id/filename: predictable. The type is whatever the
    # client says it is.
    key = f"{user.id}/{file.filename}"
    s3.upload_fileobj(file.file, S3_BUCKET, key)
    doc = Document(owner_id=user.id, filename=file.filename, s3_key=key)
    db.add(doc)
    db.commit()
    return {"id": doc.id}


@router.get("/documents/{id}")
def get_document(id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    # No ownership condition: any signed-in user can read any document.
    doc = db.query(Document).filter(Document.id == id).first()
    return {"id": doc.id, "filename": doc.filename, "content": doc.content}
