package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxContactsApiTest extends FrozenSiteTest {

    static final String JANE = """
            {"name":"Jane Doe","email":"jane@example.com","phone":"+15551234567","company":"Acme",
             "customData":{"tier":"gold","since":2020}}""";

    @Test
    void createAnswers201WithTheContact() {
        HttpResponse<String> response = api.post("/contacts", key, JANE);

        assertThat(response.statusCode()).isEqualTo(201);
        Contact c = ApiCalls.as(response, Contact.class);
        assertThat(c.getId()).startsWith("cont_");
        assertThat(c.getName()).isEqualTo("Jane Doe");
        assertThat(c.getEmail()).isEqualTo("jane@example.com");
        assertThat(c.getPhone()).isEqualTo("+15551234567");
        assertThat(c.getCompany()).isEqualTo("Acme");
        assertThat(c.getCustomData()).containsEntry("tier", "gold").containsEntry("since", 2020);
        assertThat(c.getCreatedAt()).isEqualTo(T0);
        assertThat(c.getUpdatedAt()).isEqualTo(T0);
        assertThat(ApiCalls.as(api.get("/contacts/" + c.getId(), key), Contact.class).getEmail()).isEqualTo("jane@example.com");
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        Contact created = ApiCalls.as(api.post("/contacts", key, JANE), Contact.class);
        sandbox.clock().advance(Duration.ofMinutes(5));

        HttpResponse<String> response = api.patch("/contacts/" + created.getId(), key, "{\"company\":\"Globex\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        Contact updated = ApiCalls.as(response, Contact.class);
        assertThat(updated.getCompany()).isEqualTo("Globex");
        assertThat(updated.getName()).isEqualTo("Jane Doe");
        assertThat(updated.getEmail()).isEqualTo("jane@example.com");
        assertThat(updated.getPhone()).isEqualTo("+15551234567");
        assertThat(updated.getCustomData()).containsEntry("tier", "gold");
        assertThat(updated.getCreatedAt()).isEqualTo(T0);
        assertThat(updated.getUpdatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(ApiCalls.as(api.get("/contacts/" + created.getId(), key), Contact.class).getCompany()).isEqualTo("Globex");
    }

    @Test
    void patchReplacesCustomDataAsAWholeAndMovesUpdatedAtOnEveryChange() {
        Contact created = ApiCalls.as(api.post("/contacts", key, JANE), Contact.class);

        Contact first = ApiCalls.as(api.patch("/contacts/" + created.getId(), key, "{\"customData\":{\"tier\":\"silver\"}}"), Contact.class);
        Contact second = ApiCalls.as(api.patch("/contacts/" + created.getId(), key, "{\"name\":\"Jane D.\"}"), Contact.class);

        assertThat(first.getCustomData()).containsOnlyKeys("tier").containsEntry("tier", "silver");
        assertThat(first.getUpdatedAt()).isEqualTo(T0.plusMillis(1));
        assertThat(second.getUpdatedAt()).isEqualTo(T0.plusMillis(2));
    }

    @Test
    void createWithAKnownEmailUpdatesThatContactAndAnswers200() {
        Contact created = ApiCalls.as(api.post("/contacts", key, JANE), Contact.class);

        HttpResponse<String> again = api.post("/contacts", key, "{\"email\":\"JANE@example.com\",\"company\":\"Initech\"}");

        assertThat(again.statusCode()).isEqualTo(200);
        Contact matched = ApiCalls.as(again, Contact.class);
        assertThat(matched.getId()).isEqualTo(created.getId());
        assertThat(matched.getCompany()).isEqualTo("Initech");
        assertThat(matched.getName()).isEqualTo("Jane Doe");
        assertThat(sandbox.contacts().size()).isEqualTo(1);
    }

    @Test
    void withoutAnEmailAContactIsMatchedByPhone() {
        Contact byPhone = ApiCalls.as(api.post("/contacts", key, "{\"phone\":\"+15550001111\",\"name\":\"Omar\"}"), Contact.class);

        HttpResponse<String> again = api.post("/contacts", key, "{\"phone\":\"+15550001111\",\"company\":\"Hooli\"}");
        HttpResponse<String> otherEmail = api.post("/contacts", key,
                "{\"phone\":\"+15550001111\",\"email\":\"omar@example.com\"}");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ApiCalls.as(again, Contact.class).getId()).isEqualTo(byPhone.getId());
        // an email that is new makes a new contact, even with a known phone
        assertThat(otherEmail.statusCode()).isEqualTo(201);
        assertThat(sandbox.contacts().size()).isEqualTo(2);
    }

    @Test
    void theEmailFilterIsExactAndCaseInsensitive() {
        Contact jane = ApiCalls.as(api.post("/contacts", key, JANE), Contact.class);
        api.post("/contacts", key, "{\"email\":\"ane@example.com\"}");
        api.post("/contacts", key, "{\"email\":\"jane@example.co\"}");

        assertThat(ApiCalls.ids(api.get("/contacts?email=JANE%40Example.com", key)))
                .containsExactly(jane.getId());
        assertThat(ApiCalls.ids(api.get("/contacts?email=nobody%40example.com", key))).isEmpty();
        assertThat(ApiCalls.ids(api.get("/contacts", key))).hasSize(3);
    }

    @Test
    void listIsOrderedByUpdatedAtAndFiltersByUpdatedSince() {
        Contact a = ApiCalls.as(api.post("/contacts", key, "{\"email\":\"a@example.com\"}"), Contact.class);
        sandbox.clock().advance(Duration.ofSeconds(10));
        Contact b = ApiCalls.as(api.post("/contacts", key, "{\"email\":\"b@example.com\"}"), Contact.class);
        sandbox.clock().advance(Duration.ofSeconds(10));
        api.patch("/contacts/" + a.getId(), key, "{\"name\":\"A\"}");

        assertThat(ApiCalls.ids(api.get("/contacts", key))).containsExactly(b.getId(), a.getId());
        assertThat(ApiCalls.ids(api.get("/contacts?updatedSince=" + T0.plusSeconds(20), key)))
                .containsExactly(a.getId());
        assertThat(ApiCalls.ids(api.get("/contacts?pageSize=1&page=2", key))).containsExactly(a.getId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "neither email nor phone | {\"name\":\"Jane\"}                 | needs an email or a phone",
            "blank email, no phone   | {\"email\":\" \"}                   | not a valid email address",
            "unknown field           | {\"email\":\"a@b.co\",\"vip\":true}  | unknown field 'vip'",
            "phone too long          | {\"phone\":\"12345678901234567890123456789012345678901\"} | phone is 41 characters long",
            "company not a string    | {\"email\":\"a@b.co\",\"company\":7} | company must be a string",
            "empty body              | ''                                  | the request body is empty" })
    void invalidContactsAre400(String name, String body, String message) {
        HttpResponse<String> response = api.post("/contacts", key, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(response)).contains(message);
        assertThat(sandbox.contacts().size()).isZero();
    }

    @Test
    void invalidPatchesAre400AndChangeNothing() {
        Contact created = ApiCalls.as(api.post("/contacts", key, "{\"phone\":\"+15550001111\"}"), Contact.class);
        String path = "/contacts/" + created.getId();

        HttpResponse<String> empty = api.patch(path, key, "{}");
        HttpResponse<String> unknown = api.patch(path, key, "{\"nickname\":\"J\"}");
        HttpResponse<String> nullField = api.patch(path, key, "{\"name\":null}");
        HttpResponse<String> noPhoneLeft = api.patch(path, key, "{\"phone\":\"\"}");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(empty)).contains("sets no field");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(unknown)).contains("unknown field 'nickname'");
        assertThat(nullField.statusCode()).isEqualTo(400);
        assertThat(noPhoneLeft.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.errorMessage(noPhoneLeft)).contains("needs an email or a phone");
        Contact after = ApiCalls.as(api.get(path, key), Contact.class);
        assertThat(after.getPhone()).isEqualTo("+15550001111");
        assertThat(after.getUpdatedAt()).isEqualTo(created.getUpdatedAt());
    }

    @Test
    void unknownContactsAre404() {
        assertThat(api.get("/contacts/cont_nope", key).statusCode()).isEqualTo(404);
        HttpResponse<String> patch = api.patch("/contacts/cont_nope", key, "{\"name\":\"x\"}");
        assertThat(patch.statusCode()).isEqualTo(404);
        assertThat(ApiCalls.errorCode(patch)).isEqualTo("not_found");
    }
}
