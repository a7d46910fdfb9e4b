"""AWS and Azure clients, picked out of their parent SDKs by the call."""

import boto3
from openai import AzureOpenAI

s3 = boto3.client("s3", region_name="eu-west-1")
ses = boto3.client("sesv2")
sqs = boto3.client("sqs")
bedrock = boto3.client("bedrock-runtime")
cognito = boto3.client("cognito-idp")
sns = boto3.client("sns")
kinesis = boto3.client("kinesis")
cloudfront = boto3.client("cloudfront")
dynamodb = boto3.resource("dynamodb")
lambda_client = boto3.client("lambda")

llm = AzureOpenAI(api_version="2024-06-01")

from anthropic import AnthropicVertex

claude_on_vertex = AnthropicVertex(region="us-east5", project_id="acme")

from anthropic import AnthropicBedrock, AsyncAnthropicBedrock, AsyncAnthropicVertex
import openai

claude_on_bedrock = AnthropicBedrock(aws_region="us-east-1")
async_bedrock = AsyncAnthropicBedrock(aws_region="us-east-1")
async_vertex = AsyncAnthropicVertex(region="us-east5", project_id="acme")
async_azure = openai.AsyncAzureOpenAI(api_version="2024-06-01")

from langchain_openai import AzureChatOpenAI, AzureOpenAIEmbeddings

chat = AzureChatOpenAI(azure_deployment="gpt-4o")
embeddings = AzureOpenAIEmbeddings(azure_deployment="text-embedding-3-small")
