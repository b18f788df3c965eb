package io.bridgeway.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body over the limit gets 413 with words, on pages and on the API, before a byte of it is read. */
@QuarkusTest
class TooLargeRequestsTest {

    private static final long TWENTY_ONE_MB = 21L * 1024 * 1024;
    private static final long TWO_MB = 2L * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOversizedFormGetsAPageThatSaysSo() throws Exception {
        String answer = send("/profile/do-not-pair", "application/x-www-form-urlencoded", TWO_MB);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("text/html"), answer);
        assertTrue(answer.contains("at most 1 MB can be sent"), answer);
        assertTrue(answer.contains("Content-Security-Policy"), "the usual headers: " + answer);
    }

    @Test
    void anAnonymousSignInCannotSendMegabytes() throws Exception {
        String answer = send("/login", "application/x-www-form-urlencoded", TWO_MB);
        assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("at most 1 MB can be sent"), answer);
        answer = send("/api/v1/me", "application/json", TWO_MB);
        assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("at most 1 MB can be sent"), answer);
    }

    @Test
    void theHrImportAndTheSolveApiMaySendUpToTwentyMegabytes() throws Exception {
        String answer = send("/api/v1/solve/circles", "application/json", TWENTY_ONE_MB);
        assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("at most 20 MB can be sent"), answer);
        answer = send("/admin/people/import", "application/x-www-form-urlencoded", TWENTY_ONE_MB);
        assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("at most 20 MB can be sent"), answer);
    }

    @Test
    void anOversizedApiCallGetsJson() throws Exception {
        String answer = send("/api/v1/people/import?dryRun=true", "text/csv", TWENTY_ONE_MB);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("{\"error\":\"The request is too large: at most 20 MB can be sent.\",\"status\":413}"),
                answer);
    }

    @Test
    void aBodyWithoutADeclaredLengthIsRefusedWhereOnlyOneMegabyteIsAllowed() throws Exception {
        String answer = sendChunked("/login", "application/x-www-form-urlencoded");
        assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
        assertTrue(answer.contains("text/html") && answer.contains("must say its length"), answer);
        answer = sendChunked("/api/v1/me", "application/json");
        assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
        assertTrue(answer.contains("{\"error\":\"The request must say its length (a Content-Length header).\","
                + "\"status\":411}"), answer);
    }

    @Test
    void theLargeBodyPathsStillTakeAChunkedBody() throws Exception {
        // Past the size check to the sign-in check: nobody is signed in
        String answer = sendChunked("/api/v1/solve/circles", "application/json");
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    }

    /** Cleartext HTTP/2 would let a body without any length past the 1 MB check, so the server speaks HTTP/1.1 only. */
    @Test
    void theServerDoesNotSpeakCleartextHttp2() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
            out.flush();
            byte[] answer = socket.getInputStream().readNBytes(9);
            boolean settingsFrame = answer.length == 9 && answer[3] == 4;
            assertTrue(!settingsFrame, "answered with an HTTP/2 SETTINGS frame");
            // the HTTP/1.1 parser answers the preface as a malformed request, in text
            assertTrue(new String(answer, StandardCharsets.US_ASCII).startsWith("HTTP/") || answer.length == 0,
                    "a text answer or a closed connection: " + new String(answer, StandardCharsets.US_ASCII));
        }
    }

    /** The status line, headers and the body of its declared length (the connection may stay open). */
    private static String readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head + new String(body, StandardCharsets.UTF_8);
    }

    /** Sends a first chunk of a body with no declared length, as a streaming client would, and waits. */
    private String sendChunked(String path, String contentType) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + "x".repeat(1024) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Declares a body of {@code length} bytes and sends only its first ones, as a client refused early would. */
    private String send(String path, String contentType, long length) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n\r\n" + "x".repeat(1024))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }
}
