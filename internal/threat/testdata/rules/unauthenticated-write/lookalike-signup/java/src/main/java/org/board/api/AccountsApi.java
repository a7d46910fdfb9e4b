package org.board.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountsApi {
	private final AccountService accounts;
	private final TokenService tokens;

	public AccountsApi(AccountService accounts, TokenService tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	// Sign-up: the caller's own account is made from the form and the
	// caller is handed a token for it.
	@PostMapping("/accounts")
	public ResponseEntity<Object> register(@RequestBody Enrolment enrolment) {
		Member member = accounts.createAccount(enrolment);
		return ResponseEntity.status(201).body(tokens.toToken(member));
	}
}
