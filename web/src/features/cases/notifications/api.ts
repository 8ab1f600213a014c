import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MarkedReadDto, NotificationDto, UnreadCountDto } from "@contracts/cases/notifications";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { casesKeys } from "../keys";

/** The bell polls: notifications come from other users' actions, which this browser does not see happen. */
export const UNREAD_POLL_MS = 30_000;

export const useUnreadCount = () =>
  useQuery({
    queryKey: casesKeys.unread,
    queryFn: () => api<UnreadCountDto>("/notifications/unread-count"),
    select: (d) => d.unread,
    refetchInterval: UNREAD_POLL_MS,
  });

export const useNotifications = (query: QueryParams, opts: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: casesKeys.notifications.list(query),
    queryFn: () => api<Page<NotificationDto>>("/notifications", { query }),
    placeholderData: (prev) => prev,
    ...opts,
  });

function useInvalidateInbox() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: casesKeys.notifications.all });
}

export function useMarkRead() {
  const invalidate = useInvalidateInbox();
  return useMutation({ mutationFn: (id: string) => api<NotificationDto>(`/notifications/${id}/read`, { method: "POST" }), onSuccess: invalidate });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateInbox();
  return useMutation({ mutationFn: () => api<MarkedReadDto>("/notifications/read-all", { method: "POST" }), onSuccess: invalidate });
}
