<?php
// A plain page: the form handler at the top, its output in the markup.
$doc = new DOMDocument();
$doc->load('stock.xml');
$xp = new DOMXPath($doc);
if (isset($_POST['sku'])) {
    $sku = $_POST['sku'];
    $expr = "//item[@sku='" . $sku . "']";
    #$hits = $xp->evaluate($expr); an old try, commented out with #
    $hits = $xp->query($expr); // want: weakness xpath-injection
    $fixed = $xp->query("//item[@kind='tea']");
    $count = count($hits);
    $label = 'Results';
}
$page = $_GET['page'] ?? 'intro';
$safePage = basename($_GET['page'] ?? 'intro');
$title = strtoupper('Stock');
?>
<html>
<body>
<h1><?php echo $title; ?></h1>
<input name="sku" value="<?php if (isset($sku)) { echo $sku; } ?>"> <!-- want: weakness xss -->
<p>Searched: <?= $sku ?></p> <!-- want: weakness xss -->
<p><?php echo htmlspecialchars($sku); ?></p>
<p><?php echo $label . ': ' . $count; ?></p>
<p><?php echo "Results for " . $_GET['q']; ?></p> <!-- want: weakness xss -->
<p><?php echo isset($_GET['q']) ? 'searched' : 'idle'; ?></p>
<p><?php echo (int) $_GET['n']; ?></p>
<p>Item #1: <?php echo $_GET['item']; ?></p> <!-- want: weakness xss -->
<?php
include $page; // want: weakness path-traversal
include $safePage;
include 'footer.php';
?>
</body>
</html>
