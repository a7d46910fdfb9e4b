// Names the browser's storage keeps a token under are names, not keys: the
// token is what is stored under them.
const TOKEN_KEY = "acme_access_token";
const REFRESH_TOKEN_KEY = "acme_refresh_token";

export const save = (t: string) => localStorage.setItem(TOKEN_KEY, t);
export const load = () => window.sessionStorage.getItem(REFRESH_TOKEN_KEY);
export const saveAuth = (value: string) => localStorage.setItem("auth_signing_token", value);

// Lookalikes: a secret stored under a name is still a secret, and a name
// nothing looks up in storage keeps what its name says.
const storageSigningSecret = "storage_signing_secret"; // want: secret hardcoded-signing-key
localStorage.setItem("k", storageSigningSecret);
const jwtSecretKey = "unstored_signing_secret"; // want: secret hardcoded-signing-key
