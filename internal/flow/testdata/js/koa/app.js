const Koa = require('koa');
const Router = require('@koa/router');
const escape = require('escape-html');

const app = new Koa();
const router = new Router();

// A helper that reads the server's own state off the context.
const nonceTag = (ctx) => `<script nonce="${ctx.state.nonce}"></script>`;

// Lookalike: the query is escaped, then pasted beside what a helper
// reads off the context. The escaped part stays escaped.
router.get('/card', async (ctx) => {
  const title = escape(String(ctx.query.title));
  if (ctx.query.kind === 'short') {
    ctx.type = 'html';
    ctx.body = `<h1>${title}</h1>${nonceTag(ctx)}`;
    return;
  }
  ctx.type = 'html';
  ctx.body = `<h2>${title}</h2>${nonceTag(ctx)}`;
});

// Lookalike: the same beside the context's state read in place.
router.get('/badge', async (ctx) => {
  const name = escape(ctx.query.name);
  ctx.type = 'html';
  ctx.body = `<b>${name}</b><i>${ctx.state.nonce}</i>`;
});

// Lookalike: a JSON body written first does not make the context hold
// the query: the page written after it reads only the server's state.
router.get('/page', async (ctx) => {
  if (ctx.query.format === 'json') {
    ctx.body = { q: ctx.query.q };
    return;
  }
  ctx.type = 'html';
  ctx.body = `<main>${nonceTag(ctx)}</main>`;
});

// The query written unescaped beside an escaped one.
router.get('/echo', async (ctx) => {
  const safe = escape(ctx.query.safe);
  ctx.type = 'html';
  ctx.body = `<p>${safe}</p><p>${ctx.query.text}</p>`; // want: xss via=query
});

app.use(router.routes());
app.listen(3000);
