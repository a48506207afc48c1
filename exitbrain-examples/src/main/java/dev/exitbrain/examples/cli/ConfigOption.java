package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitBrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --config FILE}: the engine configuration, read with {@link ExitBrainConfig#fromJson(Path)}. */
final class ConfigOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Engine configuration as JSON (docs/configuration.md). Default: the seed's values.")
  Path file;

  /** The engine; a bad file is a usage error. */
  ExitBrain brain() {
    if (file == null) {
      return ExitBrain.create();
    }
    try {
      return ExitBrain.create(ExitBrainConfig.fromJson(file));
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--config: cannot read " + file + " (" + e + ")");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--config " + file + ": " + e.getMessage());
    }
  }
}
