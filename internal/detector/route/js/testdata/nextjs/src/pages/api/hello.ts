import type { NextApiRequest, NextApiResponse } from 'next';

// want: ANY /api/hello; auth ANY /api/hello none
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ hello: 'world' });
}
