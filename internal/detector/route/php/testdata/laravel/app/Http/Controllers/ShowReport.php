<?php

namespace App\Http\Controllers;

use App\Models\Report;

class ShowReport extends Controller
{
    public function __invoke(int $report)
    {
        return Report::findOrFail($report);
    }
}
