import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';

// A service that calls another API: http.get is a call, not a route.
@Injectable()
export class HealthService {
  constructor(private readonly http: HttpService) {}

  ping() {
    return this.http.get('/status');
  }
}
