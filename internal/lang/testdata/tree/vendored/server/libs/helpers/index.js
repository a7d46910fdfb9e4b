// Workaround for https://github.com/someone/slugs/issues/12: keep dashes.
// The approach is based on https://github.com/someone/slugs
function slugify(s) {
  return s.toLowerCase().replace(/[^a-z0-9-]+/g, '-')
}
module.exports = { slugify }
