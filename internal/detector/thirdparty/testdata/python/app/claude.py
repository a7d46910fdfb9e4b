import anthropic  # want: third-party anthropic

# Anthropic's SDK pointed at Vertex AI: the prompts go to Google.
vertex = anthropic.AsyncAnthropicVertex(region="us-east5", project_id="acme")  # want: third-party google-vertex
