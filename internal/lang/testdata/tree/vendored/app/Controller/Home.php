<?php

namespace Shelf\Controller;

use Qrgen\Code\Builder;

class Home
{
    public function show()
    {
        return (new Builder())->png("home");
    }
}
