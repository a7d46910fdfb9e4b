import { Hono } from 'hono';

const users = new Hono()
  .get('/', (c) => c.json([])) // want: GET /api/users
  .get('/:id{[0-9]+}', (c) => c.json({ id: c.req.param('id') })) // want: GET /api/users/{id}
  .post('/', async (c) => c.json(await c.req.json(), 201)); // want: POST /api/users

export default users;
