import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AnomalyCaseResultDto, AnomalyDto, AnomalyToCaseInput } from "@contracts/gas/anomaly";
import type { CreateSafetyCheckInput, CustomerDto, CustomerInput, SafetyCheckDto } from "@contracts/gas/customer";
import type { DeliveryBatchResultDto, DeliveryDto } from "@contracts/gas/delivery";
import { api, apiUrl, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { gasDeliveryKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useCustomers = (query: QueryParams) =>
  useQuery({ queryKey: k.customers.list(query), queryFn: () => api<Page<CustomerDto>>("/gas/customers", { query }), placeholderData: keep });
export const useCustomer = (id: string) => useQuery({ queryKey: k.customers.detail(id), queryFn: () => api<CustomerDto>(`/gas/customers/${id}`) });
export const useSafetyChecks = (query: QueryParams) =>
  useQuery({ queryKey: k.checks.list(query), queryFn: () => api<Page<SafetyCheckDto>>("/gas/safety-checks", { query }), placeholderData: keep });
export const useDeliveries = (query: QueryParams) =>
  useQuery({ queryKey: k.deliveries.list(query), queryFn: () => api<Page<DeliveryDto>>("/gas/deliveries", { query }), placeholderData: keep });
export const useAnomalies = (query: QueryParams) =>
  useQuery({ queryKey: k.anomalies.list(query), queryFn: () => api<Page<AnomalyDto>>("/gas/anomalies", { query }), placeholderData: keep });

/** The full ID number: an audited read, fetched only on demand. */
export const fetchCustomerFull = (id: string) => api<CustomerDto>(`/gas/customers/${id}/full`);

/** Any write of this area may change customers, checks, deliveries and anomalies alike. */
function useGasMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(Object.values(k).map((key) => qc.invalidateQueries({ queryKey: key.all }))) });
}

export const useSaveCustomer = (id?: string) =>
  useGasMutation((input: CustomerInput) => (id ? api<CustomerDto>(`/gas/customers/${id}`, { method: "PUT", body: input }) : api<CustomerDto>("/gas/customers", { body: input })));
export const useSetCustomerActive = (id: string) => useGasMutation((active: boolean) => api<CustomerDto>(`/gas/customers/${id}/active`, { body: { active } }));
export const useRecordCheck = () => useGasMutation((input: CreateSafetyCheckInput) => api<SafetyCheckDto>("/gas/safety-checks", { body: input }));
export const useResolveAnomaly = () => useGasMutation(({ id, note }: { id: string; note: string }) => api<AnomalyDto>(`/gas/anomalies/${id}/resolve`, { body: { note } }));
export const useAnomalyToCase = () =>
  useGasMutation(({ id, input }: { id: string; input: AnomalyToCaseInput }) => api<AnomalyCaseResultDto>(`/gas/anomalies/${id}/case`, { body: input }));
export const useUploadDeliveries = () =>
  useGasMutation(({ file, enterpriseId }: { file: File; enterpriseId?: string }) => {
    const body = new FormData();
    body.append("file", file, file.name);
    return api<DeliveryBatchResultDto>("/gas/deliveries/import", { body, query: enterpriseId ? { enterpriseId } : {} });
  });

/** Options for the gas-company picker the bureau's admin uses (registry enterprises of type 燃气企业). */
export async function searchGasCompanies(q: string) {
  const page = await api<Page<{ id: string; name: string }>>("/enterprises", { query: { q, type: "gas", pageSize: 20 } });
  return page.items.map((e) => ({ value: e.id, label: e.name }));
}

/** Safety-check photos: uploaded one by one, the check keeps their ids (the server serves them by scope). */
export const checkPhotoEndpoints = {
  upload: async (file: File) => {
    const body = new FormData();
    body.append("file", file, file.name);
    return (await api<{ id: string }>("/gas/safety-checks/photos", { body })).id;
  },
  urlOf: (id: string) => apiUrl(`/gas/safety-checks/photos/${encodeURIComponent(id)}`),
};
