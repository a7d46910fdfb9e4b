const Koa = require('koa');
const Router = require('@koa/router');
const helmet = require('koa-helmet');

async function authenticated(ctx, next) {
  if (!ctx.state.user) {
    ctx.throw(401, 'sign in');
  }
  await next();
}

// Loads the user when a session cookie is there; lets everyone through.
async function loadSessionUser(ctx, next) {
  const sid = ctx.cookies.get('sid');
  if (!sid) return next();
  ctx.state.user = await users.bySession(sid);
  await next();
}

// Answers 429 past the budget: a limit, not a guard.
async function authRateGuard(ctx, next) {
  if (await tooMany(ctx.ip)) {
    ctx.status = 429;
    return;
  }
  await next();
}

const app = new Koa();
app.use(helmet());
app.use(loadSessionUser);
app.use(authRateGuard);

const router = new Router();
router.get('/status', (ctx) => { ctx.body = 'ok'; }); // want: GET /status auth=none
router.post('/documents', authenticated, async (ctx) => { ctx.body = await save(ctx.state.user, ctx.request.body); }); // want: POST /documents auth=required

app.use(router.routes());
app.listen(3000);
