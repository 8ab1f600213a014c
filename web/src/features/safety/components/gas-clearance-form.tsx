import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import type { GasClearanceInput } from "@contracts/safety/dangerous-works";
import { api } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";
import { RemoteSelect } from "../../../components/remote-select";
import { FormModal, useRequired } from "../../../components/form-modal";
import type { EnterpriseSummaryDto } from "@contracts/registry/enterprise";
import { useRecordGasClearance } from "../api";

async function searchGasCompanies(q: string) {
  const page = await api<Page<EnterpriseSummaryDto>>("/enterprises", { query: { q, type: "gas", pageSize: 20 } });
  return page.items.map((e) => ({ value: e.id, label: e.name }));
}

/** 登记燃气确认: the gas company's clearance of an excavation (required near gas mains from issue 6 on). */
export function GasClearanceForm({ workId, open, onClose }: { workId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordGasClearance(workId);
  const required = useRequired();
  return (
    <FormModal<GasClearanceInput> open={open} title={t("safety.recordGas")} onClose={onClose} submit={(v) => record.mutateAsync(v)} pending={record.isPending} fields={["enterpriseId", "refNo"]}>
      <Form.Item name="enterpriseId" label={t("safety.gasEnterprise")} rules={required}>
        <RemoteSelect scope={[...keys.enterprises.all, "gas"]} fetchOptions={searchGasCompanies} />
      </Form.Item>
      <Form.Item name="refNo" label={t("safety.refNo")} rules={required}>
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}
