import os

from anthropic import Anthropic
from fastapi import Depends, FastAPI
from pydantic import BaseModel
from sqlalchemy.orm import Session

from .db import Note, get_db, get_current_user

app = FastAPI()
client = Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])


class Ask(BaseModel):
    question: str


@app.post("/api/assistant")
def assistant(body: Ask, user=Depends(get_current_user), db: Session = Depends(get_db)):
    # The model sees only the caller's own notes, and has no tools.
    notes = db.query(Note).filter(Note.owner_id == user["id"]).limit(20).all()
    context = "\n".join(n.text for n in notes)
    reply = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=512,
        messages=[{"role": "user", "content": "Notes:\n" + context + "\n\nQuestion: " + body.question}],
    )
    return {"answer": reply.content[0].text}
