import { Controller, Delete, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Access, NeedsAccess } from './access.decorator';
import { BoardAccessGuard } from './access.guard';
import { TimingGuard } from './timing.guard';

@Controller('boards')
@UseGuards(AuthGuard('jwt'), BoardAccessGuard)
export class BoardsController {
  @Get(':boardId') // want: GET /boards/{boardId} auth=required role=view
  @NeedsAccess(Access.View)
  show(@Param('boardId') boardId: string) {
    return boardId;
  }

  @Delete(':boardId') // want: DELETE /boards/{boardId} auth=required role=own
  @NeedsAccess(Access.Own)
  remove(@Param('boardId') boardId: string) {
    return boardId;
  }
}

@Controller('timed-boards')
@UseGuards(AuthGuard('jwt'), TimingGuard)
export class TimedBoardsController {
  @Get(':boardId') // want: GET /timed-boards/{boardId} auth=required
  @NeedsAccess(Access.View)
  show(@Param('boardId') boardId: string) {
    return boardId;
  }
}
