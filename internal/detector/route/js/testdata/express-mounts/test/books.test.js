const request = require('supertest');
const express = require('express');

const app = express();
app.get('/only-in-tests', (req, res) => res.send('x'));

test('lists books', async () => {
  await request(app).get('/api/v1/books').expect(200);
});
