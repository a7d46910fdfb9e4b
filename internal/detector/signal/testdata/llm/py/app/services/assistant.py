import os

from openai import OpenAI

# An OpenAI-compatible provider: the SDK pointed at another host.
client = OpenAI(base_url="https://api.groq.com/openai/v1", api_key=os.environ["GROQ_API_KEY"])


def _complete(messages):
    out = client.chat.completions.create(model="llama-3.1-8b-instant", messages=messages)
    return out.choices[0].message.content


def answer_question(question):
    return _complete([{"role": "user", "content": question}])


def provider_names():
    return ["openai", "anthropic", "mistral"]
