const Koa = require('koa')
const Router = require('@koa/router')
const serve = require('koa-static')
const mount = require('koa-mount')

const app = new Koa()
const router = new Router()
router.get('/api/pages', (ctx) => { ctx.body = [] }) // want: route GET /api/pages
app.use(router.routes())
app.use(mount('/files', serve(__dirname + '/files'))) // want: route GET /files; serves /files/docs/intro.md
app.listen(3000)
