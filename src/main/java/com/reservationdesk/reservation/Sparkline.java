package com.reservationdesk.reservation;

import java.util.List;
import java.util.Locale;

/** A reservation's daily utilization of the last 30 days as a small inline SVG: 0 to 100 %, an 80 % guide line. */
final class Sparkline {

  private static final int WIDTH = 120;
  private static final int HEIGHT = 28;

  private Sparkline() {}

  static String svg(List<Double> days) {
    StringBuilder svg = new StringBuilder(256).append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\"><title>Daily utilization, last ").append(days.size()).append(" days</title>")
        .append("<line x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(y(80)).append("\" y2=\"").append(y(80))
        .append("\" stroke=\"#d9480f\" stroke-dasharray=\"3 2\" stroke-width=\"0.8\"/>");
    if (!days.isEmpty()) {
      svg.append("<polyline fill=\"none\" stroke=\"#2f6fb0\" stroke-width=\"1.5\" points=\"");
      for (int i = 0; i < days.size(); i++) {
        double x = days.size() == 1 ? WIDTH / 2.0 : (double) i / (days.size() - 1) * (WIDTH - 2) + 1;
        svg.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y(days.get(i))));
      }
      svg.append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  private static double y(double percent) {
    return HEIGHT - 2 - Math.max(0, Math.min(100, percent)) / 100 * (HEIGHT - 4);
  }
}
