import { json } from '@remix-run/node';

export async function loader() { // want: GET /
  return json({ ok: true });
}

export default function Index() {
  return null;
}
