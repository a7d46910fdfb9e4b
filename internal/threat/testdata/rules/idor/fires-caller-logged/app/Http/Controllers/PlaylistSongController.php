<?php

namespace App\Http\Controllers;

use App\Repositories\SongRepository;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Support\Facades\Log;

class PlaylistSongController extends Controller
{
    public function __construct(
        private readonly SongRepository $songs,
        private readonly Authenticatable $listener,
    ) {}

    public function index(int $playlist)
    {
        // The listener is only written to the log: the lookup is by id alone.
        Log::info('songs listed', [$playlist, $this->listener]);
        return $this->songs->getForPlaylist($playlist);
    }
}
