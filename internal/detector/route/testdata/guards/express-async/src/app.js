const express = require('express');
const { protect, audit } = require('./middleware/auth');
const notes = require('./controllers/notes');

const app = express();
app.use(express.json());

app.get('/notes', audit, notes.list); // want: GET /notes auth=none
app.post('/notes', protect, notes.create); // want: POST /notes auth=required
app.delete('/notes/:id', notes.remove); // want: DELETE /notes/{id} auth=required

module.exports = app;
