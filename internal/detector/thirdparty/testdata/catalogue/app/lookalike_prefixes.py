# Scheme- and model-like strings without the library that routes them:
# only text.
SCHEMES = ["tgram://", "slack://", "mailto://"]
MODEL = "anthropic/claude-sonnet-4"
