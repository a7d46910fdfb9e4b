<?php

namespace App\Console\Commands;

use Illuminate\Console\Command;

class PackArchive extends Command
{
    protected $signature = 'archive:pack {name}';

    public function handle(): int
    {
        shell_exec('tar czf archives/' . $this->argument('name') . '.tgz media/');
        return 0;
    }
}
