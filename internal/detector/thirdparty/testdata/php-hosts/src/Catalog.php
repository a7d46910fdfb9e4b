<?php

namespace Shop;

use GuzzleHttp\Client;
use Illuminate\Support\Facades\Http;

// PHP's HTTP clients called with a fixed host, and clients made for one
// base URL.
class Catalog
{
    private Client $client;

    public function __construct()
    {
        $this->client = new Client(['base_uri' => 'https://api.gearledger.net/v2/', 'timeout' => 5]); // want: third-party gearledger.net
    }

    public function rates(string $day): array
    {
        $ch = curl_init();
        curl_setopt($ch, CURLOPT_URL, "https://fx.ratewell.io/daily/{$day}"); // want: third-party ratewell.io
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return json_decode(curl_exec($ch), true);
    }

    public function weather(string $city): string
    {
        return file_get_contents('https://wx.cloudmeter.org/now?city=' . urlencode($city)); // want: third-party cloudmeter.org
    }

    public function ship(array $parcel)
    {
        return Http::withToken(env('SHIPPO_LIKE_TOKEN'))->post("https://api.parcelhop.com/labels", $parcel); // want: third-party parcelhop.com
        // want: uses-secret parcelhop.com SHIPPO_LIKE_TOKEN
    }

    public function stock(string $sku)
    {
        return $this->client->request('GET', "https://inventory.stockpile.dev/items/$sku"); // want: third-party stockpile.dev
    }

    // Lookalikes: a host the string fills in, a URL the caller names, a
    // cache key, a link, a log line and a commented-out call.
    public function others(string $host, string $url, $cache, $logger)
    {
        file_get_contents("https://$host/status");
        curl_init($url);
        $cache->get('https://cachekey.php-lookalike.io/entry');
        $logger->info('see https://status.php-nowhere.io for outages');
        // file_get_contents('https://api.php-commented.io/v1');
        return ['help' => 'https://docs.php-helpful.io'];
    }
}
