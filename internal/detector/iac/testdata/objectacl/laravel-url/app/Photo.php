<?php

namespace App;

use Illuminate\Support\Facades\Storage;

class Photo
{
    public function link(string $path): string
    {
        return Storage::disk('s3')->url($path); // want: infra published-bucket objects served by their public URL
    }

    public function privateLink(string $path): string
    {
        return Storage::disk('s3')->temporaryUrl($path, now()->addMinutes(5));
    }
}
