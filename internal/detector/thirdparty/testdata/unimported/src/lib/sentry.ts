import * as Sentry from "@sentry/node"; // want: third-party sentry

export const client = new Sentry.NodeClient({ dsn: process.env.SENTRY_DSN }); // want: uses-secret sentry SENTRY_DSN; third-party sentry
