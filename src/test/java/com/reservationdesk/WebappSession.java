package com.reservationdesk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A browser's session with the Camunda webapps, as Tasklist or Cockpit hold it: logged in through the
 * webapps' login, its cookies and CSRF token sent with every call of the webapps' API ({@code /camunda/api}).
 */
public final class WebappSession {

  private final TestRestTemplate rest;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpStatus loginStatus;

  private WebappSession(TestRestTemplate rest, String user, String password, String app) {
    this.rest = rest;
    keep(rest.getForEntity("/camunda/app/" + app + "/", String.class).getHeaders());
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class);
    keep(login.getHeaders());
    loginStatus = HttpStatus.valueOf(login.getStatusCode().value());
    // The login starts a new session; its CSRF token comes with the next read, as the webapp's next page load does.
    call(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null);
  }

  /** Logs in to a webapp as its login page does: CSRF token from the page, then the form. */
  public static WebappSession login(TestRestTemplate rest, String user, String password, String app) {
    return new WebappSession(rest, user, password, app);
  }

  public HttpStatus loginStatus() {
    return loginStatus;
  }

  /** A call of the webapps' API with this session, a JSON body or none. */
  public ResponseEntity<String> call(HttpMethod method, String path, String json) {
    HttpHeaders headers = headers();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    ResponseEntity<String> answer = rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    keep(answer.getHeaders());
    return answer;
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    String token = cookies.get("XSRF-TOKEN");
    if (token != null) {
      headers.add("X-XSRF-TOKEN", token);
    }
    List<String> pairs = new ArrayList<>();
    cookies.forEach((name, value) -> pairs.add(name + "=" + value));
    if (!pairs.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
    }
    return headers;
  }

  private void keep(HttpHeaders headers) {
    for (String cookie : headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
      String pair = cookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
  }
}
