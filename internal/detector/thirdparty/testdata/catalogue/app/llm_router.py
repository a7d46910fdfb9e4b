# litellm picks the provider from the model name's prefix.
from litellm import completion

MODELS = {
    "a": "openai/gpt-4o",
    "b": "anthropic/claude-sonnet-4",
    "c": "gemini/gemini-2.0-flash",
    "d": "vertex_ai/gemini-pro",
    "e": "bedrock/anthropic.claude-v2",
    "f": "azure/my-deployment",
    "g": "groq/llama3-8b",
    "h": "openrouter/meta-llama/llama-3",
    "i": "mistral/mistral-large",
    "j": "cohere/command-r",
    "l": "deepseek/deepseek-chat",
    "m": "together_ai/llama-3",
    "n": "fireworks_ai/llama-v3",
    "o": "perplexity/sonar",
    "p": "xai/grok-2",
    "q": "ollama/llama3",
    "s": "huggingface/bigscience/bloom",
    "t": "replicate/meta/llama-2",
    "u": "deepinfra/llama-3",
    "v": "cerebras/llama3.1-8b",
}

def ask(key, prompt):
    return completion(model=MODELS[key], messages=[{"role": "user", "content": prompt}])
