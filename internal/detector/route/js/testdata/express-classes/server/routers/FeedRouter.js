const express = require('express')

class FeedRouter {
  constructor() {
    this.router = express()
    this.router.get('/:slug', (req, res) => res.send('<rss/>')) // want: GET /feed/{slug}
    // want: auth GET /feed/{slug} none
  }
}
module.exports = FeedRouter
