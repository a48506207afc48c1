package dev.exitbrain.examples.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code exitbrain} command line. Exit codes: 0 success, 1 a failed intent or a runtime error,
 * 2 a usage error.
 */
@Command(
    name = "exitbrain",
    mixinStandardHelpOptions = true,
    versionProvider = ExitBrainCli.Version.class,
    description = "Adaptive exit levels (TP1/TP2/TP3, stop-loss, harvest) for leveraged trades.",
    subcommands = {
      ComputeCommand.class,
      ExplainCommand.class,
      SweepCommand.class,
      RunCommand.class,
      InjectCommand.class,
      DemoCommand.class,
      HelpCommand.class
    },
    footer = {"", "Run 'exitbrain COMMAND --help' for a command's options."})
public final class ExitBrainCli implements Runnable {
  private final InputStream stdin;

  @Spec CommandSpec spec;

  ExitBrainCli(InputStream stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // Buffered: `compute` writes one line per intent and must keep up with a million of them.
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = commandLine(System.in).setOut(out).setErr(err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The command line, reading {@code -} inputs from {@code stdin}; tests set its out and err writers. */
  public static CommandLine commandLine(InputStream stdin) {
    CommandLine cl = new CommandLine(new ExitBrainCli(stdin));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new Errors());
    // A usage error under a command prints the error and where to look, not 45 lines of help;
    // without a command the full usage lists the commands.
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      PrintWriter err = c.getErr();
      err.println(ex.getMessage());
      if (c.getParent() == null) {
        c.usage(err);
      } else {
        err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for its options.");
      }
      return c.getCommandSpec().exitCodeOnInvalidInput();
    });
    return cl;
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  /** Expected failures (Redis unreachable, an unreadable file) as one line, not a stack trace. */
  static final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
      String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
      cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + message);
      if (System.getenv("EXITBRAIN_DEBUG") != null) {
        ex.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return 1;
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ExitBrainCli.class.getPackage().getImplementationVersion();
      return new String[] {"exitbrain " + (v == null ? "(development build)" : v),
          "Java " + System.getProperty("java.version")};
    }
  }
}
