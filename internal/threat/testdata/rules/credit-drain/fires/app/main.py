import os

from fastapi import Depends, FastAPI
from openai import OpenAI
from pydantic import BaseModel

from .auth import get_current_user

app = FastAPI()
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


class Draft(BaseModel):
    text: str


@app.post("/api/summarize")
def summarize(body: Draft, user=Depends(get_current_user)):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Summarize:\n" + body.text}],
    )
    return {"summary": completion.choices[0].message.content}
