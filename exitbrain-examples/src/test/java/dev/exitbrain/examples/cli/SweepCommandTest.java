package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

  @Test
  void csvHasAHeaderAndOneRowPerLeverageFrom1To125() {
    Cli.Result r = Cli.run("sweep", "--csv", "--vf", "1.2");

    assertThat(r.code()).isZero();
    List<String> lines = r.lines();
    assertThat(lines).hasSize(126);
    assertThat(lines.get(0)).isEqualTo("leverage,lsf,tp1,tp2,tp3,sl,tp1_roi,sl_roi,liquidation_distance,sl_guarded,error");
    assertThat(lines.get(1)).startsWith("1,0.5906161091496412,");
    assertThat(lines.get(15)).startsWith("15,0.2650699754534338,0.008650699754534337,")
        .contains(",0.00984525292175097,").endsWith(",false,");
    assertThat(lines.get(125)).startsWith("125,").endsWith(",true,");
    assertThat(lines.stream().skip(1).map(l -> l.split(",", -1).length).distinct()).containsExactly(11);
  }

  @Test
  void rangeStepAndPriceColumns() {
    Cli.Result r = Cli.run("sweep", "--csv", "--from", "10", "--to", "50", "--step", "10", "--entry", "65000",
        "--tick", "0.1", "--vf", "1.2");

    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(6);
    assertThat(r.lines().get(0)).endsWith(",tp1_price,tp2_price,tp3_price,sl_price,liquidation_price,error");
    assertThat(r.lines().get(1)).startsWith("10,");
    assertThat(r.lines().get(5)).startsWith("50,");
  }

  @Test
  void tableMarksGuardedRows() {
    Cli.Result r = Cli.run("sweep", "--vf", "1.2");

    assertThat(r.code()).isZero();
    List<String> lines = r.lines();
    assertThat(lines).hasSize(126);
    assertThat(lines.get(0)).contains("leverage", "LSF", "TP1 %", "SL %", "liq dist %", "guarded");
    assertThat(lines.get(56).trim()).startsWith("56 ").doesNotEndWith("yes");
    assertThat(lines.get(57).trim()).startsWith("57 ").endsWith("yes");
  }

  @Test
  void chartIsARealPng(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("sweep.png");

    Cli.Result r = Cli.run("sweep", "--vf", "1.2", "--csv", "--chart", png.toString());

    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("wrote " + png.toAbsolutePath());
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(720);
  }

  @Test
  void badRangesAreUsageErrors() {
    assertThat(Cli.run("sweep", "--from", "0").code()).isEqualTo(2);
    assertThat(Cli.run("sweep", "--from", "50", "--to", "10").code()).isEqualTo(2);
    assertThat(Cli.run("sweep", "--step", "0").code()).isEqualTo(2);
    assertThat(Cli.run("sweep", "--side", "hold").code()).isEqualTo(2);
  }

  @Test
  void leveragesBeyondTheMaximumAreRowsWithoutAPlan() {
    Cli.Result r = Cli.run("sweep", "--csv", "--from", "120", "--to", "130", "--step", "5");

    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(4);
    assertThat(r.lines().get(3)).startsWith("130,,").contains("\"leverage:");
  }
}
