package io.github.camelvelaro.sandbox.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A request matched to an operation: {@code GET /conversations/conv_1} is {@code GET_CONVERSATION} on
 * {@code conv_1}.
 *
 * @param operation the operation
 * @param id        the item id for item operations, else null
 */
record ApiRoute(ApiOperation operation, String id) {

    /**
     * @param path the path below the base URL (already percent-decoded), or null when outside it
     * @throws ApiError 404 for a path that names nothing, 405 for a method the path does not take
     */
    static ApiRoute resolve(String method, String path) {
        if (path != null) {
            for (ApiOperation.Resource resource : ApiOperation.Resource.values()) {
                String id = null;
                boolean onItem;
                if (path.equals(resource.path)) {
                    onItem = false;
                } else if (path.startsWith(resource.path + "/") && path.indexOf('/', resource.path.length() + 1) < 0
                           && path.length() > resource.path.length() + 1) {
                    onItem = true;
                    id = path.substring(resource.path.length() + 1);
                } else {
                    continue;
                }
                for (ApiOperation operation : ApiOperation.values()) {
                    if (operation.resource == resource && operation.onItem == onItem
                        && operation.method.equalsIgnoreCase(method)) {
                        return new ApiRoute(operation, id);
                    }
                }
                throw new ApiError(405, "method_not_allowed", method + " is not allowed here; use "
                                                                + allowed(resource, onItem));
            }
        }
        throw ApiError.notFound("No such resource: " + path);
    }

    private static String allowed(ApiOperation.Resource resource, boolean onItem) {
        return Arrays.stream(ApiOperation.values())
                .filter(o -> o.resource == resource && o.onItem == onItem)
                .map(o -> o.method).collect(Collectors.joining(", "));
    }
}
