<?php

namespace App\Rates;

use Illuminate\Support\Facades\Http;
use Spatie\Dropbox\Client as DropboxClient;
use Spatie\FlysystemDropbox\DropboxAdapter;

// Currency rates an invoice is converted at, each provider by its host.
final class ExchangeRates
{
    public function latest(string $driver, string $key, string $base): array
    {
        $url = match ($driver) {
            'freaks' => 'https://api.currencyfreaks.com/v2.0/rates/latest?apikey='.$key,
            'layer' => 'http://api.currencylayer.com/live?access_key='.$key,
            'oxr' => 'https://openexchangerates.org/api/latest.json?app_id='.$key,
            'currconv' => 'https://api.currconv.com/api/v7/convert?apiKey='.$key,
            'fixer' => 'https://data.fixer.io/api/latest?access_key='.$key,
            'erapi' => 'https://v6.exchangerate-api.com/v6/'.$key.'/latest/'.$base,
        };

        return Http::get($url)->json();
    }

    public function backups(string $token): DropboxAdapter
    {
        return new DropboxAdapter(new DropboxClient($token));
    }
}
