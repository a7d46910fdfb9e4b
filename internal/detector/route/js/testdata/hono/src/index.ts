import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { serveStatic } from 'hono/bun';
import users from './routes/users';
import { chat } from './routes/chat';
import { notes, feed } from './routes/notes';
import { ops } from './routes/ops';

const app = new Hono().basePath('/api');

app.get('/status', (c) => c.json({ ok: true })); // want: GET /api/status; auth GET /api/status none
app.use('/admin/*', jwt({ secret: Bun.env.JWT_SECRET! }));
app.route('/users', users);
app.route('/chat', chat);
app.route('/notes', notes);
app.route('/feed', feed);
app.route('/ops', ops);
app.get('/admin/audit', (c) => c.json([])); // want: GET /api/admin/audit; auth GET /api/admin/audit required
app.on(['PUT', 'DELETE'], '/admin/flags/:flag{[a-z-]+}', (c) => c.body(null, 204)); // want: PUT /api/admin/flags/{flag}; DELETE /api/admin/flags/{flag}
app.query('/catalog/search', async (c) => c.json(await c.req.json())); // want: QUERY /api/catalog/search
app.get('/catalog', (c) => c.json({ q: c.req.query('q') })); // want: GET /api/catalog

export default app;
