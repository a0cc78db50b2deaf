package io.github.camelvelaro.velaro.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list response.
 * <p>
 * ASSUMPTION (openapi.yaml ConversationPage/ContactPage, x-source: assumed envelope):
 * {@code {"data": [...], "page": 1, "pageSize": 25, "totalCount": 40, "hasMore": true}}.
 *
 * @param <T> {@link Conversation} or {@link Contact}
 */
public class VelaroPage<T> extends VelaroModel {

    private List<T> data = new ArrayList<>();
    private int page;
    private int pageSize;
    private Integer totalCount;
    private Boolean hasMore;

    public List<T> getData() {
        return data;
    }

    public void setData(List<T> data) {
        this.data = data == null ? new ArrayList<>() : data;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Total number of matching items when Velaro sends it, else null. */
    public Integer getTotalCount() {
        return totalCount;
    }

    public void setTotalCount(Integer totalCount) {
        this.totalCount = totalCount;
    }

    /** Whether Velaro announced more pages; null when the field was missing. */
    public Boolean getHasMore() {
        return hasMore;
    }

    public void setHasMore(Boolean hasMore) {
        this.hasMore = hasMore;
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return Boolean.TRUE.equals(hasMore);
    }
}
