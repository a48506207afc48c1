package dev.exitbrain.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Runs the CLI in this JVM, as {@code exitbrain ARGS} would, and captures what it prints. */
final class Cli {
  /** The sample file: valid lines and one invalid line (line 4, leverage 0). */
  static final Path SAMPLE = Path.of("src/test/resources/sample-intents.jsonl");

  record Result(int code, String out, String err) {
    List<String> lines() {
      return Arrays.stream(out.split("\n")).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  static Result withStdin(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static Result run(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ExitBrainCli.commandLine(stdin);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
  }
}
