import { sendFax } from "../../../client/fax";
export async function POST(req: Request) {
  const { Resend } = await import("resend"); // want: third-party resend
  const r = await fetch("https://api.mistral.ai/v1/chat/completions", { method: "POST" }); // want: third-party mistral
  const msg = "see https://docs.example.com/cohere-vs-openai";
  return Response.json({ ok: r.ok, Resend: !!Resend, msg });
}
