package org.board.api;

public class TokenService {
}
