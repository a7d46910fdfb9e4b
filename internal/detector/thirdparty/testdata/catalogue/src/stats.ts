// Fathom's aggregation API, read by a scheduled job.
export const pageViews = (site: string) => fetch(`https://api.usefathom.com/v1/aggregations?entity_id=${site}&aggregates=pageviews`);
