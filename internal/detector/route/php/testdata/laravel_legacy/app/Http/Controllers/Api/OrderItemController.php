<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;

class OrderItemController extends Controller
{
    public function index($order)
    {
        return [];
    }

    public function destroy($order, $item)
    {
        return null;
    }
}
