// Not a router: a data layer whose get() reads a key.
const store = new Map();

module.exports = {
  ready: true,
  get(key) {
    return store.get(key);
  },
};
