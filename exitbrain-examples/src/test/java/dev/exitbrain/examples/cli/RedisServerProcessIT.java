package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exitbrain.examples.Jar;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The Redis the demo starts is stopped on close and, when the JVM is interrupted (Ctrl-C), by the hook. */
class RedisServerProcessIT {

  /** Started in a JVM of its own by the test below: starts the bundled Redis, prints its port, waits. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      RedisServerProcess redis = RedisServerProcess.start(false);
      System.out.println("port " + redis.port());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  @Test
  void closeStopsTheServer() throws Exception {
    RedisServerProcess redis = RedisServerProcess.start(true);
    int port = redis.port();
    assertThat(listening(port)).isTrue();

    redis.close();

    assertThat(listening(port)).isFalse();
  }

  @Test
  void ctrlCStopsTheBundledServer() throws Exception {
    Jar holder = Jar.startWithTestClasses(Holder.class.getName());
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (holder.out().count() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(holder.out().first()).as("stderr: %s", holder.err()).startsWith("port ");
    int port = Integer.parseInt(holder.out().first().substring(5));
    assertThat(listening(port)).isTrue();

    holder.sigint();
    int code = holder.await(30);

    assertThat(code).isEqualTo(130);
    assertThat(listening(port)).isFalse();
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
