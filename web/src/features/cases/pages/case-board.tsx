import { Button } from "antd";
import { FormOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCan } from "../../../auth/use-can";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import "../i18n";
import { CaseList } from "../components/case-list";

/** 整改闭环: every case in the caller's scope by state, with 开始检查 for inspectors. */
function CaseBoard() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const lp = useListParams();
  return (
    <>
      <PageHeader
        title={t("cases.boardTitle")}
        actions={
          can("cases.inspect") && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => void navigate("/inspections/new")}>
              {t("inspection.new")}
            </Button>
          )
        }
      />
      <CaseList lp={lp} />
    </>
  );
}

export default function CaseBoardPage() {
  return (
    <RequirePermission permission="cases.read">
      <CaseBoard />
    </RequirePermission>
  );
}
