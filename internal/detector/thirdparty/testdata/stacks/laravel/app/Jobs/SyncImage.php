<?php

namespace App\Jobs;

use Illuminate\Support\Facades\Http;

final class SyncImage
{
    public function handle(string $id): array
    {
        return Http::retry(3)
            ->get("https://api.unsplash.com/photos/{$id}") // want: third-party unsplash
            ->json();
    }
}
