package store

const broken = `CREATE TABLE "{{" (
