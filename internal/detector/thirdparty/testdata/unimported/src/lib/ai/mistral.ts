import { Mistral } from "@mistralai/mistralai"; // want: third-party mistral

export const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY }); // want: third-party mistral; uses-secret mistral MISTRAL_API_KEY
