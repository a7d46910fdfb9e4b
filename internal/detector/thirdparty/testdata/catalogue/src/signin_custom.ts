// A sign-in provider the app writes itself for Auth.js: its id names the vendor.
import type { OAuthConfig, OAuthUserConfig } from "next-auth/providers/oauth";

export function DirectoryProvider(options: OAuthUserConfig<Record<string, string>>): OAuthConfig<Record<string, string>> {
  return {
    id: "jumpcloud",
    name: "Directory",
    type: "oidc",
    wellKnown: `${options.issuer}/.well-known/openid-configuration`,
    ...options,
  };
}
