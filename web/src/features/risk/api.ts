import { useQuery } from "@tanstack/react-query";
import type { ProjectRiskDetailDto, ProjectRiskDto } from "@contracts/risk/risk";
import { api, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { riskKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

/** The city ranking, highest score first, in the caller's scope. */
export const useRiskRanking = (query: QueryParams) =>
  useQuery({ queryKey: k.ranking.list(query), queryFn: () => api<Page<ProjectRiskDto>>("/risk/projects", { query }), placeholderData: keep });

/** One project's risk with its daily history. */
export const useProjectRisk = (projectId: string) =>
  useQuery({ queryKey: k.project.detail(projectId), queryFn: () => api<ProjectRiskDetailDto>(`/projects/${projectId}/risk`) });
