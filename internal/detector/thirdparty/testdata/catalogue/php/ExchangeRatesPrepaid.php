<?php

namespace App\Rates;

use Illuminate\Support\Facades\Http;

final class ExchangeRatesPrepaid
{
    public function convert(string $key, string $pair): array
    {
        return Http::get('https://prepaid.currconv.com/api/v7/convert?apiKey='.$key.'&q='.$pair)->json();
    }
}
