/**
 * Azure's {@code Microsoft.Capacity} payloads for returns and exchanges (api-version 2022-11-01) as Jackson records: what
 * the live reservation returns adapter sends and reads, and what the tests' fake reservation server reads and answers. One
 * definition of each shape, so the adapter and the fake cannot drift apart. Fields the product does not use (billing
 * information, savings plans in an exchange) are left out; reading ignores them ({@link CapacityJson#MAPPER}).
 */
package com.reservationdesk.reservation.live.wire;
