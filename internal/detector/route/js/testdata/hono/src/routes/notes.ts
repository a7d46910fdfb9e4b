import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { cors } from 'hono/cors';
import { sessionRequired, authHeaders } from '../middleware/session';

// The guard is applied in the chain, before the routes it guards.
export const notes = new Hono()
  .use(sessionRequired)
  .get('/', (c) => c.json([])) // want: GET /api/notes; auth GET /api/notes required
  .put('/:noteId', async (c) => c.json(await c.req.json())); // want: PUT /api/notes/{noteId}; auth PUT /api/notes/{noteId} required

// Lookalike: logging, CORS and a header are no guard.
export const feed = new Hono()
  .use(logger())
  .use(cors())
  .use(authHeaders)
  .get('/', (c) => c.json([])) // want: GET /api/feed; auth GET /api/feed none
  .delete('/:itemId', (c) => c.body(null, 204)); // want: DELETE /api/feed/{itemId}; auth DELETE /api/feed/{itemId} none
