import { Hono } from 'hono';
import { Pool } from 'pg';

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const app = new Hono();

// c.req.query('next') reads the query string: it is the value, not a
// database query.
app.get('/go', (c) => c.redirect(c.req.query('next'))); // want: open-redirect via=query

// The search text pasted into the statement.
app.get('/search', async (c) => {
  const { rows } = await db.query("SELECT id FROM items WHERE name = '" + c.req.query('q') + "'"); // want: sql-injection via=query
  return c.json(rows);
});

// Lookalike: the same text bound as a parameter.
app.get('/search-bound', async (c) => {
  const { rows } = await db.query('SELECT id FROM items WHERE name = $1', [c.req.query('q')]);
  return c.json(rows);
});

// Lookalike: the path's id only looks the item up.
app.get('/items/:id', async (c) => {
  const { rows } = await db.query('SELECT id, name FROM items WHERE id = $1', [c.req.param('id')]);
  return c.json(rows[0]);
});

export default app;
