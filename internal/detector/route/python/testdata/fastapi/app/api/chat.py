from fastapi import APIRouter, Security
from openai import OpenAI

from ..deps import get_current_user

router = APIRouter(prefix="/chat")
client = OpenAI()


@router.post("")  # want: POST /v2/chat
def chat(prompt: str, user=Security(get_current_user, scopes=["chat"])):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
