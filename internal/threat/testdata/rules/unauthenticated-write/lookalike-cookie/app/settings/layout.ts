"use server";

import { cookies } from "next/headers";

// The same through a helper: every action reads the settings cookie,
// changes one field and writes it back to the caller's browser.
async function readModifyWrite(change: (s: Record<string, unknown>) => Record<string, unknown>) {
  const current = JSON.parse((await cookies()).get("settings")?.value ?? "{}");
  const updated = { ...current, ...change(current) };
  (await cookies()).set({ name: "settings", value: JSON.stringify(updated), sameSite: "lax" });
}

export async function updateGridColumns(columns: number) {
  await readModifyWrite(() => ({ columns }));
}
