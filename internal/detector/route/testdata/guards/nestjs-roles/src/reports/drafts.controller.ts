import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { CacheScope, Roles } from '../roles/roles.decorator';

// Roles metadata with no guard that reads it demands no role.
@Controller('drafts')
@UseGuards(AuthGuard('jwt'))
export class DraftsController {
  @Get() // want: GET /drafts auth=required
  @Roles('editor' as any)
  list() {
    return [];
  }

  @Post() // want: POST /drafts auth=required
  @CacheScope('admin')
  create() {
    return {};
  }
}
