/**
 * The law as data: fine tariffs per jurisdiction, in versions valid from a date, and the assessment
 * of an offence under the version in force when it was observed.
 *
 * <p>Everything here is an immutable value checked when it is built. A whole {@link
 * org.vigil.tariff.Tariff} is checked at once and refused with every problem listed ({@link
 * org.vigil.tariff.InvalidTariffException}); assessing an offence never throws for a lack of law,
 * it answers with an {@link org.vigil.tariff.Outcome} instead.
 */
package org.vigil.tariff;
