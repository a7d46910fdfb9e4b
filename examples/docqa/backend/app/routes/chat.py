from fastapi import APIRouter, Depends
from openai import OpenAI
from pydantic import BaseModel
from sqlalchemy.orm import Session

from ..auth import get_current_user
from ..config import OPENAI_API_KEY
from ..db import get_db
from ..models import ChatMessage, Document, User

router = APIRouter(prefix="/api")
client = OpenAI(api_key=OPENAI_API_KEY)


class Question(BaseModel):
    document_id: int
    question: str


# Any free-tier account can call this as fast as it likes: nothing limits the
# rate or the spend.
@router.post("/chat")
def chat(q: Question, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    doc = db.query(Document).filter(Document.id == q.document_id).first()
    completion = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "Answer from this document:\n" + (doc.content or "")},
            {"role": "user", "content": q.question},
        ],
    )
    answer = completion.choices[0].message.content
    db.add(ChatMessage(user_id=user.id, prompt=q.question, answer=answer))
    db.commit()
    return {"answer": answer}
