import { Body, Controller, Post, Query, QueryMethod, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';

@Controller('files')
export class FilesController {
  @Post(['upload', 'import']) // want: POST /api/files/upload; POST /api/files/import
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file: Express.Multer.File) {
    return { size: file.size };
  }

  @QueryMethod('search') // want: QUERY /api/files/search
  search(@Body() filter: Record<string, string>, @Query('page') page: string) {
    return { filter, page };
  }
}
