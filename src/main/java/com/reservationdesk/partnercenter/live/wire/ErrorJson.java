package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.PartnerCenterException;
import java.util.List;

/**
 * The API's error body. The code is sometimes written as a number; {@code data} is not read, so it is kept as whatever
 * JSON it is.
 */
public record ErrorJson(String code, String description, Object data, String source) {

  public static ErrorJson of(PartnerCenterException e) {
    return new ErrorJson(e.code(), e.description(), List.of(), "PartnerFD");
  }
}
