"use server";

import { cookies } from "next/headers";

// A server action that only sets the caller's own cookie: public by
// design, it changes nothing anyone else sees.
export async function setTheme(formData: FormData) {
  const theme = formData.get("theme") === "dark" ? "dark" : "light";
  cookies().set("theme", theme, { path: "/", sameSite: "lax" });
}
