package dev.exitbrain.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;

/** Opens Redis connections from a URI, and prints URIs without their password. */
public final class RedisConnections {
  /** Socket read timeout; every BLOCK the consumer uses stays well under it (at most 10 s). */
  public static final int SOCKET_TIMEOUT_MILLIS = 30_000;

  private RedisConnections() {}

  /**
   * A pooled client for {@code redis://[user[:password]@]host[:port][/db]} or {@code rediss://}
   * (TLS). The caller closes it.
   *
   * @throws IllegalArgumentException naming what is wrong; the message never holds the password
   */
  public static RedisClient open(String uri) {
    URI u;
    try {
      u = new URI(uri.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("redis URI: not a valid URI: " + redact(uri));
    }
    String scheme = u.getScheme();
    if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("redis URI: scheme must be redis:// or rediss://, was " + redact(uri));
    }
    String host = u.getHost();
    int port = u.getPort();
    if (host == null && u.getRawAuthority() != null) {
      // java.net.URI leaves the host null for names with '_' (e.g. Docker's quantum_redis): read it by hand.
      String authority = u.getRawAuthority();
      String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      try {
        port = colon < 0 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("redis URI: the port must be a number, was " + redact(uri));
      }
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("redis URI: a host is required, was " + redact(uri));
    }
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(5_000)
        .socketTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
        .blockingSocketTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
        .clientName("exitbrain");
    if ("rediss".equalsIgnoreCase(scheme)) {
      config.sslOptions(SslOptions.builder().build());
    }
    String userInfo = u.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
      String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
      if (user != null && !user.isEmpty()) {
        config.user(user);
      }
      config.password(password);
    }
    String path = u.getPath();
    if (path != null && path.length() > 1) {
      try {
        config.database(Integer.parseInt(path.substring(1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("redis URI: the path must be a database number, was " + redact(uri));
      }
    }
    return RedisClient.builder().hostAndPort(new HostAndPort(host, port < 0 ? 6379 : port)).clientConfig(config.build()).build();
  }

  /** The URI with any password replaced by {@code ****}, safe for logs and messages. */
  public static String redact(String uri) {
    if (uri == null) {
      return "null";
    }
    int scheme = uri.indexOf("://");
    int at = uri.lastIndexOf('@');
    if (at < 0) {
      return uri;
    }
    if (scheme < 0 || at < scheme) {
      // No scheme: whatever precedes the '@' may be a password.
      return "****" + uri.substring(at);
    }
    String userInfo = uri.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? "" : userInfo.substring(0, colon);
    return uri.substring(0, scheme + 3) + (user.isEmpty() ? "" : user + ":") + "****" + uri.substring(at);
  }

  private static String decode(String s) {
    // Percent-decoding only: in a URI's user info '+' is a plus, not a blank as in a form.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
