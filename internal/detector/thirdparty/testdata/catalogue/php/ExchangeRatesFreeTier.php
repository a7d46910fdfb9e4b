<?php

namespace App\Rates;

use Illuminate\Support\Facades\Http;

// The same providers on their free-plan hosts.
final class ExchangeRatesFreeTier
{
    public function latest(string $driver, string $key, string $base): array
    {
        $url = match ($driver) {
            'layer' => 'https://apilayer.net/api/live?access_key='.$key,
            'currconv' => 'https://free.currconv.com/api/v7/convert?apiKey='.$key,
            'erapi' => 'https://open.er-api.com/v6/latest/'.$base,
        };

        return Http::get($url)->json();
    }
}
