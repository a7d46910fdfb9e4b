import type { NextApiRequest, NextApiResponse } from 'next';

// want: ANY /api/account; auth ANY /api/account required
export default async function account(req: NextApiRequest, res: NextApiResponse) {
  if (!req.headers.authorization || !isValidToken(req.headers.authorization)) return res.status(401).json({ error: 'sign in' });
  res.status(200).json({ ok: true });
}
