package io.github.camelvelaro.examples.routes;

import io.github.camelvelaro.velaro.VelaroConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelvelaro.examples.routes.FollowUpBodies.conversation;

/** Starts the follow-up survey workflow in Velaro through its webhook trigger. */
public class FollowUpWorkflowRoute extends RouteBuilder {

    @Override
    public void configure() {
        // the trigger URL is the credential (anyone holding it can start runs): RAW(...) and a property, never a literal
        from("direct:follow-up-workflow")
                .routeId(RouteIds.FOLLOW_UP_WORKFLOW)
                .setBody(exchange -> FollowUpBodies.survey(conversation(exchange),
                        exchange.getMessage().getHeader(VelaroConstants.CONTACT_ID, String.class)))
                .to("velaro:workflows?triggerUrl=RAW({{velaro.workflow-trigger-url}})")
                .log(LoggingLevel.INFO, "velaro.example", "Follow-up survey started for ${variable.conversation.id}");
    }
}
