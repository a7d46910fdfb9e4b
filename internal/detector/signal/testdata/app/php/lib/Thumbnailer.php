<?php

// Values pasted into SQL or a shell command: only one a caller can pick is
// the weakness.
class Thumbnailer
{
    public $workDir = 'tmp/';
    private $table = 'thumbs';
    private $owner;
    private $pdo;

    public function __construct($pdo)
    {
        $this->pdo = $pdo;
        $this->owner = $_GET['owner'];
    }

    // Server-drawn names and a property set from a literal: no injection.
    public function convert()
    {
        $src = $this->workDir . uniqid('thumb', true) . '.jpg';
        $dst = $this->workDir . uniqid('thumb', true) . '.png';
        shell_exec("convert $src $dst");
        $n = count(scandir($this->workDir));
        exec("echo $n >> " . $this->workDir . 'count.log');
        $stamp = time();
        system("touch var/run-$stamp");
    }

    // A parameter, whoever calls: the weakness as before.
    public function resize($file, $width)
    {
        $out = $this->workDir . basename($file);
        shell_exec("convert -resize $width $file $out"); // want: weakness command-injection
        shell_exec("convert -resize " . (int) $width . " in.jpg out.png");
        shell_exec('convert ' . escapeshellarg($file) . ' out.png');
    }

    // Request data, directly or one assignment away.
    public function fromForm()
    {
        $name = trim($_POST['name']);
        exec("identify uploads/$name"); // want: weakness command-injection
        $id = intval($_POST['id']);
        exec("identify uploads/$id.jpg");
    }

    // Identifiers quoted by an escaping call, values bound with ?.
    public function save($key, $value)
    {
        $rq = $this->pdo->prepare('SELECT 1 FROM ' . $this->escape($this->table) . ' WHERE k = ?');
        $rq->execute(array($key));
        $this->pdo->exec('DELETE FROM ' . $this->table . ' WHERE k = ' . $this->pdo->quote($key));
        $this->pdo->exec('DELETE FROM ' . $this->table . " WHERE k = '$key'"); // want: weakness sql-injection
        $this->pdo->exec('DELETE FROM thumbs WHERE owner = ' . $this->owner); // want: weakness sql-injection
        $limit = 10;
        foreach (array('a', 'b') as $col) {
            $this->pdo->query("SELECT $col FROM thumbs LIMIT $limit");
        }
    }

    public function escape($identifier)
    {
        return '"' . str_replace('"', '""', $identifier) . '"';
    }
}

function purge($db, $days)
{
    $cutoff = (int) $days;
    $sql = "DELETE FROM thumbs WHERE age > $cutoff";
    $db->exec($sql);
    $sql = "DELETE FROM thumbs WHERE age > $days";
    $db->exec($sql); // want: weakness sql-injection
    mysqli_query($db, "DELETE FROM thumbs WHERE id = " . mysqli_real_escape_string($db, $days));
    mysqli_query($db, "DELETE FROM thumbs WHERE id = " . $GLOBALS['id']); // want: weakness sql-injection
}

function ocr($dir)
{
    $img = sys_get_temp_dir() . '/' . uniqid('ocr') . '.pgm';
    return trim(strtolower(shell_exec("ocrad $img")));
}

function ocrAt($dir)
{
    return trim(shell_exec("ocrad $dir/page.pgm")); // want: weakness command-injection
}
