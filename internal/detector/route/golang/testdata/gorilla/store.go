package main

import "github.com/google/uuid"

type store struct{}

func (st *store) user(id int) {}

func (st *store) document(id uuid.UUID) {}
