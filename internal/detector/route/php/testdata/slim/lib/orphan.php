<?php
// Lookalike: a variable nobody makes a Slim app and no file that makes
// one requires this file: no routes (a Controller of some other tool).

$app->get('/orphan', 'OrphanController:index');
