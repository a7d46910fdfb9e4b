import OpenAI from "openai"; // want: third-party openai

export const ai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // want: uses-secret openai OPENAI_API_KEY; third-party openai
