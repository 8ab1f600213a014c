import { useRef, useState } from "react";
import { Alert, Button, Card, Flex, Input, Typography, type InputRef } from "antd";
import { LockOutlined, UnlockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { FillCheckDto } from "@contracts/gas/cylinder-check";
import { errorText } from "../../../../components/form-utils";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useFillCheck } from "../api";

/**
 * 充装前检查: what the filling scale's operator sees. The station code stays; each scanned cylinder code is
 * checked on Enter and the answer fills the screen — 放行 in green, or 锁定 in red with every reason.
 */
function ScaleConsole() {
  const { t } = useTranslation();
  const [stationCode, setStationCode] = useState(() => localStorage.getItem("gas.scale.station") ?? "");
  const [cylinderCode, setCylinderCode] = useState("");
  const [answer, setAnswer] = useState<(FillCheckDto & { cylinderCode: string }) | null>(null);
  const check = useFillCheck();
  const cylinderInput = useRef<InputRef>(null);
  const run = async () => {
    if (!stationCode.trim() || !cylinderCode.trim()) return;
    localStorage.setItem("gas.scale.station", stationCode.trim());
    setAnswer(null);
    try {
      const res = await check.mutateAsync({ stationCode: stationCode.trim(), cylinderCode: cylinderCode.trim() });
      setAnswer({ ...res, cylinderCode: cylinderCode.trim() });
    } finally {
      // Ready for the next scan.
      setCylinderCode("");
      cylinderInput.current?.focus();
    }
  };
  return (
    <>
      <PageHeader title={t("gasCyl.console.title")} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t("gasCyl.console.hint")}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Input aria-label={t("gasCyl.console.stationCode")} placeholder={t("gasCyl.console.stationCode")} style={{ width: 200 }} value={stationCode} onChange={(e) => setStationCode(e.target.value)} />
          <Input
            ref={cylinderInput}
            autoFocus
            aria-label={t("gasCyl.console.cylinderCode")}
            placeholder={t("gasCyl.console.scan")}
            style={{ width: 320 }}
            value={cylinderCode}
            onChange={(e) => setCylinderCode(e.target.value)}
            onPressEnter={() => void run()}
          />
          <Button type="primary" loading={check.isPending} onClick={() => void run()}>
            {t("gasCyl.console.check")}
          </Button>
        </Flex>
      </Card>
      {check.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(check.error)} />}
      <Card size="small" style={{ marginTop: 12 }}>
        {!answer ? (
          <Typography.Text type="secondary">{t("gasCyl.console.waiting")}</Typography.Text>
        ) : (
          <div
            data-testid="scale-verdict"
            data-allowed={answer.allowed}
            style={{ padding: 24, borderRadius: 8, color: "#fff", background: answer.allowed ? "#389e0d" : "#cf1322" }}
          >
            <Flex align="center" gap={16}>
              {answer.allowed ? <UnlockOutlined style={{ fontSize: 48 }} /> : <LockOutlined style={{ fontSize: 48 }} />}
              <div>
                <div style={{ fontSize: 36, fontWeight: 700 }}>{answer.allowed ? t("gasCyl.console.allowed") : t("gasCyl.console.locked")}</div>
                <div>
                  {answer.cylinderCode} · {answer.allowed ? t("gasCyl.console.allowedHint") : t("gasCyl.console.lockedHint")}
                </div>
              </div>
            </Flex>
            {!answer.allowed && (
              <ul style={{ margin: "12px 0 0", fontSize: 18 }}>
                {answer.reasons.map((r) => (
                  <li key={r.code} data-reason={r.code}>
                    {r.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Card>
    </>
  );
}

export default function ScaleConsolePage() {
  return (
    <RequirePermission permission="gas.manage">
      <ScaleConsole />
    </RequirePermission>
  );
}
