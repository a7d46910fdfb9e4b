// A Next.js route file under a folder named routes: where a Remix folder
// route could sit, still read as Next.js's (it exports GET, not a loader).
export async function GET() { // want: GET /routes/health
  return Response.json({ ok: true });
}
