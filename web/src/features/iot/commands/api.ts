import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommandDto, SendCommandInput } from "@contracts/iot/commands";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { iotKeys } from "../keys";

const k = iotKeys.commands;

export const useCommands = (query: QueryParams, opts: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<CommandDto>>("/commands", { query }), placeholderData: (prev) => prev, ...opts });

export function useSendCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ deviceId, ...input }: SendCommandInput & { deviceId: string }) => api<CommandDto>(`/devices/${deviceId}/commands`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}
