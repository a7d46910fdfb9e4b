import { groq } from "./llm";

export async function summarize(text: string) {
  return groq.chat.completions.create({ model: "llama3-8b-8192", messages: [{ role: "user", content: text }] });
}
