// The AI SDK sends a model named by its creator's slug through Vercel's
// AI Gateway to the creator: this prompt goes to Anthropic.
import { generateText } from "ai";

export const draft = (prompt: string) => generateText({ model: "anthropic/claude-sonnet-4", prompt }); // want: third-party anthropic
