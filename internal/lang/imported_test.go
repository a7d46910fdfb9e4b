package lang

import "testing"

// TestPyProgram: a module's top-level code that reads its arguments,
// prints or exits, or a __main__ guard, makes it a program; the same
// calls inside its functions and classes, a method named exit, or a
// module that starts a server do not.
func TestPyProgram(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"import sys\n\nif len(sys.argv) < 2:\n    sys.exit(1)\n", true},
		{"import argparse\nparser = argparse.ArgumentParser(\n    description='x')\n", true},
		{"def main():\n    pass\n\nif __name__ == '__main__':\n    main()\n", true},
		{"import os\nif not os.path.isdir('d'):\n    print('missing')\n", true},
		// Lookalikes.
		{"def report(rows):\n    print(rows)\n    sys.exit(0)\n", false},
		{"@app.command()\ndef run(\n    n: int,\n) -> None:\n    print(n)\n", false},
		{"class Tool:\n    def close(self):\n        self.exit()\n", false},
		{"# print('a comment')\nLIMIT = 3\n", false},
		{"app = make_app()\n\nif __name__ == '__main__':\n    uvicorn.run(app)\n", false},
	} {
		if got := pyProgram([]byte(tt.src)) != ""; got != tt.want {
			t.Errorf("pyProgram(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
