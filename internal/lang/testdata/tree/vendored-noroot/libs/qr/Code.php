<?php

namespace Qrgen;

class Code
{
}
