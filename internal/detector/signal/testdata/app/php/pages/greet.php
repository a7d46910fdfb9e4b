<?php
// Twig given the request's text as the template itself, and a template
// chosen from files by a fixed name.
$name = $_GET['name'];
$twig = new Twig_Environment(new Twig_Loader_String());
$out = $twig->render($name); // want: weakness template-injection
$fixed = $twig->render('Hello {{ who }}', ['who' => $name]);
// An escaped echo on the line after a comment line.
echo htmlspecialchars($_GET['who'] ?? '');
