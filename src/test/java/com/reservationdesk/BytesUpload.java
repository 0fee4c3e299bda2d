package com.reservationdesk;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A Bytes variable uploaded as Camunda's REST API takes it: multipart, to a {@code …/variables/{name}/data} route. */
public final class BytesUpload {

  private BytesUpload() {}

  public static ResponseEntity<String> post(TestRestTemplate rest, String user, String path, byte[] data) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("data", new ByteArrayResource(data) {
      @Override
      public String getFilename() {
        return "value.bin";
      }
    });
    parts.add("valueType", "Bytes");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(parts, headers), String.class);
  }
}
