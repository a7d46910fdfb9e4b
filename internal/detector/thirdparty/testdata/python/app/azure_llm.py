import openai  # want: third-party openai; third-party azure-openai


# Lookalike: Azure's client named only in a type reaches no one.
def pick(key: str) -> openai.OpenAI | openai.AzureOpenAI:
    return openai.OpenAI(api_key=key)


def azure(key: str):
    return openai.AsyncAzureOpenAI(api_key=key, api_version="2024-06-01")  # want: third-party azure-openai
