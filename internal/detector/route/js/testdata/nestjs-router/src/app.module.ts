import { Module } from '@nestjs/common';
import { RouterModule, Routes } from '@nestjs/core';
import { PublicModule } from './public/public.module';
import { PrivateModule } from './private/private.module';
import { AdminModule } from './admin/admin.module';
import { ReportsModule } from './reports/reports.module';
import { HealthModule } from './health/health.module';
import { PUBLIC_PREFIX } from './prefixes';

// Each module's controllers are served under its path; children under
// their parent's, a bare module child under the parent's path alone.
const routes: Routes = [
  { path: PUBLIC_PREFIX, module: PublicModule },
  {
    path: 'private',
    module: PrivateModule,
    children: [{ path: 'admin', module: AdminModule }, ReportsModule],
  },
];

@Module({
  imports: [RouterModule.register(routes), PublicModule, PrivateModule, AdminModule, ReportsModule, HealthModule],
})
export class AppModule {}
