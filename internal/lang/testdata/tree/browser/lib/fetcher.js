// A server module that calls fetch: no page in sight.
async function getJSON(url) {
  const r = await fetch(url);
  return r.json();
}
module.exports = { getJSON };
