package io.github.camelvelaro.velaro.producer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

import io.github.camelvelaro.velaro.VelaroAccountOptions;
import io.github.camelvelaro.velaro.VelaroConfiguration;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.VelaroMessages;
import io.github.camelvelaro.velaro.VelaroOperation;
import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.client.VelaroResponse;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.apache.camel.Message;

/**
 * Conversations and contacts: create, get, list, update. A call that may go at once is sent on the caller's thread,
 * which waits for Velaro's answer; one that must wait for a rate limit or a retry delay completes the exchange
 * asynchronously, holding no Camel thread while it waits.
 */
public class VelaroProducer extends AbstractVelaroProducer {

    private final VelaroResource resource;
    private final VelaroConfiguration configuration;
    private final VelaroAccountOptions account;
    private final VelaroOperation defaultOperation;

    public VelaroProducer(VelaroEndpoint endpoint) {
        super(endpoint);
        this.resource = endpoint.getKind();
        this.configuration = endpoint.getConfiguration();
        this.account = endpoint.getAccount();
        this.defaultOperation = configuration.getOperation();
    }

    /** Start-up checks; nothing is sent before they pass. Returns the scope the configured operation needs. */
    public static VelaroScope validate(VelaroResource resource, VelaroConfiguration configuration,
                                       VelaroAccountOptions account) {
        configuration.checkFor(resource, account);
        VelaroOperation operation = operation(resource, configuration.getOperation(), "Option operation");
        account.baseUri();
        VelaroScope needed = resource.requiredScope(operation);
        account.checkScope(needed, "velaro:" + resource + " operation " + operation);
        return needed;
    }

    @Override
    protected void onResponse(Message out, VelaroResponse<?> response) {
        VelaroMessages.setModel(out, response.body());
        VelaroMessages.setRateLimit(out, response.rateLimit());
    }

    @Override
    protected CompletableFuture<? extends VelaroResponse<?>> call(VelaroApi api, Message in) {
        VelaroOperation operation = defaultOperation;
        Object override = in.getHeader(VelaroConstants.OPERATION);
        if (override != null) {
            try {
                operation = operation(resource, operation(override), "Header " + VelaroConstants.OPERATION);
                account.checkScope(resource.requiredScope(operation),
                        "velaro:" + resource + " operation " + operation);
            } catch (IllegalArgumentException e) {
                throw new VelaroValidationException(e.getMessage());
            }
        }
        return switch (resource) {
            case CONVERSATIONS -> switch (operation) {
                case CREATE -> api.createConversation(InputValidator.conversation(body(in, CreateConversation.class)));
                case GET -> api.getConversation(id(in, VelaroConstants.CONVERSATION_ID, "get"));
                case LIST -> api.listConversations(listQuery(in));
                default -> throw unsupported(operation);
            };
            case CONTACTS -> switch (operation) {
                case CREATE -> api.createContact(InputValidator.contactForCreate(body(in, ContactInput.class)));
                case UPDATE -> {
                    String id = id(in, VelaroConstants.CONTACT_ID, "update");
                    yield api.updateContact(id, InputValidator.contactForUpdate(body(in, ContactInput.class)));
                }
                case GET -> api.getContact(id(in, VelaroConstants.CONTACT_ID, "get"));
                case LIST -> api.listContacts(listQuery(in));
            };
            default -> throw unsupported(operation);
        };
    }

    private ListQuery listQuery(Message in) {
        Integer page = in.getHeader(VelaroConstants.PAGE, Integer.class);
        int p = page != null ? page : configuration.getPage();
        if (p < 1) {
            throw new VelaroValidationException("Header " + VelaroConstants.PAGE + " must be 1 or more, was " + p);
        }
        ListQuery query = ListQuery.page(p, configuration.getPageSize()).withUpdatedSince(updatedSince(in));
        if (resource == VelaroResource.CONVERSATIONS) {
            return query.withStatus(configuration.getStatus() == null ? null : configuration.getStatus().wireValue());
        }
        String email = in.getHeader(VelaroConstants.CONTACT_EMAIL, String.class);
        return query.withEmail(blankToNull(email != null ? email : configuration.getEmail()));
    }

    private static Instant updatedSince(Message in) {
        Object value = in.getHeader(VelaroConstants.UPDATED_SINCE);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        try {
            return Instant.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new VelaroValidationException("Header " + VelaroConstants.UPDATED_SINCE
                                                + " is not an ISO-8601 instant: '" + value + "'");
        }
    }

    private static <T> T body(Message in, Class<T> type) {
        try {
            return VelaroJson.readInput(in.getBody(), type);
        } catch (IllegalArgumentException e) {
            throw new VelaroValidationException(e.getMessage(), e);
        }
    }

    private String id(Message in, String header, String operation) {
        String id = in.getHeader(header, String.class);
        if (id == null || id.isBlank()) {
            throw new VelaroValidationException("velaro:" + resource + " operation " + operation + " needs the id in header "
                                                + header);
        }
        return id.trim();
    }

    private VelaroValidationException unsupported(VelaroOperation operation) {
        return new VelaroValidationException("velaro:" + resource + " does not support operation " + operation
                                             + "; use one of " + resource.operationNames());
    }

    /** The operation a header names, by Camel's enum conversion (case-insensitive). */
    private VelaroOperation operation(Object header) {
        try {
            return getEndpoint().getCamelContext().getTypeConverter().mandatoryConvertTo(VelaroOperation.class, header);
        } catch (org.apache.camel.NoTypeConversionAvailableException | org.apache.camel.TypeConversionException e) {
            throw new IllegalArgumentException("Header " + VelaroConstants.OPERATION + "=" + header
                                               + " is not supported by velaro:" + resource + "; use one of "
                                               + resource.operationNames());
        }
    }

    /** Checks that a resource supports an operation, naming where it came from when it does not. */
    static VelaroOperation operation(VelaroResource resource, VelaroOperation operation, String source) {
        if (operation == null || !resource.operations().contains(operation)) {
            throw new IllegalArgumentException(source + "=" + operation + " is not supported by velaro:" + resource
                                               + "; use one of " + resource.operationNames());
        }
        return operation;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
