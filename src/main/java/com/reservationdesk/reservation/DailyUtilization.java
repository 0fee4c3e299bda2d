package com.reservationdesk.reservation;

import java.time.LocalDate;

/**
 * One day of a reservation's use, in the fields of Azure's {@code reservationSummaries} (daily grain;
 * learn.microsoft.com/rest/api/consumption/reservations-summaries/list-by-reservation-order).
 *
 * @param averagePercent {@code avgUtilizationPercentage}: used hours over reserved hours, 0 to 100
 * @param minimumPercent {@code minUtilizationPercentage}: the day's least used hour
 * @param maximumPercent {@code maxUtilizationPercentage}: the day's most used hour
 * @param reservedHours {@code reservedHours}: the quantity times the hours of the day it was active
 * @param usedHours {@code usedHours}: instance hours of the reserved size (or its flexibility group, by ratio) it covered
 */
public record DailyUtilization(LocalDate day, double averagePercent, double minimumPercent, double maximumPercent,
    double reservedHours, double usedHours) {}
