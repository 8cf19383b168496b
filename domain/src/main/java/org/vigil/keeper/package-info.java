/**
 * The registered keeper of a vehicle and the port to the registry that knows them.
 *
 * <p>The registry is reached only for a case an officer has confirmed; no other path leads from a
 * plate to a person. A keeper is personal data: sealed at rest like the case's plate, never in a
 * log or message.
 */
package org.vigil.keeper;
