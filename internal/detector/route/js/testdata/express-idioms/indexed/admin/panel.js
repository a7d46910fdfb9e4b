import { Router } from 'express';

export const panel = Router();
panel.get('/users', (req, res) => res.json([])); // want: GET /indexed/admin/users
