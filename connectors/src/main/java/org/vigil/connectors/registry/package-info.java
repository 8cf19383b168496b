/**
 * Keeper registries: {@link org.vigil.connectors.registry.DemoRegistry} (generated keepers for the
 * demo and tests) and {@link org.vigil.connectors.registry.HttpRegistry} (a national registry over
 * HTTP, contract in {@code docs/registry.md}).
 *
 * <p>Both implement {@link org.vigil.keeper.KeeperRegistry}, the only path from a plate to a
 * person; neither logs, and no message they produce holds a plate or anything of a keeper.
 */
package org.vigil.connectors.registry;
