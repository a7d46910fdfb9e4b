import { NestFactory } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  // A limiter for every route: not auth.
  app.useGlobalGuards(new ThrottlerGuard());
  await app.listen(3000);
}
bootstrap();
