// More Auth.js sign-in presets.
import NextAuth from "next-auth";
import P0 from "next-auth/providers/authentik";
import P1 from "next-auth/providers/onelogin";
import P3 from "next-auth/providers/wordpress";
import P4 from "next-auth/providers/fusionauth";
import P5 from "next-auth/providers/zitadel";
import P6 from "next-auth/providers/logto";

export const { handlers } = NextAuth({
  providers: [P0({ clientId: "x" }), P1({ clientId: "x" }), P3({ clientId: "x" }), P4({ clientId: "x" }), P5({ clientId: "x" }), P6({ clientId: "x" })],
});
