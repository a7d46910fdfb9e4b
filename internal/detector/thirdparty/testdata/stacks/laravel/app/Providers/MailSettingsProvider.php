<?php

namespace App\Providers;

use Illuminate\Support\Facades\Config;
use Illuminate\Support\ServiceProvider;

// The transport an admin picks in the settings page: the app fills SES's
// settings itself, so it sends through SES though no SES package is
// required (the AWS SDK comes with another one). Reading the app's own
// settings by a dotted key is no transport.
class MailSettingsProvider extends ServiceProvider
{
    public function boot(): void
    {
        $mail = $this->app['settings']->mail();
        switch ($mail['driver']) {
            case 'ses':
                Config::set('services.ses.key', $mail['ses_key']); // want: third-party aws-ses
                Config::set('services.ses.region', $mail['ses_region'] ?? 'us-east-1');
                break;
            case 'smtp':
                Config::set('mail.mailers.smtp.host', $mail['host']);
                break;
        }
        Config::set('app.name', config('settings.company.name'));
    }
}

// Lookalike: an IDE helper's list of every settings key names each
// transport the skeleton carries, and calls none.
final class SettingsKeys
{
    public const TYPES = [
        'mail.mailers.postmark.transport' => 'string',
        'services.resend.key' => 'NULL',
    ];
}
