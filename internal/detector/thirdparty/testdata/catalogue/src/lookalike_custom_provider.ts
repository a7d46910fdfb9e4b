// Objects shaped like a custom sign-in provider that sign nobody in with a vendor.
import type { OAuthConfig } from "next-auth/providers/oauth";

// A provider of the operator's own: its id names no vendor.
export const own = { id: "corporate-sso", name: "Corporate", type: "oidc" } as OAuthConfig<Record<string, string>>;

// A vendor's id on something that is no OAuth provider.
export const directoryImport = { id: "jumpcloud", name: "JumpCloud users", type: "csv" };
