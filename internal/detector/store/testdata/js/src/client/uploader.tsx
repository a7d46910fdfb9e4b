// Browser code: posts the file to the API; stores nothing itself.
export async function send(file: File) {
  const form = new FormData();
  form.append("upload", file);
  // import { createClient } from "redis";
  return fetch("/api/upload", { method: "POST", body: form });
}
