const Router = require('@koa/router');
const router = new Router({ prefix: '/broken' ;
router.get('/x', async ctx => { ctx.body = 1 }
