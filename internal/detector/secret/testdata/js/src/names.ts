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

// A table of authenticator ids (public AAGUIDs), not keys.
export enum AuthenticatorBrand {
  PasswordVault = "a3c1f9e2-7b44-4d1e-9c2a-5e8f0b6d4a17",
  KeychainManaged = "4f9d2e81-0c3b-4a6e-8d17-b2e5c9a0f364",
  PasswordSafe = "9e07b4c3-d2a1-4f58-b6e9-17c8a0d3e5f2",
  TokenStore = "c8a2e4f6-1b3d-4e5f-a7b9-0d2e4f6a8b1c",
}

// One UUID under a key's name is a key.
const deployApiKey = "7d3e9b1a-4c62-4f8e-a0d5-e1b7c3f92a46"; // want: secret generic-api-key

// A list of zone names: gitleaks' generic pattern reads "Api" in the
// element before and the comma as an assignment; data, not a key.
export const zones = new Set([
  "Pacific/Noumea",

  // UTC+13
  "Pacific/Apia",
  "Pacific/Tongatapu",
]);

// A sample licence key in an e-mail template's preview props.
LicenseEmail.PreviewProps = {
  licenseKey: "QZTW7-ABCD-1234-ABCD-1234-XXXX",
};

// Keys in the same places: a list of keys to rotate, a licence key with
// a random body, and a weak password typed in sequence.
const rotated = [
  "Apia",
  "k9Qz2Wv7Lm4Tx8Rb3Nc6Yd1H", // want: secret generic-api-key
  "Pacific/Fiji",
];
LicenseEmail.DefaultProps = {
  licenseKey: "QZTW7-R8KQ2-M4VX9-T6LP3-ABCD", // want: secret generic-api-key
};
const dbPassword = "Abcd1234Wxyz5678"; // want: secret generic-api-key
