// A Koa app that mounts an API app with koa-mount, whose router nests
// routers registered with dot-named paths and no leading slash.
const Koa = require('koa');
const mount = require('koa-mount');
const serve = require('koa-static');
const api = require('./rpc');

const app = new Koa();
app.use(serve('public'));
app.use(mount('/rpc', api));
app.listen(3000);
