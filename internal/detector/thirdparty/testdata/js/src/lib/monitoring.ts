import * as Sentry from "@sentry/nextjs"; // want: third-party sentry

Sentry.init({ tracesSampleRate: 0.1 });
