import { Controller, Delete, Param } from '@nestjs/common';

// The same class name and controller path as the public one: the module
// that declares it tells the two apart.
@Controller('notes')
export class NotesController {
  @Delete(':id') // want: DELETE /api/private/notes/{id}
  remove(@Param('id') id: string) {
    return { id };
  }
}
