# Lookalike: a class of the app's own named like the SDK's client, in a
# file that imports no Anthropic SDK, reaches no one.
class AnthropicVertex:
    pass


model = AnthropicVertex()
