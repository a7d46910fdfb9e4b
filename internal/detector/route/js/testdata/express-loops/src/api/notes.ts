import express from 'express';

module.exports = express.Router()
  .get('/', (req, res) => res.json([])) // want: GET /api/notes
  .delete('/:id', (req, res) => res.status(204).end()); // want: DELETE /api/notes/{id}
