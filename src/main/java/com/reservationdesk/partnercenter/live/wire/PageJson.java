package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A collection answer: its {@code items}, and {@code links.next} when more pages follow, whose request carries the
 * {@code MS-ContinuationToken} header. Some answers ({@code checkinventory}) are a bare array: read as a page without
 * links.
 */
public record PageJson<T>(Integer totalCount, List<T> items, Links links, AttributesJson attributes) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public PageJson(List<T> items) {
    this(null, items, null, null);
  }

  /** One page of a collection; {@code next} is null on the last page. */
  public static <T> PageJson<T> of(int totalCount, List<T> items, Next next) {
    return new PageJson<>(totalCount, items, new Links(next), AttributesJson.COLLECTION);
  }

  /** A whole collection in one page. */
  public static <T> PageJson<T> of(List<T> items) {
    return of(items.size(), items, null);
  }

  public record Links(@JsonInclude(JsonInclude.Include.NON_NULL) Next next) {}

  /** The next page's request: {@code uri} absolute or relative to the API, and its headers. */
  public record Next(String uri, String method, List<KeyValueJson> headers) {}

  /** The next page's request, or null on the last page. */
  public Next next() {
    return links == null || links.next() == null || links.next().uri() == null || links.next().uri().isEmpty() ? null : links.next();
  }
}
