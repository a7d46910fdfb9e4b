from fastapi import APIRouter, Depends, HTTPException, Request
from openai import OpenAI
from pydantic import BaseModel
from sqlalchemy.orm import Session

from ..auth import deny, get_verified_user
from ..config import OPENAI_API_KEY
from ..db import get_db
from ..limits import limiter
from ..models import ChatMessage, Document, User

router = APIRouter(prefix="/api")
client = OpenAI(api_key=OPENAI_API_KEY)


class Question(BaseModel):
    document_id: str
    question: str


@router.post("/chat")
@limiter.limit("10/minute")
def chat(request: Request, q: Question, user: User = Depends(get_verified_user), db: Session = Depends(get_db)):
    if user.credits <= 0:
        raise HTTPException(status_code=402, detail="out of credits")
    doc = db.query(Document).filter(Document.id == q.document_id, Document.owner_id == user.id).first()
    if doc is None:
        deny(user, q.document_id)
    completion = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=500,
        messages=[
            {"role": "system", "content": "Answer from this document:\n" + (doc.content or "")},
            {"role": "user", "content": q.question},
        ],
    )
    user.credits -= 1
    answer = completion.choices[0].message.content
    db.add(ChatMessage(user_id=user.id, prompt=q.question, answer=answer))
    db.commit()
    return {"answer": answer}
