/**
 * Payments as they arrive from outside: a provider's signed webhook or a bank statement. A payment
 * names a notice by its payment reference; the case decides what it settles.
 */
package org.vigil.payment;
