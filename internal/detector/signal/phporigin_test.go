package signal

import (
	"strings"
	"testing"
)

// TestPHPBuiltSafe: the values a PHP sink pastes in, followed within the
// function around it. Each case's sink is the line marked SINK.
func TestPHPBuiltSafe(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		safe      bool
	}{
		{"closure use brings a caller's value", `<?php
$run = function () use ($dir) {
    shell_exec("ls $dir"); // SINK
};`, false},
		{"closure's own literal", `<?php
$run = function () {
    $dir = '/var/cache';
    shell_exec("ls $dir"); // SINK
};`, true},
		{"heredoc with a parameter", `<?php
function q($db, $id) {
    $sql = <<<SQL
SELECT * FROM t WHERE id = $id
SQL;
    $db->query($sql); // SINK
}`, false},
		{"nowdoc of a parameter's name: no interpolation", `<?php
function q($db, $id) {
    $sql = <<<'SQL'
SELECT * FROM t WHERE id = $id
SQL;
    $db->query($sql); // SINK
}`, true},
		{"a literal number", `<?php
function q($db) {
    $n = 3;
    $db->query("SELECT * FROM t LIMIT $n"); // SINK
}`, true},
		{"foreach over a parameter", `<?php
function q($db, $cols) {
    foreach ($cols as $c) {
        $db->query("SELECT $c FROM t"); // SINK
    }
}`, false},
		{"request accessor through the object", `<?php
class C {
    public function show() {
        $id = $this->request->getStringParam('id');
        $this->db->query("SELECT * FROM t WHERE id = '$id'"); // SINK
    }
}`, false},
		{"a global", `<?php
function q($db) {
    global $table;
    $db->query("SELECT * FROM $table"); // SINK
}`, false},
		{"a static property from a literal", `<?php
class C {
    private static $table = 'logs';
    public function q($db) {
        $db->query('SELECT * FROM ' . self::$table); // SINK
    }
}`, true},
		{"a class constant and a cast", `<?php
class C {
    const TABLE = 'logs';
    public function q($db, $limit) {
        $db->query('SELECT * FROM ' . self::TABLE . ' LIMIT ' . (int) $limit); // SINK
    }
}`, true},
		{"a method's unknown result", `<?php
class C {
    public function q($db) {
        $db->query('SELECT * FROM ' . $this->tableName()); // SINK
    }
}`, false},
		{"sprintf of a parameter", `<?php
function q($db, $t) {
    $db->query(sprintf("SELECT * FROM %s", $t) . " WHERE 1"); // SINK
}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := strings.Index(tc.src, "// SINK")
			line := strings.LastIndexByte(tc.src[:at], '\n') + 1
			k := strings.Index(tc.src[line:], "shell_exec(")
			if k < 0 {
				k = strings.Index(tc.src[line:], "->query(")
			}
			i := line + k
			j := strings.IndexByte(tc.src[i:], '(') + i + 1
			if got := phpBuiltSafe(tc.src, i, j); got != tc.safe {
				t.Errorf("phpBuiltSafe = %v, want %v", got, tc.safe)
			}
		})
	}
}
