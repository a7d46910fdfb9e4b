import { authHandler } from "@/lib/auth";

// next-auth's own endpoints (sign-in, callbacks, sign-out, CSRF token):
// public by design, each checked by the library.
export { authHandler as GET, authHandler as POST };
