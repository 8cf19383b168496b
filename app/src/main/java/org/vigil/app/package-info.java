/**
 * The application: {@link org.vigil.app.Vigil} wires the adapters into one process (and does
 * nothing else), {@link org.vigil.app.Main} is the command line.
 */
package org.vigil.app;
