import { pool } from "@/lib/db";

// A catch-all route of the app's own: a write anyone can call.
export async function POST(req: Request, { params }: { params: { slug: string[] } }) {
  const { text } = await req.json();
  await pool.query("UPDATE notes SET text = $1 WHERE slug = $2", [text, params.slug.join("/")]);
  return new Response(null, { status: 204 });
}
