package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.SectionSightings.Step;

/**
 * {@link InMemorySectionSightings} holds what a plain reference model holds (a {@link HashMap} of
 * states and, for forgetting, the keys filed by the second of their latest {@code forgetAt}), and
 * stays exact when many threads update and forget at once.
 */
class InMemorySectionSightingsTest {
  private static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");

  @Test
  void holdsWhatTheModelHoldsAmongFewKeys() {
    for (long seed = 1; seed <= 40; seed++) {
      agreesWithTheModel(seed, 0, 1_500);
    }
  }

  @Test
  void holdsWhatTheModelHoldsAmongManyKeys() {
    for (long seed = 1; seed <= 4; seed++) {
      agreesWithTheModel(seed, 3_000, 6_000);
    }
  }

  /**
   * Random updates (entries waiting under up to three tags, exits, sightings on the other side or
   * counted under another tag, removals, unchanged and equal states) and forgetting at random
   * advancing times, over the tags of {@link #fewTags} and {@code manyTags} random ones.
   */
  private static void agreesWithTheModel(long seed, int manyTags, int steps) {
    Random random = new Random(seed);
    List<Tag> few = fewTags(random);
    List<Tag> many = new ArrayList<>();
    for (int i = 0; i < manyTags; i++) {
      many.add(new Tag(random.nextLong(), random.nextLong()));
    }
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    Model model = new Model();
    Instant now = T0;
    for (int step = 0; step < steps; step++) {
      String what = "seed " + seed + ", step " + step;
      int op = random.nextInt(10);
      if (op == 0) {
        now = now.plusMillis(random.nextInt(4_000));
        sightings.forgetBefore(now);
        model.forgetBefore(now);
        for (SectionState kept : model.states.values()) {
          assertThat(kept.lastForgetAt().getEpochSecond())
              .as(what + ": no key is left filed in a due second")
              .isGreaterThanOrEqualTo(now.getEpochSecond());
        }
      } else if (op <= 3) {
        int tags = 1 + random.nextInt(3);
        List<Tag> under = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
          under.add(pick(random, few, many));
        }
        SealedSighting entry = sighting(random, under.getFirst(), true, now);
        for (Tag tag : under) {
          both(sightings, model, tag, s -> s.withEntry(entry), what);
        }
      } else if (op <= 6) {
        Tag tag = pick(random, few, many);
        SealedSighting exit = sighting(random, tag, false, now);
        both(sightings, model, tag, s -> s.withExit(exit), what);
      } else {
        Tag tag = pick(random, few, many);
        UnaryOperator<SectionState> change =
            switch (random.nextInt(7)) {
              case 0 -> s -> SectionState.EMPTY;
              case 1 -> s -> new SectionState(List.of(), List.of());
              case 2 -> s -> s;
              case 3 -> s -> new SectionState(s.entries(), s.exits());
              case 4 -> {
                // on its wrong side, and maybe counted under another tag
                SealedSighting odd =
                    sighting(random, pick(random, few, many), random.nextBoolean(), now);
                yield odd.entry()
                    ? s -> new SectionState(s.entries(), plus(s.exits(), odd))
                    : s -> new SectionState(plus(s.entries(), odd), s.exits());
              }
              case 5 -> {
                // alone, on its wrong side
                SealedSighting odd = sighting(random, tag, random.nextBoolean(), now);
                yield odd.entry()
                    ? s -> new SectionState(List.of(), List.of(odd))
                    : s -> new SectionState(List.of(odd), List.of());
              }
              default -> InMemorySectionSightingsTest::withoutTheFirst;
            };
        both(sightings, model, tag, change, what);
      }
      assertThat(sightings.size()).as(what).isEqualTo(model.size);
      assertThat(sightings.snapshot()).as(what).isEqualTo(model.states);
    }
  }

  @Test
  void concurrentUpdatesOfOverlappingKeysAreEachAtomic() throws Exception {
    int threads = 4;
    int updatesEach = 10_000;
    List<Tag> tags = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      tags.add(new Tag(random.nextLong(), random.nextLong()));
    }
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    Map<Tag, Set<Integer>> seen = new ConcurrentHashMap<>();
    List<Future<Integer>> added =
        run(
            threads,
            t -> {
              Random r = new Random(100 + t);
              int entries = 0;
              for (int i = 0; i < updatesEach; i++) {
                Tag tag = tags.get(r.nextInt(tags.size()));
                if (r.nextInt(8) == 0) {
                  // an entry under another tag too, where it is not counted
                  Tag other =
                      tags.get((tags.indexOf(tag) + 1 + r.nextInt(tags.size() - 1)) % tags.size());
                  SealedSighting entry =
                      new SealedSighting(tag, true, 0, T0.plusSeconds(600), new byte[1]);
                  sightings.update(tag, s -> new Step<>(s.withEntry(entry), null));
                  sightings.update(other, s -> new Step<>(s.withEntry(entry), null));
                  entries++;
                }
                SealedSighting exit =
                    new SealedSighting(tag, false, 0, T0.plusSeconds(600), new byte[1]);
                int before =
                    sightings.update(tag, s -> new Step<>(s.withExit(exit), s.exits().size()));
                assertThat(
                        seen.computeIfAbsent(tag, k -> ConcurrentHashMap.newKeySet()).add(before))
                    .as("two updates of one key saw the same state")
                    .isTrue();
              }
              return entries;
            });
    long entries = 0;
    for (Future<Integer> f : added) {
      entries += f.get();
    }
    long exits = (long) threads * updatesEach;
    assertThat(sightings.size()).isEqualTo(exits + entries);
    Map<Tag, SectionState> held = sightings.snapshot();
    assertThat(held.values().stream().mapToLong(s -> s.exits().size()).sum()).isEqualTo(exits);
    for (Map.Entry<Tag, Set<Integer>> e : seen.entrySet()) {
      int n = held.get(e.getKey()).exits().size();
      assertThat(e.getValue()).hasSize(n).allSatisfy(k -> assertThat(k).isBetween(0, n - 1));
    }
  }

  @Test
  void forgettingAlongsideUpdatesKeepsExactlyWhatIsNotPast() throws Exception {
    int writers = 3;
    int updatesEach = 20_000;
    int lastSecond = 200;
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService forgetter = Executors.newSingleThreadExecutor();
    Future<?> forgetting =
        forgetter.submit(
            () -> {
              int second = 0;
              while (writing.get()) {
                second = Math.min(second + 1, lastSecond);
                sightings.forgetBefore(T0.plusSeconds(second));
                Thread.yield();
              }
            });
    long keep = 0;
    try {
      List<Future<Integer>> kept =
          run(
              writers,
              t -> {
                Random r = new Random(200 + t);
                int stayed = 0;
                for (int i = 0; i < updatesEach; i++) {
                  Tag tag = new Tag(r.nextLong(), r.nextInt(500));
                  // past at the last forgetting, or not; some are past before they arrive
                  boolean stays = r.nextBoolean();
                  Instant forgetAt =
                      stays
                          ? T0.plusSeconds(lastSecond).plusMillis(r.nextInt(10_000))
                          : T0.plusMillis(r.nextInt(lastSecond * 1_000) - 5_000);
                  SealedSighting exit = new SealedSighting(tag, false, 0, forgetAt, new byte[1]);
                  sightings.update(tag, s -> new Step<>(s.withExit(exit), null));
                  stayed += stays ? 1 : 0;
                }
                return stayed;
              });
      for (Future<Integer> f : kept) {
        keep += f.get();
      }
    } finally {
      writing.set(false);
      forgetter.shutdown();
    }
    forgetting.get();
    sightings.forgetBefore(T0.plusSeconds(lastSecond));
    assertThat(sightings.size()).isEqualTo(keep);
    assertThat(sightings.snapshot().values().stream().flatMap(s -> s.exits().stream()))
        .hasSize((int) keep)
        .allSatisfy(s -> assertThat(s.forgetAt()).isAfterOrEqualTo(T0.plusSeconds(lastSecond)));
    sightings.forgetBefore(T0.plusSeconds(lastSecond + 11));
    assertThat(sightings.size()).isZero();
    assertThat(sightings.snapshot()).isEmpty();
  }

  @Test
  void sightingsATurnOfTheExpiryRingApartAreEachForgottenInTheirOwnSecond() {
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    long ring = 4096;
    Tag soon = new Tag(1, 64);
    Tag later = new Tag(2, 128); // the same stripe and the same slot of its ring
    Tag latest = new Tag(3, 192);
    sightings.update(soon, s -> new Step<>(s.withExit(exitAt(soon, T0.plusSeconds(10))), null));
    sightings.update(
        later, s -> new Step<>(s.withExit(exitAt(later, T0.plusSeconds(10 + ring))), null));
    sightings.update(
        latest, s -> new Step<>(s.withExit(exitAt(latest, T0.plusSeconds(10 + 3 * ring))), null));

    sightings.forgetBefore(T0.plusSeconds(11));
    assertThat(sightings.snapshot()).containsOnlyKeys(later, latest);
    sightings.forgetBefore(T0.plusSeconds(10 + ring));
    assertThat(sightings.snapshot()).as("not yet past").containsOnlyKeys(later, latest);
    // a jump of stream time over more than a turn of the ring
    sightings.forgetBefore(T0.plusSeconds(11 + 2 * ring));
    assertThat(sightings.snapshot()).containsOnlyKeys(latest);
    assertThat(sightings.size()).isEqualTo(1);
    sightings.forgetBefore(T0.plusSeconds(11 + 3 * ring));
    assertThat(sightings.snapshot()).isEmpty();
    assertThat(sightings.size()).isZero();
  }

  @Test
  void aSightingFiledInASecondAlreadyWalkedIsForgottenAtTheNextCall() {
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    Tag tag = new Tag(5, 6);
    sightings.forgetBefore(T0.plusSeconds(100));
    sightings.update(tag, s -> new Step<>(s.withExit(exitAt(tag, T0.plusSeconds(50))), null));
    assertThat(sightings.size()).isEqualTo(1);
    sightings.forgetBefore(T0.plusSeconds(100));
    assertThat(sightings.snapshot()).isEmpty();
  }

  private static SealedSighting exitAt(Tag home, Instant forgetAt) {
    return new SealedSighting(home, false, 0, forgetAt, new byte[1]);
  }

  @Test
  void aFailingStepChangesNothing() {
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    Tag tag = new Tag(1, 2);
    SealedSighting exit = new SealedSighting(tag, false, 0, T0, new byte[1]);
    sightings.update(tag, s -> new Step<>(s.withExit(exit), null));
    assertThatThrownBy(
            () ->
                sightings.update(
                    tag,
                    s -> {
                      throw new IllegalArgumentException("no");
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sightings.update(tag, s -> new Step<>(null, null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(sightings.snapshot()).isEqualTo(Map.of(tag, SectionState.EMPTY.withExit(exit)));
    assertThat(sightings.size()).isEqualTo(1);
  }

  @Test
  void aStepThatCallsBackIsRefused() {
    InMemorySectionSightings sightings = new InMemorySectionSightings();
    Tag tag = new Tag(1, 2);
    assertThatThrownBy(
            () ->
                sightings.update(
                    tag, s -> new Step<>(s, sightings.update(tag, t -> new Step<>(t, 1)))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sightings.snapshot()).isEmpty();
  }

  /**
   * The plain reference: the states in a map, and the keys filed by the second of their latest
   * {@code forgetAt} whenever their state changes, forgotten when that second is due.
   */
  private static final class Model {
    final Map<Tag, SectionState> states = new HashMap<>();
    final TreeMap<Long, Set<Tag>> due = new TreeMap<>();
    long size;

    SectionState update(Tag key, UnaryOperator<SectionState> change) {
      SectionState before = states.getOrDefault(key, SectionState.EMPTY);
      store(key, before, change.apply(before));
      return before;
    }

    void forgetBefore(Instant streamTime) {
      while (!due.isEmpty() && due.firstKey() <= streamTime.getEpochSecond() - 1) {
        for (Tag key : due.pollFirstEntry().getValue()) {
          SectionState state = states.get(key);
          if (state != null) {
            store(key, state, state.forgetBefore(streamTime));
          }
        }
      }
    }

    private void store(Tag key, SectionState before, SectionState next) {
      size += next.countedUnder(key) - before.countedUnder(key);
      if (next.isEmpty()) {
        states.remove(key);
      } else if (next != before) {
        states.put(key, next);
        due.computeIfAbsent(next.lastForgetAt().getEpochSecond(), s -> new HashSet<>()).add(key);
      }
    }
  }

  /** Applies {@code change} to both, and checks that both handed it the same state. */
  private static void both(
      InMemorySectionSightings sightings,
      Model model,
      Tag tag,
      UnaryOperator<SectionState> change,
      String what) {
    SectionState seen = sightings.update(tag, s -> new Step<>(change.apply(s), s));
    assertThat(seen).as(what).isEqualTo(model.update(tag, change));
  }

  /**
   * Tags that share halves, hence probe runs of a stripe's table and stripes, and the keys (0, 0)
   * and (0, 1), which a {@link org.vigil.memory.Hash128Map} alone cannot tell apart.
   */
  private static List<Tag> fewTags(Random random) {
    long low = random.nextLong();
    long[] highs = {0, 1, random.nextLong(), random.nextLong()};
    long[] lows = {0, 1, low, low + 64, low + 128, random.nextLong()};
    List<Tag> tags = new ArrayList<>();
    for (long high : highs) {
      for (long l : lows) {
        tags.add(new Tag(high, l));
      }
    }
    return tags;
  }

  private static Tag pick(Random random, List<Tag> few, List<Tag> many) {
    return many.isEmpty() || random.nextBoolean()
        ? few.get(random.nextInt(few.size()))
        : many.get(random.nextInt(many.size()));
  }

  /** A sighting that is forgotten from 3 s before {@code now} to a minute after it. */
  private static SealedSighting sighting(Random random, Tag home, boolean entry, Instant now) {
    return new SealedSighting(
        home,
        entry,
        random.nextInt(100),
        now.plusMillis(random.nextInt(63_000) - 3_000),
        new byte[] {(byte) random.nextInt()});
  }

  private static SectionState withoutTheFirst(SectionState s) {
    if (!s.entries().isEmpty()) {
      return new SectionState(s.entries().subList(1, s.entries().size()), s.exits());
    }
    return s.exits().isEmpty()
        ? s
        : new SectionState(s.entries(), s.exits().subList(1, s.exits().size()));
  }

  private static List<SealedSighting> plus(List<SealedSighting> list, SealedSighting s) {
    List<SealedSighting> next = new ArrayList<>(list);
    next.add(s);
    return next;
  }

  /** Runs {@code task} on {@code threads} threads at once, with its thread's number. */
  private static <T> List<Future<T>> run(int threads, ThrowingTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int number = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.run(number);
                }));
      }
      start.countDown();
      for (Future<T> f : futures) {
        f.get();
      }
      return futures;
    } finally {
      pool.shutdown();
    }
  }

  @FunctionalInterface
  private interface ThrowingTask<T> {
    T run(int thread) throws Exception;
  }
}
