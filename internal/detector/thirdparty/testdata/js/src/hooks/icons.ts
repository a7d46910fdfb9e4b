// A lookalike: provider names as icon keys, in a file that signs no one in.
export const icons: Record<string, string> = { "google": "g.svg", "apple": "a.svg", "github": "gh.svg" };
