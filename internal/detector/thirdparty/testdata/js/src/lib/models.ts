// Lookalike for the OpenAI-compatible rule: the OpenAI SDK is called
// here for OpenAI itself, and OpenRouter only for its public model list.
import OpenAI from "openai"; // want: third-party openai

const openai = new OpenAI();

export async function listModels() {
  const res = await fetch("https://openrouter.ai/api/v1/models"); // want: third-party openrouter
  return res.json();
}

export async function complete(prompt: string) {
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
}
