import { decode } from "jwt-simple";

function split(token: string): [any, any] {
  const [h, p] = token.split(".").slice(0, 2);
  return [JSON.parse(atob(h)), JSON.parse(atob(p))];
}

// The token's own header says which algorithm checks it, and "none"
// lets the claims through unsigned.
export function check(token: string, publicKey: string) {
  const [header, payload] = split(token);
  if (header.alg === "none") { // want: weakness jwt-unverified
    return payload;
  }
  return decode(token, publicKey, false, header.alg); // want: weakness jwt-algorithm-unpinned
}

// Lookalike: "none" refused, the algorithm fixed by the server.
export function strictCheck(token: string, publicKey: string) {
  const [header] = split(token);
  if (header.alg === "none") {
    return null;
  }
  return decode(token, publicKey, false, "RS256");
}
