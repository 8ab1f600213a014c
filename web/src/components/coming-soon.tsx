import { Empty } from "antd";
import { ClockCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";

/** Placeholder for a module that is planned but not delivered yet. */
export function ComingSoon() {
  const { t } = useTranslation();
  return <Empty image={<ClockCircleOutlined style={{ fontSize: 48, color: "#bfbfbf" }} />} description={t("common.comingSoon")} />;
}
