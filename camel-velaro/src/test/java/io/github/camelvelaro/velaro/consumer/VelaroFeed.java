package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that answers Velaro's list endpoints from an in-memory data set the way openapi.yaml says:
 * {@code updatedSince} inclusive, {@code status} filter, ordered by (updatedAt, id), 1-based {@code page} of
 * {@code pageSize}, {@code hasMore}, and a {@code Date} header from a settable server time. Tests change the data
 * between (or, through {@link #onRequest}, during) polls, as Velaro's users would. Keys registered with
 * {@link #site(String)} see a data set of their own, as the keys of another Velaro site would; all other keys share
 * the default one.
 */
public final class VelaroFeed implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "velaro-feed";

    /** One list request as the feed saw it, in arrival order. */
    public record ListRequest(String resource, Instant updatedSince, int page, int pageSize, String status) {
    }

    /** {@code updatedJson} is the updatedAt as it goes on the wire: a JSON string or number. */
    private record Row(String id, Instant updatedAt, String status, String updatedJson) {

        Row(String id, Instant updatedAt, String status) {
            this(id, updatedAt, status, "\"" + updatedAt + "\"");
        }
    }

    /** The data set of one Velaro site. */
    public static final class Site {

        private final Map<String, Map<String, Row>> data = new ConcurrentHashMap<>();

        public Site putConversation(String id, String updatedAt) {
            put("conversations", new Row(id, Instant.parse(updatedAt), "open"));
            return this;
        }

        public Site putContact(String id, String updatedAt) {
            put("contacts", new Row(id, Instant.parse(updatedAt), null));
            return this;
        }

        private void put(String resource, Row row) {
            data.computeIfAbsent(resource, r -> new ConcurrentHashMap<>()).put(row.id(), row);
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::updatedAt).thenComparing(Row::id);

    private final Map<String, Site> sites = new ConcurrentHashMap<>();
    private volatile Site defaultSite = new Site();
    private final List<ListRequest> requests = new ArrayList<>();
    private volatile Instant serverTime = Instant.parse("2026-11-27T12:00:00Z");
    private volatile IntConsumer onRequest = n -> {
    };

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void clear() {
        sites.clear();
        defaultSite = new Site();
        synchronized (requests) {
            requests.clear();
        }
        serverTime = Instant.parse("2026-11-27T12:00:00Z");
        onRequest = n -> {
        };
    }

    public void putConversation(String id, String updatedAt) {
        putConversation(id, updatedAt, "open");
    }

    public void putConversation(String id, String updatedAt, String status) {
        defaultSite.put("conversations", new Row(id, Instant.parse(updatedAt), status));
    }

    /** A conversation whose updatedAt goes on the wire as a number of epoch milliseconds. */
    public void putConversationInEpochMillis(String id, String updatedAt) {
        Instant at = Instant.parse(updatedAt);
        defaultSite.put("conversations", new Row(id, at, "open", Long.toString(at.toEpochMilli())));
    }

    public void putContact(String id, String updatedAt) {
        defaultSite.putContact(id, updatedAt);
    }

    /** The data set that requests with this API key see, created empty on first use. */
    public Site site(String apiKey) {
        return sites.computeIfAbsent(apiKey, k -> new Site());
    }

    /** The Date header to send; null sends none. */
    public void setServerTime(Instant time) {
        this.serverTime = time;
    }

    /** Runs with the 1-based number of each list request, before it is answered. */
    public void onRequest(IntConsumer hook) {
        this.onRequest = hook;
    }

    public List<ListRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*$", "");
        String resource = path.substring(path.lastIndexOf('/') + 1);
        Instant since = param(request, "updatedSince") == null ? null : Instant.parse(param(request, "updatedSince"));
        int page = Integer.parseInt(orElse(param(request, "page"), "1"));
        int pageSize = Integer.parseInt(orElse(param(request, "pageSize"), "25"));
        String status = param(request, "status");
        int number;
        synchronized (requests) {
            requests.add(new ListRequest(resource, since, page, pageSize, status));
            number = requests.size();
        }
        onRequest.accept(number);

        String authorization = request.getHeader("Authorization");
        Site site = authorization == null ? defaultSite
                : sites.getOrDefault(authorization.replaceFirst("^Bearer ", ""), defaultSite);
        List<Row> matching = site.data.getOrDefault(resource, Map.of()).values().stream()
                .filter(r -> since == null || !r.updatedAt().isBefore(since))
                .filter(r -> status == null || status.equals(r.status()))
                .sorted(ORDER)
                .collect(Collectors.toList());
        int from = Math.min((page - 1) * pageSize, matching.size());
        int to = Math.min(from + pageSize, matching.size());
        String items = matching.subList(from, to).stream().map(r -> json(resource, r)).collect(Collectors.joining(","));
        String body = "{\"data\":[" + items + "],\"page\":" + page + ",\"pageSize\":" + pageSize + ",\"totalCount\":"
                      + matching.size() + ",\"hasMore\":" + (to < matching.size()) + "}";

        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        Instant now = serverTime;
        if (now != null) {
            response.withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        }
        return response.build();
    }

    private static String json(String resource, Row r) {
        if ("contacts".equals(resource)) {
            return "{\"id\":\"" + r.id() + "\",\"name\":\"Jane Doe\",\"email\":\"" + r.id() + "@example.com\","
                   + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":" + r.updatedJson() + "}";
        }
        return "{\"id\":\"" + r.id() + "\",\"status\":\"" + r.status() + "\",\"channel\":\"web\","
               + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":" + r.updatedJson() + "}";
    }

    private static String param(Request request, String name) {
        QueryParameter p = request.queryParameter(name);
        return p != null && p.isPresent() ? p.firstValue() : null;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
