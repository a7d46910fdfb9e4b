import os

from fastapi import Depends, FastAPI, HTTPException, Request
from openai import OpenAI
from pydantic import BaseModel
from slowapi import Limiter
from slowapi.util import get_remote_address

from .auth import get_verified_user

app = FastAPI()
limiter = Limiter(key_func=get_remote_address)
app.state.limiter = limiter
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


class Draft(BaseModel):
    text: str


@app.post("/api/summarize")
@limiter.limit("20/hour")
def summarize(request: Request, body: Draft, user=Depends(get_verified_user)):
    if user.credits <= 0:
        raise HTTPException(status_code=402, detail="out of credits")
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[{"role": "user", "content": "Summarize:\n" + body.text}],
    )
    user.credits -= 1
    return {"summary": completion.choices[0].message.content}
