import * as jwt from "jsonwebtoken";

export function currentUser(header: string) {
  const claims = jwt.decode(header.replace("Bearer ", "")); // want: weakness jwt-unverified
  return claims?.sub;
}

// An OpenID Connect sign-in: the id_token came back from the provider's
// token endpoint over TLS (the strategy's params), which vouches for it
// in place of its signature.
export function profileOf(accessToken: string, params: { id_token: string }) {
  return jwt.decode(params.id_token);
}

// The browser posted this one: anyone can write it.
export function postedProfile(body: { id_token: string }) {
  return jwt.decode(body.id_token); // want: weakness jwt-unverified
}
