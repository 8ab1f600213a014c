import { Alert, Button, Flex } from "antd";
import { SafetyOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useVerifyAudit } from "../api";

/** 校验哈希链 and its verdict: intact with the number checked, or the first broken entry and why. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <Flex gap={8} align="center">
      {r && (
        <Alert
          type={r.ok ? "success" : "error"}
          showIcon
          style={{ padding: "2px 10px" }}
          title={r.ok ? t("audit.verifyOk", { checked: r.checked }) : t("audit.verifyBroken", { id: r.firstBrokenId, reason: r.reason ?? "" })}
        />
      )}
      {verify.error && <Alert type="error" showIcon style={{ padding: "2px 10px" }} title={verify.error.message} />}
      <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        {t("audit.verify")}
      </Button>
    </Flex>
  );
}
