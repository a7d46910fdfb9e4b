// A folder named app in a package that is no Next.js app: not a route.
export async function GET() {
  return Response.json({ noise: true });
}
