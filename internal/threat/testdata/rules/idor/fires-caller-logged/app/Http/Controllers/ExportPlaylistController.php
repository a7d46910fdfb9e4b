<?php

namespace App\Http\Controllers;

use App\Repositories\PlaylistRepository;
use App\Services\AuditTrail;
use Illuminate\Contracts\Auth\Authenticatable;

class ExportPlaylistController extends Controller
{
    public function __invoke(int $playlist, PlaylistRepository $repository, AuditTrail $audit, Authenticatable $listener)
    {
        $audit->recordExport($playlist, $listener);
        return $repository->findOne($playlist)->toCsv();
    }
}
