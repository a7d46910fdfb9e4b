<?php

namespace Shop;

class Cart
{
}
