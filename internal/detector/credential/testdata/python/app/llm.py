import os

import openai

"""
Docstring example, not a read:
    key = os.environ["NOT_READ_IN_DOCSTRING"]
"""

client = openai.OpenAI(api_key=os.environ["OPENAI_API_KEY"])  # want: credential OPENAI_API_KEY secret openai
MODEL = os.getenv("OPENAI_MODEL", "gpt-4o-mini")  # want: credential OPENAI_MODEL config openai
DEBUG = os.environ.get("DEBUG") == "1"  # want: credential DEBUG config -
# LEGACY = os.environ.get("LEGACY_ANTHROPIC_API_KEY")
db = os.environ.get('DATABASE_URL')  # want: credential DATABASE_URL secret -
aws_key = os.environ["AWS_SECRET_ACCESS_KEY"]  # want: credential AWS_SECRET_ACCESS_KEY secret aws
aws_id = os.getenv("AWS_ACCESS_KEY_ID")  # want: credential AWS_ACCESS_KEY_ID config aws
