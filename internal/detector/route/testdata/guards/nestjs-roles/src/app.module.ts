import { Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller';
import { ReportsController } from './reports/reports.controller';
import { DraftsController } from './reports/drafts.controller';

@Module({ controllers: [AuthController, ReportsController, DraftsController] })
export class AppModule {}
