import OpenAI from "openai"; // want: third-party openai
import Anthropic from "@anthropic-ai/sdk"; // want: third-party anthropic
// import { Mistral } from "@mistralai/mistralai";
import { helper } from "not-openai-helper";
import { local } from "./openai";

export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // want: uses-secret openai OPENAI_API_KEY; third-party openai
export const claude = new Anthropic(); // reads ANTHROPIC_API_KEY itself: not visible in the code
export { helper, local };
