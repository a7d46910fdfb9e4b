"""Two backends to choose from: an Ollama server, or OpenAI's API unless
the operator gives another base URL. The Ollama client is its own SDK,
not a host the OpenAI client is pointed at."""

import os

from ollama import Client  # want: third-party ollama
from openai import OpenAI  # want: third-party openai; third-party azure-openai


def backend():
    if os.environ.get("LLM_BACKEND") == "ollama":
        return Client(host=os.environ.get("LLM_ENDPOINT") or "http://localhost:11434")
    return OpenAI(base_url=os.environ.get("LLM_ENDPOINT") or None)
