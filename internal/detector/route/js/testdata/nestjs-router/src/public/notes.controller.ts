import { Controller, Get, Param } from '@nestjs/common';

@Controller('notes')
export class NotesController {
  @Get(':id') // want: GET /api/v2/notes/{id}
  find(@Param('id') id: string) {
    return { id };
  }
}
