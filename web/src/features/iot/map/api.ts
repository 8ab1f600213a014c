import { useQuery } from "@tanstack/react-query";
import type { SiteMapItemDto } from "@contracts/iot/realtime";
import { api } from "../../../api/client";
import { iotKeys } from "../keys";

export const useSiteMap = () => useQuery({ queryKey: iotKeys.map, queryFn: () => api<SiteMapItemDto[]>("/iot/map") });
