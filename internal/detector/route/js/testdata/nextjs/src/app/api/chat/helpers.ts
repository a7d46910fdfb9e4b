// Not a route file: only route.ts is.
export async function POST() {
  return new Response('nope');
}
