// Lookalike: the words appear, but not as a directive.
export const guide = "use server components where you can";

export function label(kind: string) {
  const note = 'use server';
  return `${kind}: ${note}`;
}
