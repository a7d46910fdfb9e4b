"""A test double for local runs: it fakes the OpenAI API, calls nothing."""

import responses


def fake_openai():
    responses.add(responses.POST, "https://api.openai.com/v1/chat/completions", json={"choices": []})
