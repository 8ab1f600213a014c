import { useEffect, useState } from "react";
import { Button, ConfigProvider, theme } from "antd";
import { FullscreenExitOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMe } from "../../../auth/use-can";
import { PageLoading } from "../../../components/page-loading";
import { RequirePermission } from "../../../components/require-permission";
import { LiveIndicator } from "../../iot/components/live-indicator";
import { CommandBoard } from "../components/command-board";
import "../command.css";

/** The wall clock in the screen's head (Asia/Shanghai is the browser's zone in the bureau). */
function Clock() {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <span style={{ fontSize: 22, fontVariantNumeric: "tabular-nums", color: "#8fc1ff" }}>{now.format("YYYY-MM-DD HH:mm:ss")}</span>;
}

/**
 * 指挥大屏: the command center alone on a 1920×1080 wall, dark, large type, no menus; the same figures as
 * the console's 驾驶舱. Outside the console frame, so it waits for the session itself.
 */
export default function CommandScreenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (!me.data) return <PageLoading />;
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorBgContainer: "transparent", fontSize: 15 } }}>
      <RequirePermission permission="registry.project.read">
        <div className="sc-screen">
          <header className="sc-screen-head">
            <Clock />
            <h1>{t("command.screenTitle")}</h1>
            <div style={{ justifySelf: "end", display: "flex", alignItems: "center", gap: 16 }}>
              <LiveIndicator />
              <Button type="text" icon={<FullscreenExitOutlined />} onClick={() => void navigate("/command")} style={{ color: "#8fc1ff" }}>
                {t("command.exitScreen")}
              </Button>
            </div>
          </header>
          <CommandBoard big />
        </div>
      </RequirePermission>
    </ConfigProvider>
  );
}
