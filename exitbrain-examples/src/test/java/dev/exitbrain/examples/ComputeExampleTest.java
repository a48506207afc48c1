package dev.exitbrain.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComputeExampleTest {

  @Test
  void printsThePlanOfTheWorkedExample() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      ComputeExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo("TP1 65562.2  TP2 65866.1  TP3 66213.0  SL 64360.1");
  }
}
