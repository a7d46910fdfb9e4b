package app.security

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import java.util.Date

class Tokens(private val alg: Algorithm) {
    fun forever(user: String): String = JWT.create().withSubject(user).sign(alg) // want: weakness jwt-no-expiry

    fun bounded(user: String, until: Date): String =
        JWT.create()
            .withSubject(user)
            .withExpiresAt(until)
            .sign(alg)
}
