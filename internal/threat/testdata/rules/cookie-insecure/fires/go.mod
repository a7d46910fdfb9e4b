module example.com/kanban

go 1.22
