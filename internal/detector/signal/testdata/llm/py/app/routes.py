from flask import Flask, jsonify, request

from app.services.assistant import answer_question, provider_names

app = Flask(__name__)


@app.post("/ask")
def ask():
    return jsonify(answer=answer_question(request.json["question"]))


# Settings: which providers the admin may pick. Nothing here calls one.
@app.get("/settings/providers")
def providers():
    return jsonify(providers=provider_names(), default="openai")


@app.get("/about")
def about():
    # Answers come from OpenAI's chat.completions API.
    return jsonify(text="Powered by openai and anthropic")
