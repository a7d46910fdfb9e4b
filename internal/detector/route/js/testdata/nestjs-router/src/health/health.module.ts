import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

// Not in the router's table: served under the global prefix alone.
@Module({ controllers: [HealthController] })
export class HealthModule {}
