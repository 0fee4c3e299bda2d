package com.reservationdesk.recommendation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The picture of a recommendation: the usage it was computed from over the look-back (the mean of each few hours as
 * an area, the peak as a line) against the level it recommends buying (a dashed line), drawn as SVG on the server so
 * the agent sees it in Tasklist's form and on the recommendations page without any script.
 */
public final class UsageChart {

  static final int WIDTH = 760;
  static final int PANEL_HEIGHT = 150;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 36;
  private static final int BOTTOM = 22;
  /** Points per line at most: enough for a picture, small enough to travel as a form variable. */
  private static final int MAX_POINTS = 120;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private UsageChart() {}

  /** One recommendation's picture, as an SVG document. */
  public static String svg(Recommendation recommendation) {
    StringBuilder svg = open(PANEL_HEIGHT, recommendation.title());
    panel(svg, recommendation, 0);
    return svg.append("</svg>").toString();
  }

  /** Several recommendations' pictures one under the other, as an SVG document. */
  public static String svg(List<Recommendation> recommendations) {
    StringBuilder svg = open(PANEL_HEIGHT * recommendations.size(), "Usage against the recommended level");
    for (int i = 0; i < recommendations.size(); i++) {
      panel(svg, recommendations.get(i), i * PANEL_HEIGHT);
    }
    return svg.append("</svg>").toString();
  }

  /** The same as a {@code data:} address, which a Camunda Forms image field shows. */
  public static String dataUri(String svg) {
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  private static StringBuilder open(int height, String title) {
    return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"Arial, sans-serif\" font-size=\"11\" role=\"img\"><title>").append(escape(title)).append("</title>");
  }

  private static void panel(StringBuilder svg, Recommendation recommendation, int offsetY) {
    UsageSeries series = recommendation.chart();
    double[] mean = downsample(series.mean(), false);
    double[] peak = downsample(series.peak(), true);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = PANEL_HEIGHT - TOP - BOTTOM;
    double top = niceCeiling(series.max() * 1.1);
    int baseY = offsetY + TOP + plotHeight;
    svg.append("<g class=\"panel\">");
    svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(offsetY + 13).append("\" font-weight=\"bold\">")
        .append(escape(recommendation.id() + "  " + recommendation.title())).append("</text>");
    // Axes and the y scale: 0, half, top.
    for (double tick : new double[] {0, top / 2, top}) {
      int y = baseY - (int) Math.round(tick / top * plotHeight);
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y).append("\" y2=\"")
          .append(y).append("\" stroke=\"#e3e3e3\"/>");
      svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" fill=\"#555\">")
          .append(number(tick)).append("</text>");
    }
    // Days along the bottom: about six labels whatever the look-back.
    double hours = (double) series.mean().length * series.bucketHours();
    int days = (int) Math.round(hours / 24);
    int step = Math.max(1, (int) Math.ceil(days / 6.0));
    for (int day = 0; day <= days; day += step) {
      int x = LEFT + (int) Math.round(day * 24 / hours * plotWidth);
      Instant at = series.from().plusSeconds(day * 86_400L);
      String anchor = x > WIDTH - RIGHT - 24 ? "end" : x < LEFT + 24 ? "start" : "middle";
      svg.append("<text x=\"").append(x).append("\" y=\"").append(baseY + 15).append("\" text-anchor=\"").append(anchor)
          .append("\" fill=\"#555\">")
          .append(DAY.format(at)).append("</text>");
    }
    // Mean usage as an area, peak usage as a line.
    svg.append("<path fill=\"#9cc3e6\" fill-opacity=\"0.75\" stroke=\"#2f6fb0\" stroke-width=\"1\" d=\"M").append(LEFT).append(',')
        .append(baseY);
    for (int i = 0; i < mean.length; i++) {
      svg.append(" L").append(x(i, mean.length, plotWidth)).append(',').append(y(mean[i], top, plotHeight, baseY));
    }
    svg.append(" L").append(LEFT + plotWidth).append(',').append(baseY).append(" Z\"/>");
    svg.append("<polyline fill=\"none\" stroke=\"#2f6fb0\" stroke-width=\"0.8\" stroke-opacity=\"0.6\" points=\"");
    for (int i = 0; i < peak.length; i++) {
      svg.append(i == 0 ? "" : " ").append(x(i, peak.length, plotWidth)).append(',').append(y(peak[i], top, plotHeight, baseY));
    }
    svg.append("\"/>");
    // The recommended level.
    int levelY = y(series.level(), top, plotHeight, baseY);
    svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"").append(levelY)
        .append("\" y2=\"").append(levelY).append("\" stroke=\"#d9480f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
    svg.append("<text x=\"").append(LEFT + plotWidth - 4).append("\" y=\"").append(levelY - 5)
        .append("\" text-anchor=\"end\" fill=\"#d9480f\" font-weight=\"bold\">")
        .append(escape((recommendation.isSavingsPlan() ? "Commitment " : "Recommended ") + number(series.level()) + " "
            + series.unit()))
        .append("</text>");
    svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(offsetY + 27).append("\" fill=\"#555\">")
        .append(escape(series.unit() + ": mean (area) and peak (line) of every " + series.bucketHours() * Math.max(1, series.mean().length
            / MAX_POINTS + (series.mean().length % MAX_POINTS == 0 ? 0 : 1)) + " hours")).append("</text>");
    svg.append("</g>");
  }

  /** At most {@link #MAX_POINTS} values: the mean (or the peak) of neighbouring buckets. */
  static double[] downsample(double[] values, boolean peak) {
    if (values.length <= MAX_POINTS) {
      return values;
    }
    int per = (values.length + MAX_POINTS - 1) / MAX_POINTS;
    double[] result = new double[(values.length + per - 1) / per];
    for (int i = 0; i < result.length; i++) {
      double sum = 0;
      double max = 0;
      int count = 0;
      for (int j = i * per; j < Math.min(values.length, (i + 1) * per); j++) {
        sum += values[j];
        max = Math.max(max, values[j]);
        count++;
      }
      result[i] = peak ? max : sum / count;
    }
    return result;
  }

  private static int x(int index, int count, int plotWidth) {
    return LEFT + (int) Math.round(count == 1 ? 0 : (double) index / (count - 1) * plotWidth);
  }

  private static int y(double value, double top, int plotHeight, int baseY) {
    return baseY - (int) Math.round(Math.min(value, top) / top * plotHeight);
  }

  /** A round number at or above the value, for the top of the scale. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ENGLISH, "%,.0f", value) : String.format(Locale.ENGLISH, "%,.2f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
