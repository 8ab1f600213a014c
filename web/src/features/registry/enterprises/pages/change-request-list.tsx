import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_STATES, type EnterpriseChangeRequestDto } from "@contracts/registry/enterprise-change";
import { ListPage } from "../../../../components/list-page";
import { useChangeRequests } from "../change-api";
import { DecideModal, useChangeRequestColumns, type Deciding } from "../components/change-requests-table";

/** 企业变更审核: the bureau's queue of enterprise change requests, pending ones first (oldest first). */
export default function ChangeRequestListPage() {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<Deciding>(null);
  return (
    <ListPage<EnterpriseChangeRequestDto>
      title={t("menu.enterpriseChanges")}
      useRows={useChangeRequests}
      query={(q) => ({ ...q, state: q.state ?? "pending" })}
      search={false}
      filters={[{ kind: "segmented", key: "state", fallback: "pending", options: CHANGE_REQUEST_STATES.map((s) => ({ value: s, label: t(`enterpriseChange.states.${s}`) })) }]}
      emptyText={t("enterpriseChange.empty")}
      columns={useChangeRequestColumns({ showEnterprise: true, onDecide: setDeciding })}
    >
      <DecideModal deciding={deciding} onClose={() => setDeciding(null)} />
    </ListPage>
  );
}
