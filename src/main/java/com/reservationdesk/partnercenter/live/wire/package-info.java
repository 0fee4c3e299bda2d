/**
 * The Partner Center REST API's payloads ({@code ../shared/docs/domain-partner-center.md} §2) as Jackson records: what
 * the live adapter sends and reads, and what the test fake of Partner Center reads and answers. One definition of each
 * shape, so the adapter and the fake cannot drift apart; each record converts to and from the domain's types.
 *
 * <p>Records list their fields in the API's order; fields the API leaves out when they do not apply (a cart's
 * participants, a VM's attributes …) are left out when null. Reading ignores the fields the product does not use
 * ({@link PartnerCenterJson#MAPPER}).
 */
package com.reservationdesk.partnercenter.live.wire;
