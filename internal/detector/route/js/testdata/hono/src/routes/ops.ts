import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { basicAuth } from 'hono/basic-auth';
import { cors } from 'hono/cors';

export const ops = new Hono();
ops.use('/console/*', basicAuth({ username: 'ops', password: process.env.OPS_PASSWORD! }));
ops.use('/public/*', cors());
ops.post('/hooks/:hookId', bearerAuth({ token: process.env.HOOK_TOKEN! }), (c) => c.body(null, 204)); // want: POST /api/ops/hooks/{hookId}; auth POST /api/ops/hooks/{hookId} required
ops.delete('/console/cache/:key', (c) => c.body(null, 204)); // want: DELETE /api/ops/console/cache/{key}; auth DELETE /api/ops/console/cache/{key} required
ops.delete('/public/cache/:key', (c) => c.body(null, 204)); // want: DELETE /api/ops/public/cache/{key}; auth DELETE /api/ops/public/cache/{key} none
