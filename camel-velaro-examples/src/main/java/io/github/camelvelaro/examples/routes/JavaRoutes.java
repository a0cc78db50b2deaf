package io.github.camelvelaro.examples.routes;

import java.util.List;

import org.apache.camel.RoutesBuilder;

/** The example's routes in the Java DSL; {@code src/main/resources/routes/*.camel.yaml} are the same in YAML. */
public final class JavaRoutes {

    private JavaRoutes() {
    }

    public static List<RoutesBuilder> all() {
        return List.of(new OneLineErrors(), new PollConversationsRoute(), new WebhookEventsRoute(),
                new ResolvedConversationRoute(), new UpsertContactRoute(), new FollowUpWorkflowRoute());
    }
}
