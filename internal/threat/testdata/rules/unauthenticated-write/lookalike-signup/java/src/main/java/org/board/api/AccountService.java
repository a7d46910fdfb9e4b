package org.board.api;

public class AccountService {
}
