// Supabase Auth signs users in with the provider a page picks from the
// names this file lists.
import { createClient } from "@supabase/supabase-js"; // want: third-party supabase

export type Provider =
  | "google" // want: third-party google-oauth
  | "apple" // want: third-party apple-sign-in
  | "github"; // want: third-party github

const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);

export async function signIn(provider: Provider) {
  // "gitlab" named in a comment signs no one in.
  await supabase.auth.signInWithOAuth({ provider, options: { redirectTo: "/auth/callback" } });
}
