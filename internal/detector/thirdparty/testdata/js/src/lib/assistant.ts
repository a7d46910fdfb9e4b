// Multi-provider adapters name their provider: TanStack AI's Anthropic
// adapter is Anthropic. s3mini speaks S3 to Amazon unless given another
// endpoint. Lookalike in a comment: import { createClient } from "@owlrelay/api-sdk".
import { chat } from "@tanstack/ai";
import { createAnthropicChat } from "@tanstack/ai-anthropic"; // want: third-party anthropic
import { S3mini } from "s3mini"; // want: third-party aws-s3

const docs = "see https://github.com/owlrelay for e-mail intake";

export const bucket = new S3mini({ accessKeyId: process.env.S3_ACCESS_KEY_ID, region: "eu-west-1" });
export const ask = (q: string) => chat({ adapter: createAnthropicChat("claude-sonnet"), messages: [{ role: "user", content: q }], docs });
