export enum RouteKey {
  Cats = 'cats',
  Feeds = 'feeds',
}
