const request = require('supertest');
const express = require('express');
const app = express();

app.get('/test-only', (req, res) => res.send('x'));

test('lists users', async () => {
  await request(app).get('/api/users').expect(200);
});
