// A private folder: not routable, even named route.ts.
export async function GET() {
  return Response.json({});
}
