<?php

namespace App\Http\Controllers;

use App\Invoice;

class BillingController extends Controller
{
    public function invoice($invoice)
    {
        return Invoice::findOrFail($invoice);
    }

    public function pdf($invoice)
    {
        return Invoice::findOrFail($invoice)->pdf();
    }
}
