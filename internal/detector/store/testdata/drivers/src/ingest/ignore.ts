// Lookalike: files an ingestion folder skips, no database of the app's.
export const ignored = ["**/Thumbs.db", "Thumbs.db", ".DS_Store"];
