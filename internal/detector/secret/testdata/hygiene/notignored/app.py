import os

KEY = os.environ["OPENAI_API_KEY"]
