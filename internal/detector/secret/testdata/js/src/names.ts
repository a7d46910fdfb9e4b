// Lookalikes: names, addresses and public ids, not keys.
const sessionKey = 'session_id';
const reloadSessionKey = "chunkReload";
export const PASSKEY_AAGUID = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
const tokenContract = "0x6B175474E89094C44Da98b954EedeAC495271d0F";
const OAUTH_TOKEN_URL = "https://oauth2.example.com/token";
const COOKIE_SAMESITE = "Strict";
const authCookieKey = "app.session-token";

// Keys: the same shapes under a secret's name, or with a random value.
const sessionSecret = "Zk3q9Vx2LpR7tW8yNc4bHm6J"; // want: secret hardcoded-signing-key
const jwtSecret = "signing_secret_value"; // want: secret hardcoded-signing-key
const walletPrivateKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"; // want: secret generic-api-key
