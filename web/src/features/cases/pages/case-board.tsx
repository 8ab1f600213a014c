import { FormOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCan } from "../../../auth/use-can";
import { useListParams } from "../../../components/use-list-params";
import { CaseList } from "../components/case-list";

/** 整改闭环: every case in the caller's scope by state, with 开始检查 for inspectors. */
export default function CaseBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const lp = useListParams();
  return <CaseList lp={lp} title={t("cases.boardTitle")} create={can("cases.inspect") && { label: t("inspection.new"), icon: <FormOutlined />, inHeader: true, onClick: () => void navigate("/inspections/new") }} />;
}
