class BaseRouter {
  constructor() {
    this.routes = [];
  }

  route(method, path, ...handlers) {
    this.routes.push({ method, path, handlers });
  }
}

module.exports = BaseRouter;
