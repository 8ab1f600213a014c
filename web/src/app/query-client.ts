import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";

/** 4xx answers are final (retrying a 404 or a 403 only delays the message); network and 5xx retry twice. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});
