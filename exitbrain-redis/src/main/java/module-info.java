/**
 * ExitBrain's Redis Streams adapter: consumes trade intents through a consumer group and publishes
 * exit plans, skips and dead letters, each input entry exactly once.
 */
module dev.exitbrain.redis {
  requires transitive dev.exitbrain.core;
  requires transitive redis.clients.jedis;
  requires transitive com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.exitbrain.redis;
}
