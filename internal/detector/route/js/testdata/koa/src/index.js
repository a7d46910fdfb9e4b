const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const Router = require('@koa/router');
const apiRouter = require('./api');

const app = new Koa();
const root = new Router();

root.get('/', (ctx) => { ctx.body = 'hello'; }); // want: GET /; auth GET / none

app.use(bodyParser());
app.use(root.routes()).use(root.allowedMethods());
app.use(apiRouter.routes());
app.listen(3000);
