package com.reservationdesk.partnercenter.embedded;

/**
 * How a demo fleet runs over time. Weekdays, daytime and turns are read from the hour itself (UTC), so an hour
 * shows the same usage whenever it is asked for; a trend is placed on the 60 days that end now, so the demo
 * never goes stale. Public for the embedded usage and reservation adapters, which both read the demo fleets.
 */
public enum UsagePattern {

  /** The same instances around the clock. */
  STEADY,

  /** A base around the clock and, on weekdays from 07:00 to 17:00 UTC (08:00 to 18:00 in Central Europe), the peak. */
  WEEKDAY_PEAKS,

  /** From {@code instances} 60 days ago to {@code peakInstances} now, in whole instances: growing or shrinking. */
  TREND,

  /**
   * The fleet runs only in its turn: three fleets (slots 0, 1, 2) take turns of {@value #TURN_DAYS} days, so each runs
   * a third of the time while their total stays the same: the case for a savings plan rather than a reservation.
   */
  ROTATING;

  static final int TURN_DAYS = 4;
  static final int SLOTS = 3;
  static final int PEAK_FROM_HOUR = 7;
  static final int PEAK_UNTIL_HOUR = 17;

  /** Whether the hour (hours since the epoch) is a weekday daytime hour, UTC. */
  static boolean weekdayDaytime(long epochHour) {
    long day = Math.floorDiv(epochHour, 24);
    int hourOfDay = (int) Math.floorMod(epochHour, 24);
    int dayOfWeek = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
    return dayOfWeek < 5 && hourOfDay >= PEAK_FROM_HOUR && hourOfDay < PEAK_UNTIL_HOUR;
  }

  /** Whose turn the hour is: slot 0, 1 or 2. */
  static int turn(long epochHour) {
    return (int) Math.floorMod(Math.floorDiv(Math.floorDiv(epochHour, 24), TURN_DAYS), SLOTS);
  }
}
