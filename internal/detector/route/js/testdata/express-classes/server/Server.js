const express = require('express')
const Auth = require('./Auth')
const ApiRouter = require('./routers/ApiRouter')
const FeedRouter = require('./routers/FeedRouter')

class Server {
  constructor() {
    this.auth = new Auth()
    this.apiRouter = new ApiRouter(this)
    this.feedRouter = new FeedRouter()
  }

  requireUser(req, res, next) {
    this.auth.isSignedIn(req, res, next)
  }

  start() {
    const app = express()
    const router = express.Router()
    router.use('/api', this.auth.whenNeeded(this.requireUser.bind(this)), this.apiRouter.router)
    router.use('/feed', this.auth.noted(this.requireUser.bind(this)), this.feedRouter.router)
    app.use(router)
    app.listen(3000)
  }
}
module.exports = Server
