import os

from openai import OpenAI  # want: third-party openai; third-party azure-openai

# import mistralai
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])  # want: uses-secret openai OPENAI_API_KEY; third-party openai; third-party azure-openai; uses-secret azure-openai OPENAI_API_KEY


def answer(question: str, context: str) -> str:
    """Ask the model. Example:

        import cohere
    """
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return r.choices[0].message.content
