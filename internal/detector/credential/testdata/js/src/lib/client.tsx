export const publishable = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY; // want: credential VITE_STRIPE_PUBLISHABLE_KEY config stripe
export const supabaseUrl = process.env.NEXT_PUBLIC_SUPABASE_URL; // want: credential NEXT_PUBLIC_SUPABASE_URL config supabase
export const isDev = import.meta.env.DEV;
export const help = "set process.env.IN_A_STRING_ONLY before running";
