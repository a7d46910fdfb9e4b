package signal

import "testing"

func TestCounterWrite(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		want       bool
	}{
		{"SQL: a view count", "const q = `UPDATE product SET views_count = views_count + 1 WHERE name = '${name}'`", true},
		{"SQL: two counters, table-qualified", `db.run("UPDATE posts SET hits = posts.hits + 1, reads = reads + 1 WHERE id = ?", id)`, true},
		{"SQL: a value from the request", "const q = `UPDATE product SET name = '${req.query.name}' WHERE id = ${id}`", false},
		{"SQL: another column's value", `db.run("UPDATE posts SET hits = reads + 1 WHERE id = ?", id)`, false},
		{"SQL: a counter beside a field", `db.run("UPDATE posts SET hits = hits + 1, title = ? WHERE id = ?", t, id)`, false},
		{"SQL: a delete", `db.run("DELETE FROM posts WHERE id = ?", id)`, false},
		{"Mongo: $inc of constants", `await Post.updateOne({ _id: req.params.id }, { $inc: { views: 1 } })`, true},
		{"Mongo: $inc with $set", `await Post.updateOne({ _id: id }, { $inc: { views: 1 }, $set: { title: req.query.t } })`, false},
		{"Mongo: $inc by a request amount", `await Wallet.updateOne({ _id: id }, { $inc: { balance: req.query.amount } })`, false},
		{"Mongo: a plain update", `await Post.findByIdAndUpdate(id, { title: req.query.t })`, false},
		{"Sequelize: increment", `await Post.increment('views', { where: { id: req.params.id } })`, true},
		{"Sequelize: increment by a request amount", `await Wallet.increment('balance', { by: req.query.amount, where: { id } })`, false},
		{"TypeORM: increment by one", `await this.postRepository.increment({ id }, 'views', 1)`, true},
		{"TypeORM: increment by a request amount", `await this.walletRepository.increment({ id }, 'balance', amount)`, false},
		{"Prisma: increment", `await prisma.post.update({ where: { id }, data: { views: { increment: 1 } } })`, true},
		{"Prisma: set a field", `await prisma.post.update({ where: { id }, data: { title: req.query.t } })`, false},
		{"Django: F() + 1", `Post.objects.filter(pk=pk).update(views=F("views") + 1)`, true},
		{"Django: a value from the request", `Post.objects.filter(pk=pk).update(title=request.GET["t"])`, false},
		{"save after +=", "post = Post.query.get(id)\npost.views += 1\npost.save()", true},
		{"save after ++", "const post = await Post.findById(id);\npost.views++;\nawait post.save();", true},
		{"save after a field from the request", "post.views += 1\npost.title = request.args['t']\npost.save()", false},
		{"save with nothing set", "post = Post.objects.get(pk=pk)\npost.save()", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loc := mutatesStore.FindStringIndex(tc.code)
			if loc == nil {
				t.Fatalf("%q: no store write matched", tc.code)
			}
			if got := counterWrite(tc.code, loc); got != tc.want {
				t.Errorf("%q: counter %v, want %v", tc.code, got, tc.want)
			}
		})
	}
}
