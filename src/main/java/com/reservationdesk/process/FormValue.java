package com.reservationdesk.process;

import com.reservationdesk.common.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A value that crosses the model, the code and the forms, as an enum constant: an action a form sends (its
 * value is the constant in lowerCamelCase: {@code ADD_AND_REVIEW} is {@code addAndReview}) or a decision a
 * gateway reads (its value is the constant's name).
 */
public interface FormValue {

  /** As the form's option, or the gateway's condition, writes it. */
  String value();

  /** A form's option: the constant's name in lowerCamelCase. */
  interface Action extends FormValue {
    @Override
    default String value() {
      String[] words = ((Enum<?>) this).name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder value = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) {
        value.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return value.toString();
    }
  }

  /** A gateway's outcome: the constant's name. */
  interface Decision extends FormValue {
    @Override
    default String value() {
      return ((Enum<?>) this).name();
    }
  }

  /** The constant a form sent; anything else is refused with the sentence. */
  static <E extends Enum<E> & FormValue> E read(Class<E> type, Object sent, String sentence) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> sent != null && e.value().equals(sent.toString())).findFirst()
        .orElseThrow(() -> new InvalidInputException(sentence));
  }
}
