import { Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller';
import { ReportsController } from './reports/reports.controller';
import { DraftsController } from './reports/drafts.controller';
import { BoardsController, TimedBoardsController } from './boards/boards.controller';

@Module({ controllers: [AuthController, ReportsController, DraftsController, BoardsController, TimedBoardsController] })
export class AppModule {}
