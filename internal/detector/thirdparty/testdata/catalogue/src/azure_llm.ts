import { AzureOpenAI } from "openai";
import { AzureChatOpenAI, AzureOpenAIEmbeddings } from "@langchain/openai";
import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";
import { AnthropicVertex } from "@anthropic-ai/vertex-sdk";

export const azure = new AzureOpenAI({ apiVersion: "2024-06-01" });
export const chat = new AzureChatOpenAI({ azureOpenAIApiDeploymentName: "gpt-4o" });
export const embeddings = new AzureOpenAIEmbeddings({ azureOpenAIApiDeploymentName: "embed" });
export const bedrock = new AnthropicBedrock({ awsRegion: "us-east-1" });
export const vertex = new AnthropicVertex({ region: "us-east5", projectId: "acme" });

import { createGateway, gateway, generateText } from "ai";

export const viaGateway = () => generateText({ model: gateway("anthropic/claude-sonnet-4.5"), prompt: "hi" });
export const ownGateway = createGateway({ apiKey: "from-settings" });
