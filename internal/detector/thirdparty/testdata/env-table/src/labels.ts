// Lookalike: upper-snake names handed to a function in a file that reads
// no variable by a computed name are message keys, not settings.
function label(key: string, fallback: string): string {
  return fallback + key.length;
}

export const labels = [
  label('OPENAI_API_KEY', 'Your key'),
  label('OPENAI_API_KEY_HELP', 'Where to find it'),
  label('OPENAI_API_KEY_ERROR', 'Wrong key'),
];
