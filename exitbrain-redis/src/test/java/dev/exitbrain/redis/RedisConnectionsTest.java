package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/**
 * Unit tests of {@link RedisConnections}: passwords never show, bad URIs are refused by name. Building a
 * pooled client opens no connection, so nothing here needs a server.
 */
class RedisConnectionsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://user:secret@host:6379/2 | redis://user:****@host:6379/2",
      "rediss://user:secret@host:6380 | rediss://user:****@host:6380",
      "redis://:secret@host:6379 | redis://****@host:6379",
      "redis://secret@host | redis://****@host",
      "redis://user:p@ss:w0rd@host:6379/0 | redis://user:****@host:6379/0",
      "redis://default:s3cr%40t@10.0.0.5:6379 | redis://default:****@10.0.0.5:6379",
      "redis://host:6379/1 | redis://host:6379/1",
      "redis://localhost | redis://localhost"})
  void redactHidesThePassword(String uri, String expected) {
    assertThat(RedisConnections.redact(uri)).isEqualTo(expected);
  }

  @Test
  void redactNeverShowsTheSecretAndKeepsTheRest() {
    String r = RedisConnections.redact("redis://user:secret@host:6379/2");

    assertThat(r).doesNotContain("secret").contains("user").contains("host:6379/2");
    assertThat(RedisConnections.redact(null)).isEqualTo("null");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://user:secret@host:6379",
      "tcp://user:secret@host:6379",
      "user:secret@host:6379",
      "redis://user:sec ret@host:6379",
      "redis://user:secret@host:6379/notanumber",
      "redis://user:secret@:6379/0",
      "redis:///0",
      "redis://user:secret@host:port"})
  void badUrisAreRefusedWithoutThePassword(String uri) {
    assertThatThrownBy(() -> RedisConnections.open(uri).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("redis URI:")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("sec ret");
  }

  @Test
  void aBadSchemeIsNamed() {
    assertThatThrownBy(() -> RedisConnections.open("http://user:secret@host:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme")
        .hasMessageContaining("user:****@host:6379")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aBadDatabaseIsNamed() {
    assertThatThrownBy(() -> RedisConnections.open("redis://user:secret@host:6379/abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database")
        .hasMessageNotContaining("secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis://localhost:1", "redis://user:secret@localhost:1/3", "redis://:secret@127.0.0.1:1",
      "REDIS://localhost:1", " redis://localhost:1 ", "rediss://localhost:1/0"})
  void validUrisGiveAClientWithoutConnecting(String uri) {
    try (RedisClient c = RedisConnections.open(uri)) {
      assertThat(c).isNotNull();
    }
  }

  @Test
  void aDockerStyleHostNameWithAnUnderscoreIsAccepted() {
    // The seed's services reach Redis as quantum_redis (REDIS_HOST, v35-reference.md §3.3).
    try (RedisClient c = RedisConnections.open("redis://quantum_redis:6379")) {
      assertThat(c).isNotNull();
    }
  }
}
