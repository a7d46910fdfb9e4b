import { Hono } from 'hono';
import { serveStatic } from 'hono/bun';

const app = new Hono();
app.get('/api/notes', (c) => c.json([])); // want: route GET /api/notes
// The request's whole path is looked up under root: /static/* serves ./static/.
app.use('/static/*', serveStatic({ root: './' })); // want: route GET /static/{wildcard}; serves /static/img/logo.png; serves /static/app.css

export default app;
