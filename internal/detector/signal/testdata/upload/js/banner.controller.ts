export class BannerController {
  async uploadBanner(req: any, user: any) {
    const upload = await req.file();
    if (!upload) {
      throw new BadRequestException("no file");
    }
    return this.media.storeBanner(upload, user.id);
  }
}
