package org.vigil.http.auth;

import java.time.Instant;

/** The answer to a sign-in: accepted, refused, or refused because the name is locked. */
public sealed interface SignInResult {

  /** The credentials are right and the name is not locked. */
  record Accepted(Accounts.SignedIn user) implements SignInResult {}

  /** The name or the password is wrong; which of them is not said. */
  record Refused() implements SignInResult {}

  /**
   * The name is locked until {@code until} after repeated failures; whether the password was right
   * is not said.
   */
  record Locked(Instant until) implements SignInResult {}

  /** The message a refused caller gets, the same whether the name exists or not. */
  static String message(SignInResult r) {
    return switch (r) {
      case Accepted a -> "signed in";
      case Refused f -> "the user name or the password is wrong";
      case Locked l ->
          "this account is locked after "
              + Lockout.MAX_FAILURES
              + " failed sign-ins until "
              + l.until()
              + "; try again then";
    };
  }
}
