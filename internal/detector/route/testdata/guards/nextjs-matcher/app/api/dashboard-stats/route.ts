// Starts like /dashboard but is no path under it.
export async function GET() { // want: GET /api/dashboard-stats auth=none
  return Response.json({ visits: 1 });
}
