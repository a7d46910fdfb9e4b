import { Body, Controller, Delete, Get, Param, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { RolesGuard } from './roles.guard';

@Controller('notes')
@UseGuards(ThrottlerGuard)
export class NotesController {
  @Get() // want: GET /notes auth=none
  list() {
    return [];
  }

  @Post() // want: POST /notes auth=required
  @UseGuards(AuthGuard('jwt'))
  create(@Body() body: any) {
    return body;
  }

  @Delete(':id') // want: DELETE /notes/{id} auth=required
  @UseGuards(AuthGuard('jwt'), RolesGuard)
  remove(@Param('id') id: string) {
    return id;
  }
}
