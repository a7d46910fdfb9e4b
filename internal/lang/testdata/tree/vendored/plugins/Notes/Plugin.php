<?php

// A plugin the team took in: the app's namespace, the app's code.
namespace Shelf\Plugin\Notes;

class Plugin
{
}
