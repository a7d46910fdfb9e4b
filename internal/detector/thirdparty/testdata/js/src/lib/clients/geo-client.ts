import { BaseClient } from "./base-client";

// A vendor's client sets only its base URL; the request is the base
// class's.
export class GeoClient extends BaseClient {
  protected readonly baseUrl = process.env.GEO_BASE_URL || "https://api.geofinder.io/v1"; // want: third-party geofinder.io
  // A lookalike: a field no request goes to.
  protected readonly docsUrl = "https://docs.lookalike-geo.io/reference";

  protected authHeaders() {
    return { "X-Key": "placeholder" };
  }
}

// A lookalike: a class that extends nothing sends nothing of its own.
export class Settings {
  baseUrl = "https://lookalike-settings.io";
}
