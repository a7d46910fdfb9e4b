// Request handlers for local development: they fake the OpenAI API.
import { http, HttpResponse } from "msw";

export const handlers = [
  http.post("https://api.openai.com/v1/chat/completions", () => HttpResponse.json({ choices: [] })),
];
