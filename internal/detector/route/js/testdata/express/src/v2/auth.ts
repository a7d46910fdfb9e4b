import type { NextFunction, Request, Response } from 'express';

export function authMiddleware(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.authorization || !isValidToken(req.headers.authorization)) return res.status(401).end();
  next();
}
