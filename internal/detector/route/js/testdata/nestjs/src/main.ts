import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import * as express from 'express';
import helmet from 'helmet';
import { join } from 'path';
import { AppModule } from './app.module';

const API_PREFIX = 'api';

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.setGlobalPrefix(API_PREFIX);
  app.use(helmet());
  // Static folders are served outside the global prefix.
  app.useStaticAssets(join(__dirname, '..', 'public'), { prefix: '/assets/' }); // want: GET /assets
  app.use('/downloads', express.static(join(__dirname, '..', 'downloads'))); // want: GET /downloads
  app.useStaticAssets(join(__dirname, '..', 'root'));
  const config = app.get(ConfigService);
  app.get(ConfigService).get('port');
  await app.listen(config.get('port') ?? 3000);
}
bootstrap();
