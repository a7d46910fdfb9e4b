// The AI SDK sends a model named by a creator/model slug through Vercel's
// AI Gateway to the model's creator.
import { generateText } from "ai";

export const models = {
  fast: "openai/gpt-4o-mini",
  writer: "anthropic/claude-sonnet-4",
  vision: "google/gemini-2.5-flash",
  chat: "xai/grok-3",
  cheap: "mistral/mistral-small",
  reason: "deepseek/deepseek-r1",
  search: "perplexity/sonar",
  embed: "cohere/command-a",
};

export const reply = (prompt: string) => generateText({ model: models.fast, prompt });
