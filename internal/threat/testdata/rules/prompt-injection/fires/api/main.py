import json
import os

from anthropic import Anthropic
from fastapi import Depends, FastAPI
from pydantic import BaseModel
from sqlalchemy.orm import Session

from .db import Note, get_db, get_current_user

app = FastAPI()
client = Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])

SEARCH_NOTES = {
    "name": "search_notes",
    "description": "Find notes by keyword",
    "input_schema": {"type": "object", "properties": {"q": {"type": "string"}}},
}


class Ask(BaseModel):
    question: str


@app.post("/api/assistant")
def assistant(body: Ask, user=Depends(get_current_user), db: Session = Depends(get_db)):
    reply = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=512,
        tools=[SEARCH_NOTES],
        messages=[{"role": "user", "content": body.question}],
    )
    for block in reply.content:
        if block.type == "tool_use":
            notes = db.query(Note).filter(Note.text.contains(block.input["q"])).all()
            return {"notes": [n.text for n in notes]}
    return {"answer": json.dumps([b.text for b in reply.content if b.type == "text"])}
