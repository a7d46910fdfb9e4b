<?php

namespace App\Http\Controllers;

use Illuminate\Support\Facades\Auth;

class SearchController extends Controller
{
    public function saved()
    {
        return SavedSearch::where('owner_id', '=', Auth::id())->get();
    }

    public function stats($package)
    {
        return PackageStat::where('package_id', $package->id)->first();
    }
}
