package dev.exitbrain.examples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The sweep as a PNG: each level and the liquidation distance, in % of price, against leverage. */
final class SweepChart {
  private SweepChart() {}

  static void write(List<SweepCommand.Row> rows, String subject, double guard, Path file) throws IOException {
    List<SweepCommand.Row> ok = new ArrayList<>();
    for (SweepCommand.Row r : rows) {
      if (r.plan() != null) {
        ok.add(r);
      }
    }
    if (ok.isEmpty()) {
      throw new IOException("no leverage of the sweep gave a plan, so there is nothing to chart");
    }
    XYChart chart = new XYChartBuilder().width(1200).height(720)
        .title("ExitBrain levels vs leverage — " + subject)
        .xAxisTitle("leverage (x)").yAxisTitle("distance from entry, % of price (log scale)").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    chart.getStyler().setYAxisDecimalPattern("0.###");
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.getStyler().setAnnotationTextFontColor(new Color(200, 30, 30));
    chart.getStyler().setAnnotationLineColor(new Color(200, 30, 30));

    series(chart, ok, "TP3", r -> r.plan().tp3().fraction(), new Color(0, 100, 0), false);
    series(chart, ok, "TP2", r -> r.plan().tp2().fraction(), new Color(34, 139, 34), false);
    series(chart, ok, "TP1", r -> r.plan().tp1().fraction(), new Color(124, 205, 124), false);
    series(chart, ok, "SL", r -> r.plan().stopLoss().fraction(), new Color(200, 30, 30), false);
    series(chart, ok, "liquidation distance", r -> r.plan().liquidationDistance(), Color.BLACK, false);
    series(chart, ok, "guard limit (" + Text.number(guard * 100) + " % of liq. distance)",
        r -> r.plan().liquidationDistance() * guard, Color.GRAY, true);

    // XChart 3.8 puts a tick on every third data point when all x values are equally spaced, which
    // crowds the axis; one invisible point off the grid makes it choose round ticks (0, 10, 20, ...).
    double x0 = ok.get(0).leverage();
    XYSeries grid = chart.addSeries(" ", new double[] {x0, x0 + 0.37 * Math.max(ok.size() > 1 ? ok.get(1).leverage() - x0 : 1, 1e-6)},
        new double[] {ok.get(0).plan().tp1().fraction() * 100, ok.get(0).plan().tp1().fraction() * 100});
    grid.setShowInLegend(false);
    grid.setMarker(SeriesMarkers.NONE);
    grid.setLineColor(new Color(0, 0, 0, 0));

    Optional<SweepCommand.Row> firstGuarded = ok.stream().filter(r -> r.plan().stopLoss().guarded()).findFirst();
    if (firstGuarded.isPresent()) {
      double x = firstGuarded.get().leverage();
      double span = ok.get(ok.size() - 1).leverage() - ok.get(0).leverage();
      chart.addAnnotation(new AnnotationLine(x, true, false));
      double y = firstGuarded.get().plan().tp3().fraction() * 100 * 1.8;
      String text = "the liquidation guard tightens SL from " + Text.number(x) + "x";
      boolean right = x - ok.get(0).leverage() < span * 0.6;
      chart.addAnnotation(new AnnotationText(right ? "← " + text : text + " →",
          x + (right ? 1 : -1) * span * 0.16, y, false));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }

  private static void series(XYChart chart, List<SweepCommand.Row> rows, String name,
      ToDoubleFunction<SweepCommand.Row> fraction, Color color, boolean dashed) {
    double[] x = new double[rows.size()];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = rows.get(i).leverage();
      y[i] = fraction.applyAsDouble(rows.get(i)) * 100;
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(dashed
        ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
        : new BasicStroke(2.5f));
  }
}
