"use server";

import { cookies } from "next/headers";
import { pool } from "@/lib/db";

// A helper that writes the cookie and a table: the action writes for
// anyone who calls it.
async function readModifyWrite(user: string, change: (s: Record<string, unknown>) => Record<string, unknown>) {
  const current = JSON.parse((await cookies()).get("settings")?.value ?? "{}");
  const updated = { ...current, ...change(current) };
  (await cookies()).set({ name: "settings", value: JSON.stringify(updated), sameSite: "lax" });
  await pool.query("UPDATE users SET settings = $1 WHERE id = $2", [JSON.stringify(updated), user]);
}

export async function updateGridColumns(user: string, columns: number) {
  await readModifyWrite(user, () => ({ columns }));
}
