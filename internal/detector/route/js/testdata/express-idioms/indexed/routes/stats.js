import { Router } from 'express';

export const stats = Router();
stats.get('/count', (req, res) => res.json({ n: 1 })); // want: GET /count
