package io.github.camelvelaro.velaro.producer;

import java.util.regex.Pattern;

import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.CreateConversation;

/**
 * Checks input models before anything is sent, against the limits of the wire contract (openapi.yaml), so that a
 * bad message fails with a message naming the field instead of costing a request and a 400.
 */
public final class InputValidator {

    static final int MAX_MESSAGE = 10_000;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_PHONE = 40;
    static final int MAX_COMPANY = 200;

    // deliberately simple: one @, no whitespace, a dot in the domain; Velaro has the final word
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private InputValidator() {
    }

    public static CreateConversation conversation(CreateConversation c) {
        String message = c.getMessage();
        if (message == null || message.isBlank()) {
            throw invalid("CreateConversation.message must not be empty");
        }
        maxLength("CreateConversation.message", message, MAX_MESSAGE);
        maxLength("CreateConversation.visitorName", c.getVisitorName(), MAX_NAME);
        email("CreateConversation.visitorEmail", c.getVisitorEmail());
        if (c.getChannel() != null && c.getChannel().isBlank()) {
            throw invalid("CreateConversation.channel must not be blank when set (e.g. web, email, sms, whatsapp)");
        }
        return c;
    }

    /** A new contact: Velaro matches contacts by email, then phone, so one of them is required. */
    public static ContactInput contactForCreate(ContactInput c) {
        if (isBlank(c.getEmail()) && isBlank(c.getPhone())) {
            throw invalid("ContactInput needs an email or a phone (Velaro matches contacts by email, then phone)");
        }
        return fields(c);
    }

    /** A PATCH: only the fields that are set change, so at least one must be. */
    public static ContactInput contactForUpdate(ContactInput c) {
        if (c.getName() == null && c.getEmail() == null && c.getPhone() == null && c.getCompany() == null
                && c.getCustomData() == null) {
            throw invalid("ContactInput for update sets no field; set at least one of name, email, phone, company, customData");
        }
        return fields(c);
    }

    private static ContactInput fields(ContactInput c) {
        maxLength("ContactInput.name", c.getName(), MAX_NAME);
        email("ContactInput.email", c.getEmail());
        maxLength("ContactInput.phone", c.getPhone(), MAX_PHONE);
        maxLength("ContactInput.company", c.getCompany(), MAX_COMPANY);
        return c;
    }

    private static void email(String field, String value) {
        if (value == null) {
            return;
        }
        maxLength(field, value, MAX_EMAIL);
        if (!EMAIL.matcher(value).matches()) {
            // the address is personal data, not a secret: quoting it helps find the bad record
            throw invalid(field + " is not a valid email address: '" + value + "'");
        }
    }

    private static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field + " is " + value.length() + " characters long; the most Velaro accepts is " + max);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static VelaroValidationException invalid(String message) {
        return new VelaroValidationException(message);
    }
}
