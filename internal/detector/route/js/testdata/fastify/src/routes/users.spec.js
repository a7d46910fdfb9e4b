const build = require('../server');

test('GET /v1/users', async () => {
  const app = build();
  const res = await app.inject({ method: 'GET', url: '/v1/users' });
  expect(res.statusCode).toBe(200);
});
