// The names of the slots a token is kept under, imported by the code that
// reads the browser's storage: each value spells its own name.
export const AUTHENTICATION_TOKEN_KEY = 'acme-authenticationToken';
export const refreshTokenKey = "refresh_token";

// Keys all the same: a value that does not spell its name, and a name
// that says it signs.
export const API_TOKEN_KEY = 'sesame'; // want: secret hardcoded-signing-key
export const JWT_TOKEN_KEY = 'jwt-token'; // want: secret hardcoded-signing-key
