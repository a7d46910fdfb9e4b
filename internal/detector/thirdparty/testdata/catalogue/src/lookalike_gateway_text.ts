// Slugs shown in a picker, in a file that imports no AI library.
export const labels = ["openai/gpt-4o", "anthropic/claude-sonnet-4"];
