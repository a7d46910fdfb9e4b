// Sign-in presets that configure nothing: a type imported for a profile's
// shape, a preset imported and never used, a commented-out one, a generic
// OIDC provider at the operator's issuer, and a list of names for a page.
import type { GoogleProfile } from "next-auth/providers/google";
import { type GitHubProfile } from "next-auth/providers/github";
import Discord from "next-auth/providers/discord";
import OIDC from "next-auth/providers/oidc";
import Credentials from "next-auth/providers/credentials";
// import Slack from "next-auth/providers/slack";

export const providers = [
  OIDC({ issuer: process.env.AUTH_OIDC_ISSUER }),
  Credentials({ authorize: async () => null }),
];
export const shown = ["google", "github", "discord", "apple"];
export function name(p: GoogleProfile | GitHubProfile): string {
  return p.name ?? "";
}
