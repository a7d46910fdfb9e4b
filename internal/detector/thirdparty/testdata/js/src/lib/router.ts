// A model slug handed to OpenRouter's own client goes to OpenRouter, not
// to the slug's creator through the AI SDK's gateway.
import { createOpenRouter } from "@openrouter/ai-sdk-provider"; // want: third-party openrouter
import { generateText } from "ai";

const router = createOpenRouter({ apiKey: "" });
export const answer = (prompt: string) => generateText({ model: router.chat("anthropic/claude-sonnet-4"), prompt });
