# litellm's chat-route spellings of two providers.
import litellm


def chat(prompt):
    litellm.completion(model="cohere_chat/command-r", messages=[{"role": "user", "content": prompt}])
    return litellm.completion(model="ollama_chat/llama3", messages=[{"role": "user", "content": prompt}])
