<?php

namespace Qrgen\Code;

class Builder
{
    public function png($text)
    {
        return $text;
    }
}
