import { Controller, Delete, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { CacheScope, Role, Roles } from '../roles/roles.decorator';
import { RolesGuard } from '../roles/roles.guard';

@Controller('reports')
@Roles(Role.Admin)
@UseGuards(AuthGuard('jwt'), RolesGuard)
export class ReportsController {
  @Get() // want: GET /reports auth=required role=admin
  list() {
    return [];
  }

  @Delete(':id') // want: DELETE /reports/{id} auth=required role=editor
  @Roles(Role.Editor)
  remove(@Param('id') id: string) {
    return id;
  }

  @Get('cached') // want: GET /reports/cached auth=required role=admin
  @CacheScope('public')
  cached() {
    return [];
  }
}
