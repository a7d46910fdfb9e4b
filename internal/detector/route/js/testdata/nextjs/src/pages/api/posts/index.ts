import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';

// want: GET /api/posts; POST /api/posts; auth POST /api/posts required
export default async function posts(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  switch (req.method) {
    case 'GET':
      return res.json([]);
    case 'POST':
      if (!session) return res.status(401).end();
      return res.status(201).json({});
    default:
      res.setHeader('Allow', ['GET', 'POST']);
      return res.status(405).end();
  }
}
