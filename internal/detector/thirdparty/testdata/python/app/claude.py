import anthropic  # want: third-party anthropic

# Anthropic's SDK pointed at Vertex AI: the prompts go to Google.
vertex = anthropic.AsyncAnthropicVertex(region="us-east5", project_id="acme")  # want: third-party google-vertex

# Anthropic's SDK pointed at Bedrock: the prompts go to AWS.
from anthropic import AnthropicBedrock as Bedrock  # want: third-party anthropic

bedrock = Bedrock(aws_region="us-east-1")  # want: third-party aws-bedrock
