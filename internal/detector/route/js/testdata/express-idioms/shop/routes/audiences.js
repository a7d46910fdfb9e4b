const BaseRouter = require('./base');

// A router class of the app's own: each route names its method.
class AudiencesRouter extends BaseRouter {
  mountRoutes() {
    this.route('GET', '/audiences', (req) => this.list(req)); // want: GET /audiences
    this.route('DELETE', '/audiences/:id', this.authed, (req) => this.remove(req)); // want: DELETE /audiences/{id}
  }
}

// Look-alikes: a page router's DSL and a request descriptor.
class Pages {
  map() {
    this.route('about', { path: '/about' });
    this.route('GET', '/help');
    this.route('FETCH', '/status', () => null);
  }
}

module.exports = { AudiencesRouter, Pages };
