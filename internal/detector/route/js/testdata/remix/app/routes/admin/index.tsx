// The page itself is a component; its action serves the methods it tests.
export default function Admin() {
  return null;
}

export async function action({ request }) { // want: PUT /admin; DELETE /admin
  if (request.method === 'PUT') {
    return null;
  }
  if (request.method === 'DELETE') {
    return null;
  }
  throw new Response('no', { status: 405 });
}
