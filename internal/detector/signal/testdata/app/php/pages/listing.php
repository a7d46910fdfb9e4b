<?php
// A lookalike: files rendered from a folder loader, by a name the request
// picks among fixed ones; no string loader, no template text from the user.
$twig = new Twig_Environment(new Twig_Loader_Filesystem('views'));
$view = $_GET['view'] === 'grid' ? 'grid.twig' : 'list.twig';
echo $twig->render($view, []);
