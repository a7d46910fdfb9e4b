const Koa = require('koa');
const Router = require('@koa/router');
const documents = require('./documents');
const teams = require('./teams');
const admin = require('./admin');

const api = new Koa();
const router = new Router();

router.use('/', documents.routes());
router.use('/', teams.routes());
router.use(admin.routes());
router.post('ping', (ctx) => { ctx.body = { ok: true }; }); // want: POST /rpc/ping

api.use(router.routes());
api.use(router.allowedMethods());

module.exports = api;
