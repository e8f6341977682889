package cn.gongkai.ledger.platform;

/** The type of every error answer's body ({@link ApiErrorHandler}), for modules that describe answers in OpenAPI. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Class<?> type() {
        return ApiErrorHandler.ApiError.class;
    }
}
