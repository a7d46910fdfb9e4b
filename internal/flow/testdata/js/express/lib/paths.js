const path = require('path');

// Whether target, made relative to root, stays under it.
function within(root, target) {
  const rel = path.relative(root, target);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

// Lookalike: answers whether a name is long enough, not where it lies.
function named(root, target) {
  return target.length > 0;
}

module.exports = { within, named };
