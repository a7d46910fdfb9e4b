import OpenAI from "openai";

export const groq = new OpenAI({ baseURL: "https://api.groq.com/openai/v1" }); // want: third-party groq
