package io.github.camelvelaro.examples.routes;

import io.github.camelvelaro.velaro.VelaroConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelvelaro.examples.routes.FollowUpBodies.conversation;

/**
 * Creates or updates the visitor's contact: looks the email up first, so a returning visitor's contact is updated
 * rather than duplicated.
 */
public class UpsertContactRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:upsert-contact")
                .routeId(RouteIds.UPSERT_CONTACT)
                .setHeader(VelaroConstants.CONTACT_EMAIL, simple("${variable.conversation.visitorEmail}"))
                .to("velaro:contacts?operation=list")
                .choice()
                    .when(simple("${body.isEmpty()}"))
                        .setBody(exchange -> FollowUpBodies.newContact(conversation(exchange)))
                        .to("velaro:contacts?operation=create")
                        .log(LoggingLevel.INFO, "velaro.example", "Contact ${header.CamelVelaroContactId} created after ${variable.conversation.id}")
                    .otherwise()
                        .setHeader(VelaroConstants.CONTACT_ID, simple("${body[0].id}"))
                        .setBody(exchange -> FollowUpBodies.lastConversationUpdate(conversation(exchange)))
                        .to("velaro:contacts?operation=update")
                        .log(LoggingLevel.INFO, "velaro.example", "Contact ${header.CamelVelaroContactId} updated after ${variable.conversation.id}")
                .end();
    }
}
