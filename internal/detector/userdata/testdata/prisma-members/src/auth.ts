// The sign-in library keeps its users in prisma.user: the adapter is
// what proves User a person, not its fields (an e-mail alone, as a
// team's billing address has too).
import NextAuth from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "./db";

export const { handlers, auth } = NextAuth({
  adapter: PrismaAdapter(db),
  providers: [],
});
