package org.vigil.http.incidents;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.vigil.traffic.incident.IncidentEvent;

/**
 * Fans incident events out to the clients of the event stream. Each subscriber has a bounded queue
 * of {@value #QUEUE} events; a subscriber whose queue is full is dropped (its stream ends, the
 * client reconnects), so a slow client never holds up {@link #publish} or any other client.
 * Thread-safe.
 */
public final class IncidentHub implements AutoCloseable {
  /** How many events wait for one subscriber before it is dropped. */
  public static final int QUEUE = 256;

  private static final Object END = new Object();

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Duration heartbeat;
  private volatile boolean closed;

  /** A hub whose streams send a heartbeat every 15 s. */
  public IncidentHub() {
    this(Duration.ofSeconds(15));
  }

  /**
   * @param heartbeat how long a stream may stay silent before a comment is sent to keep it open
   */
  public IncidentHub(Duration heartbeat) {
    if (!heartbeat.isPositive()) {
      throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
    }
    this.heartbeat = heartbeat;
  }

  /** Hands {@code event} to every subscriber without waiting. */
  public void publish(IncidentEvent event) {
    for (Subscriber s : subscribers) {
      if (!s.queue.offer(event)) {
        s.end();
      }
    }
  }

  /** How many clients are subscribed now. */
  public int subscribers() {
    return subscribers.size();
  }

  /** A new subscriber; one that arrives after {@link #close} is ended at once. */
  Subscriber subscribe() {
    Subscriber s = new Subscriber();
    subscribers.add(s);
    if (closed) {
      s.end();
    }
    return s;
  }

  Duration heartbeat() {
    return heartbeat;
  }

  /** Ends every stream. */
  @Override
  public void close() {
    closed = true;
    for (Subscriber s : subscribers) {
      s.end();
    }
  }

  /** One client's queue. */
  final class Subscriber {
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);

    private volatile boolean ended;

    /** The next event, or null after a heartbeat interval without one or once {@link #ended()}. */
    IncidentEvent next() throws InterruptedException {
      Object o = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      if (o == END) {
        ended = true;
        return null;
      }
      return (IncidentEvent) o;
    }

    /** Whether the stream must end: dropped for being slow, or the hub closed. */
    boolean ended() {
      return ended;
    }

    /** Ends this stream and forgets the subscriber. */
    void end() {
      subscribers.remove(this);
      queue.clear();
      queue.offer(END);
    }
  }
}
