package org.board.api;

public class Member {
}
