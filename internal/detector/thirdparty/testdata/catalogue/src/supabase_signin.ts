// Supabase Auth's Microsoft provider goes by "azure".
export const signIn = () => supabase.auth.signInWithOAuth({ provider: "azure" });
