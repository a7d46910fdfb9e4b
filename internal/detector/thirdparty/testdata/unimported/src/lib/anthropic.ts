import Anthropic from "@anthropic-ai/sdk"; // want: third-party anthropic

export const claude = new Anthropic();
