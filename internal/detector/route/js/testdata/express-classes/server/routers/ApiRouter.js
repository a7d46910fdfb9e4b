const express = require('express')

class ApiRouter {
  constructor(server) {
    this.server = server
    this.router = express()
    this.router.get('/shelves', (req, res) => res.json([])) // want: GET /api/shelves
    // want: auth GET /api/shelves required
    this.router.delete('/shelves/:id', (req, res) => res.sendStatus(204)) // want: DELETE /api/shelves/{id}
    // want: auth DELETE /api/shelves/{id} required
  }
}
module.exports = ApiRouter
