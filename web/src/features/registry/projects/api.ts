import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddParticipantInput,
  AssignPostInput,
  CreateProjectInput,
  EndPostInput,
  ParticipantDto,
  PostDto,
  ProjectDto,
  ProjectStatsDto,
  ProjectSummaryDto,
  TransitionProjectInput,
  UpdateProjectInput,
} from "@contracts/registry/project";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";

const k = keys.projects;

/** A page of projects for the current list params (`q`, filters, sort, paging). */
export const useProjects = (query: QueryParams) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<ProjectSummaryDto>>("/projects", { query }), placeholderData: (prev) => prev });

/** One project; nothing is asked while there is no id yet (a form before its project is picked). */
export const useProject = (id: string) => useQuery({ queryKey: k.detail(id), queryFn: () => api<ProjectDto>(`/projects/${id}`), enabled: id !== "" });

export const useProjectStats = () => useQuery({ queryKey: keys.projectStats, queryFn: () => api<ProjectStatsDto>("/projects/stats") });

/** Options for a project picker: code + name. */
export async function searchProjects(q: string) {
  const page = await api<Page<ProjectSummaryDto>>("/projects", { query: { q, pageSize: 20 } });
  return page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
}

/** Every project write refreshes lists, details and the home statistics. */
function useProjectMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: k.all }), qc.invalidateQueries({ queryKey: keys.persons.all }), qc.invalidateQueries({ queryKey: keys.enterprises.all })]),
  });
}

export const useCreateProject = () => useProjectMutation((input: CreateProjectInput) => api<ProjectDto>("/projects", { body: input }));

export const useUpdateProject = (id: string) =>
  useProjectMutation((input: UpdateProjectInput) => api<ProjectDto>(`/projects/${id}`, { method: "PATCH", body: input }));

export const useTransitionProject = (id: string) =>
  useProjectMutation((input: TransitionProjectInput) => api<ProjectDto>(`/projects/${id}/transitions`, { body: input }));

export const useAddParticipant = (id: string) =>
  useProjectMutation((input: AddParticipantInput) => api<ParticipantDto>(`/projects/${id}/participants`, { body: input }));

export const useRemoveParticipant = (id: string) =>
  useProjectMutation((participantId: string) => api<void>(`/projects/${id}/participants/${participantId}`, { method: "DELETE" }));

export const useAssignPost = (id: string) => useProjectMutation((input: AssignPostInput) => api<PostDto>(`/projects/${id}/posts`, { body: input }));

export const useEndPost = (id: string) =>
  useProjectMutation(({ postId, ...input }: EndPostInput & { postId: string }) => api<PostDto>(`/projects/${id}/posts/${postId}/end`, { body: input }));

/** `code name` of one project, for a filter whose id came in the URL. */
export const projectName = (id: string) => api<ProjectDto>(`/projects/${id}`).then((p) => `${p.code} ${p.name}`);
