"""Cheap completions through Groq, which speaks OpenAI's API."""

import os

from openai import OpenAI

groq = OpenAI(
    base_url="https://api.groq.com/openai/v1",  # want: third-party groq
    api_key=os.environ["GROQ_API_KEY"],  # want: uses-secret groq GROQ_API_KEY; third-party groq
)


def summarise(text: str) -> str:
    r = groq.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": text}])
    return r.choices[0].message.content
