import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AcceptCaseInput,
  CaseBoardDto,
  CaseDetailDto,
  CaseDto,
  CommentCaseInput,
  OpenCaseRequest,
  OpenCaseResultDto,
  RecheckCaseInput,
  ReplyCaseInput,
  ResumeApplyInput,
  ResumeDecisionInput,
  StopWorkInput,
} from "@contracts/cases/cases";
import { api, apiUrl, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { casesKeys } from "./keys";
import type { PhotoDto } from "@contracts/platform/files";

const k = casesKeys.cases;
const keep = <T,>(prev: T | undefined) => prev;

export const useCases = (query: QueryParams, opts: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<CaseDto>>("/cases", { query }), placeholderData: keep, ...opts });

/** The board's head strip, for the same scope filter as the list below it (project, enterprise). */
export const useCaseBoard = (query: QueryParams) =>
  useQuery({ queryKey: casesKeys.board(query), queryFn: () => api<CaseBoardDto>("/cases/board", { query }), placeholderData: keep });

export const useCase = (id: string) => useQuery({ queryKey: k.detail(id), queryFn: () => api<CaseDetailDto>(`/cases/${id}`) });

/** Where a case photo is shown from (the server checks the caller may see the case it belongs to). */
export const photoUrl = (id: string) => apiUrl(`/cases/photos/${encodeURIComponent(id)}`);

export const noticePdfUrl = (caseId: string) => apiUrl(`/cases/${caseId}/notice.pdf`);
export const stopWorkPdfUrl = (caseId: string) => apiUrl(`/cases/${caseId}/stop-work.pdf`);

/** Uploads one photo (JPEG/PNG) and answers the id to put into a reply, a re-check or a checklist result. */
export async function uploadCasePhoto(file: File): Promise<string> {
  const body = new FormData();
  body.append("file", file, file.name);
  const res = await api<PhotoDto>("/cases/photos", { body });
  return res.id;
}

/** The verbs of a case, each `POST /cases/:id/<action>` with its own input. */
export type CaseCommand =
  | { action: "accept"; input: AcceptCaseInput }
  | { action: "reply"; input: ReplyCaseInput }
  | { action: "recheck"; input: RecheckCaseInput }
  | { action: "stop-work"; input: StopWorkInput }
  | { action: "resume-apply"; input: ResumeApplyInput }
  | { action: "resume-decision"; input: ResumeDecisionInput }
  | { action: "comment"; input: CommentCaseInput };

/** Refreshes every case list, the board and the inbox (a transition notifies people, maybe the caller too). */
function useInvalidateCases() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: k.all }),
      qc.invalidateQueries({ queryKey: casesKeys.inspections.all }),
      qc.invalidateQueries({ queryKey: casesKeys.notifications.all }),
      qc.invalidateQueries({ queryKey: ["registry.projects"] }),
      qc.invalidateQueries({ queryKey: ["quality.acceptances"] }),
    ]);
}

export function useCaseCommand(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: (cmd: CaseCommand) => api<CaseDetailDto>(`/cases/${caseId}/${cmd.action}`, { body: cmd.input }),
    onSuccess: invalidate,
  });
}

/** 开具整改单 directly (a patrol finding, or an IoT alarm with source "iot"). */
export function useOpenCase() {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (input: OpenCaseRequest) => api<OpenCaseResultDto>("/cases", { body: input }), onSuccess: invalidate });
}
