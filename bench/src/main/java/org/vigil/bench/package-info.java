/**
 * Vigil's benchmarks: the JMH benchmarks of the rules ({@link org.vigil.bench.EnforcerBenchmark})
 * and of reading ingest bodies ({@link org.vigil.bench.ParseBenchmark}), and the end-to-end load
 * command {@link org.vigil.bench.LoadTest}. All are packaged in {@code bench/target/benchmarks.jar}
 * and run only on request, never during the build. See {@code docs/benchmarks.md}.
 */
package org.vigil.bench;
