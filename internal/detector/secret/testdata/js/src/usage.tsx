// A usage example on a settings page: the token is a placeholder.
export const example = `curl https://notes.example.org/api/v1/memos -H "Authorization: Bearer acme_pat_..."`;
export const other = `curl -H "Authorization: Bearer <your-token>" https://notes.example.org/api`;

// Lookalike: a token written out whole in the same shape is a token.
export const leaked = `curl -H "Authorization: Bearer Zq8LmW3xR7tK2vN9pB4cY6dH" https://notes.example.org/api`; // want: secret curl-auth-header
