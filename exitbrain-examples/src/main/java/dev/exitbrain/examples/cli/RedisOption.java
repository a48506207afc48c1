package dev.exitbrain.examples.cli;

import dev.exitbrain.redis.RedisConnections;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import redis.clients.jedis.RedisClient;

/** Opens a {@code --redis} URI and checks it answers: a malformed URI is a usage error, an unreachable server is not. */
final class RedisOption {
  private RedisOption() {}

  static RedisClient connect(CommandSpec spec, String uri) {
    RedisClient client;
    try {
      client = RedisConnections.open(uri);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--redis: " + e.getMessage());
    }
    try {
      client.ping();
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw new IllegalStateException("cannot reach Redis at " + RedisConnections.redact(uri) + ": " + e.getMessage(), e);
    }
  }
}
